using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Search.Tests.Query;

/// <summary>
/// A bonus that only reorders the first hits (<see cref="RescoredQuery"/>), over a real index on disk with several
/// segments and deleted documents: within the window the hits and scores are the ones of the words and the bonus searched
/// as one query; below it the words' order stands; searched as any query it is that one query.
/// </summary>
public sealed class RescoredQueryTests : IDisposable
{
    private static readonly string[] Vocabulary = ["复盘", "GMV", "618", "直播", "push", "新客", "转化", "会员"];

    private readonly DiskIndex index = new();

    public RescoredQueryTests()
    {
        var random = new Random(20261207);
        for (var i = 0; i < 300; i++)
        {
            var words = Enumerable.Range(0, random.Next(3, 30)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]);
            var document = new Document
            {
                new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                new TextField("body", string.Join(' ', words), Field.Store.NO),
            };
            index.Writer.AddDocument(document);
            if (i % 100 == 99)
            {
                index.Writer.Commit(); // three segments
            }
        }

        index.Writer.DeleteDocuments(new Term("id", "7"), new Term("id", "150"), new Term("id", "299"));
        index.Writer.Commit();
    }

    public static TheoryData<string, string> Pairs => new() { { "复盘", "GMV" }, { "618", "直播" }, { "push", "新客" }, { "会员", "转化" } };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void With_every_hit_in_the_window_the_page_is_the_one_of_words_and_bonus_as_one_query(string first, string second)
    {
        using var reader = DirectoryReader.Open(index.Directory);
        var searcher = new IndexSearcher(reader);
        Assert.True(reader.Leaves.Count >= 3);
        Assert.True(reader.HasDeletions);
        var rescored = Rescored(first, second);

        var expected = searcher.Search(rescored.Whole(), reader.MaxDoc).ScoreDocs;
        var actual = Ranked(searcher, rescored, window: reader.MaxDoc);

        Assert.True(expected.Length > 20, "the pair should be in many documents");
        Assert.Equal(expected.Select(d => d.Doc), actual.Select(d => d.Doc));
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 5));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Only_the_first_hits_by_the_words_get_the_bonus_and_the_rest_keep_the_words_order(string first, string second)
    {
        using var reader = DirectoryReader.Open(index.Directory);
        var searcher = new IndexSearcher(reader);
        var rescored = Rescored(first, second);
        const int window = 10;

        var byWords = Ranked(searcher, rescored, window: 0);
        var actual = Ranked(searcher, rescored, window);
        var whole = searcher.Search(rescored.Whole(), reader.MaxDoc).ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);

        Assert.Equal(byWords.Length, actual.Length);
        Assert.Equal(byWords.Take(window).Select(d => d.Doc).Order(), actual.Take(window).Select(d => d.Doc).Order());
        Assert.Equal(
            actual.Take(window).OrderByDescending(d => whole[d.Doc]).ThenBy(d => d.Doc).Select(d => d.Doc),
            actual.Take(window).Select(d => d.Doc));
        Assert.All(actual.Take(window), d => Assert.Equal(whole[d.Doc], d.Score, 5));
        Assert.Equal(byWords.Skip(window).Select(d => (d.Doc, d.Score)), actual.Skip(window).Select(d => (d.Doc, d.Score)));
        Assert.NotEqual(byWords.Take(window).Select(d => d.Doc), actual.Take(window).Select(d => d.Doc)); // the bonus did reorder
    }

    [Fact]
    public void Searched_as_any_query_it_is_the_words_with_the_bonus_and_matches_what_the_words_match()
    {
        using var reader = DirectoryReader.Open(index.Directory);
        var searcher = new IndexSearcher(reader);
        var rescored = Rescored("复盘", "GMV");

        var asAny = searcher.Search(rescored, 50);
        var whole = searcher.Search(rescored.Whole(), 50);

        Assert.Equal(whole.TotalHits, asAny.TotalHits);
        Assert.Equal(searcher.Search(rescored.Matching, 1).TotalHits, asAny.TotalHits);
        Assert.Equal(whole.ScoreDocs.Select(d => (d.Doc, d.Score)), asAny.ScoreDocs.Select(d => (d.Doc, d.Score)));
        Assert.Same(rescored.Matching, RescoredQuery.MatchingOf(rescored));
        Assert.Same(rescored.Matching, RescoredQuery.MatchingOf(rescored.Matching));
    }

    [Fact]
    public void A_bound_rescored_query_keeps_its_parts_and_scores()
    {
        using var reader = DirectoryReader.Open(index.Directory);
        var searcher = new IndexSearcher(reader);
        var rescored = Rescored("618", "直播");

        var bound = Assert.IsType<RescoredQuery>(TermContexts.Bind(searcher, rescored));

        Assert.Equal(rescored.Whole().ToString(), bound.Whole().ToString());
        Assert.Equal(
            searcher.Search(rescored, 20).ScoreDocs.Select(d => (d.Doc, d.Score)),
            searcher.Search(bound, 20).ScoreDocs.Select(d => (d.Doc, d.Score)));
    }

    [Fact]
    public void Highlighting_reads_the_words_and_the_bonus_phrase()
    {
        var terms = QueryTerms.Of(Rescored("复盘", "GMV")).For("body");

        Assert.NotNull(terms);
        Assert.Contains("复盘", terms.Terms);
        Assert.Contains(terms.Phrases, p => p.Terms.SequenceEqual(["复盘", "GMV"]));
    }

    [Fact]
    public void A_window_larger_than_the_hits_or_an_empty_list_is_fine()
    {
        using var reader = DirectoryReader.Open(index.Directory);
        var searcher = new IndexSearcher(reader);
        var (_, bonus) = RescoredQuery.Weights(searcher, new TermQuery(new Term("body", "复盘")), Phrase("复盘", "GMV"));

        Assert.Empty(RescoredQuery.Rescore(searcher, [], bonus));
        Assert.Single(RescoredQuery.Rescore(searcher, [new ScoreDoc(0, 1f)], bonus, window: 1000));
    }

    public void Dispose() => index.Dispose();

    private static RescoredQuery Rescored(string first, string second) => new(
        new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(new Term("body", first)), Occur.MUST },
            { new TermQuery(new Term("body", second)), Occur.MUST },
        },
        new BooleanQuery(disableCoord: true) { { Phrase(first, second), Occur.SHOULD }, { Phrase(second, first), Occur.SHOULD } });

    private static PhraseQuery Phrase(string first, string second) => new() { new Term("body", first), new Term("body", second) };

    /// <summary>Every hit, as a page by relevance is made: collected by the words, the first <paramref name="window"/> rescored.</summary>
    private static ScoreDoc[] Ranked(IndexSearcher searcher, RescoredQuery rescored, int window)
    {
        var (matching, bonus) = RescoredQuery.Weights(searcher, rescored.Matching, rescored.Bonus);
        var collector = TopScoreDocCollector.Create(searcher.IndexReader.MaxDoc, false);
        RescoredQuery.Search(searcher, matching, collector);
        return RescoredQuery.Rescore(searcher, collector.GetTopDocs().ScoreDocs, bonus, window);
    }
}

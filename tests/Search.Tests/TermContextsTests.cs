using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// Term lookups kept per index version: a bound query finds the same documents with the same scores as the query it
/// came from, and a newer version of the index is never read through an older version's lookups — over a real index on
/// disk with several segments.
/// </summary>
public sealed class TermContextsTests : IDisposable
{
    private readonly DiskIndex index = new();

    [Fact]
    public void A_bound_query_finds_the_same_documents_with_the_same_scores_in_every_segment()
    {
        Add("618 复盘 GMV", "plan");
        Add("GMV 下滑 原因", "retro");
        index.Writer.Commit();
        Add("618 预售 复盘 复盘", "retro");
        Add("weekly report GMV", "weekly");
        index.Writer.Commit();
        using var reader = DirectoryReader.Open(index.Directory);
        Assert.True(reader.Leaves.Count > 1);
        var searcher = new IndexSearcher(reader);

        foreach (var query in Queries())
        {
            var expected = searcher.Search(query, 10).ScoreDocs;
            var bound = TermContexts.Bind(searcher, query);
            var again = TermContexts.Bind(searcher, query); // the second time from the kept lookups
            Assert.NotEmpty(expected);
            Assert.Equal(Scored(expected), Scored(searcher.Search(bound, 10).ScoreDocs));
            Assert.Equal(Scored(expected), Scored(searcher.Search(again, 10).ScoreDocs));
        }
    }

    [Fact]
    public void A_newer_index_version_is_searched_with_its_own_lookups()
    {
        Add("618 复盘", "retro");
        index.Writer.Commit();
        using var before = DirectoryReader.Open(index.Directory);
        var query = new TermQuery(new Term("body", "复盘"));
        Assert.Equal(1, new IndexSearcher(before).Search(TermContexts.Bind(new IndexSearcher(before), query), 10).TotalHits);

        Add("复盘 GMV", "retro");
        Add("双11 复盘", "plan");
        index.Writer.Commit();
        using var after = DirectoryReader.OpenIfChanged(before)!;
        var searcher = new IndexSearcher(after);

        var bound = TermContexts.Bind(searcher, query);

        Assert.Equal(3, searcher.Search(bound, 10).TotalHits);
        Assert.Equal(Scored(searcher.Search(query, 10).ScoreDocs), Scored(searcher.Search(bound, 10).ScoreDocs));
    }

    [Fact]
    public void A_query_of_another_kind_is_left_as_it_is()
    {
        Add("618 复盘", "retro");
        index.Writer.Commit();
        using var reader = DirectoryReader.Open(index.Directory);
        var searcher = new IndexSearcher(reader);
        var sloppy = new PhraseQuery { Slop = 1 };
        sloppy.Add(new Term("body", "618"));
        sloppy.Add(new Term("body", "复盘"));
        var wildcard = new WildcardQuery(new Term("body", "复*"));

        Assert.Same(sloppy, TermContexts.Bind(searcher, sloppy));
        Assert.Same(wildcard, TermContexts.Bind(searcher, wildcard));
        var boolean = Assert.IsType<BooleanQuery>(TermContexts.Bind(searcher, new BooleanQuery { { wildcard, Occur.MUST } }));
        Assert.Same(wildcard, boolean.Clauses[0].Query);
        Assert.IsType<BoundPhraseQuery>(TermContexts.Bind(searcher, new PhraseQuery { new Term("body", "618"), new Term("body", "复盘") }));
    }

    /// <summary>
    /// An exact phrase bound to its terms' lookups matches the documents Lucene's phrase query matches, with the same
    /// scores and explanations: random texts of a few words (a phrase may repeat a word, or skip a place), in several
    /// segments with deleted documents, alone, under a filter and in a boolean query.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_bound_phrase_matches_and_scores_as_the_phrase_query(int seed)
    {
        var random = new Random(seed);
        string[] words = ["复盘", "618", "GMV", "预热", "a", "b"];
        for (var segment = 0; segment < 3; segment++)
        {
            for (var doc = 0; doc < 60; doc++)
            {
                Add(string.Join(' ', Enumerable.Range(0, random.Next(1, 40)).Select(_ => words[random.Next(words.Length)])), doc % 3 == 0 ? "retro" : "plan", id: $"{segment}-{doc}");
            }

            index.Writer.Commit();
            index.Writer.DeleteDocuments(new Term("id", $"{segment}-{random.Next(60)}"));
        }

        index.Writer.Commit();
        using var reader = DirectoryReader.Open(index.Directory);
        Assert.True(reader.HasDeletions);
        var searcher = new IndexSearcher(reader);
        var retro = new QueryWrapperFilter(new TermQuery(new Term("type", "retro")));
        for (var i = 0; i < 40; i++)
        {
            var phrase = new PhraseQuery { Boost = 1 + random.Next(3) };
            var position = 0;
            foreach (var _ in Enumerable.Range(0, random.Next(2, 5)))
            {
                phrase.Add(new Term("body", words[random.Next(words.Length)]), position);
                position += random.Next(4) == 0 ? 2 : 1;
            }

            Lucene.Net.Search.Query[] queries =
            [
                phrase,
                new FilteredQuery(phrase, retro),
                new BooleanQuery { { phrase, Occur.SHOULD }, { new TermQuery(new Term("body", "GMV")), Occur.SHOULD } },
            ];
            foreach (var query in queries)
            {
                var expected = searcher.Search(query, 200);
                var bound = TermContexts.Bind(searcher, query);
                Assert.NotSame(query, bound);
                var actual = searcher.Search(bound, 200);
                Assert.Equal(expected.TotalHits, actual.TotalHits);
                Assert.Equal(Scored(expected.ScoreDocs), Scored(actual.ScoreDocs));
                foreach (var hit in expected.ScoreDocs.Take(3))
                {
                    Assert.Equal(searcher.Explain(query, hit.Doc).Value, searcher.Explain(bound, hit.Doc).Value);
                }
            }
        }
    }

    /// <summary>A phrase bound to one version's lookups and searched in a newer version finds that version's documents.</summary>
    [Fact]
    public void A_bound_phrase_searched_in_a_newer_version_looks_its_terms_up_there()
    {
        Add("618 复盘", "retro");
        index.Writer.Commit();
        using var before = DirectoryReader.Open(index.Directory);
        var phrase = new PhraseQuery { new Term("body", "618"), new Term("body", "复盘") };
        var bound = TermContexts.Bind(new IndexSearcher(before), phrase);

        Add("双11 618 复盘", "plan");
        index.Writer.Commit();
        using var after = DirectoryReader.OpenIfChanged(before)!;
        var searcher = new IndexSearcher(after);

        Assert.Equal(2, searcher.Search(bound, 10).TotalHits);
        Assert.Equal(Scored(searcher.Search(phrase, 10).ScoreDocs), Scored(searcher.Search(bound, 10).ScoreDocs));
    }

    public void Dispose() => index.Dispose();

    private static IEnumerable<Lucene.Net.Search.Query> Queries()
    {
        var retro = new TermQuery(new Term("type", "retro"));
        yield return new TermQuery(new Term("body", "GMV"));
        yield return new BooleanQuery
        {
            { new TermQuery(new Term("body", "618")) { Boost = 3 }, Occur.SHOULD },
            { new TermQuery(new Term("body", "复盘")), Occur.SHOULD },
            { new TermQuery(new Term("body", "absent")), Occur.SHOULD },
        };
        yield return new BooleanQuery(disableCoord: true)
        {
            { new BooleanQuery { { new TermQuery(new Term("body", "GMV")), Occur.SHOULD }, { new TermQuery(new Term("body", "复盘")), Occur.SHOULD } }, Occur.MUST },
            { new ConstantScoreQuery(retro) { Boost = 0.5f }, Occur.SHOULD },
        };
        yield return new BooleanQuery
        {
            { new TermQuery(new Term("body", "GMV")), Occur.SHOULD },
            { new TermQuery(new Term("body", "618")), Occur.SHOULD },
            { new TermQuery(new Term("body", "复盘")), Occur.SHOULD },
        }.With(minimumShouldMatch: 2);
        yield return new FilteredQuery(new TermQuery(new Term("body", "复盘")), new QueryWrapperFilter(retro));
    }

    private static IEnumerable<(int Doc, float Score)> Scored(ScoreDoc[] docs) => docs.Select(d => (d.Doc, d.Score));

    private void Add(string body, string type, string id = "") => index.Writer.AddDocument(
    [
        new TextField("body", body, Field.Store.NO),
        new StringField("type", type, Field.Store.NO),
        new StringField("id", id, Field.Store.NO),
    ]);
}

file static class BooleanQueryExtensions
{
    public static BooleanQuery With(this BooleanQuery query, int minimumShouldMatch)
    {
        query.MinimumNumberShouldMatch = minimumShouldMatch;
        return query;
    }
}

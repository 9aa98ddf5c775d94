using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// The early "is there any match" the notes ask (<see cref="EntrySearcher.Matches"/>) answers as a full count would,
/// over a real index on disk with several segments and deleted documents: a match only in a later segment is found, a
/// match only in deleted documents is not.
/// </summary>
public sealed class MatchesTests : IDisposable
{
    private readonly DiskIndex index = new();

    [Fact]
    public void Any_match_agrees_with_a_count_in_every_segment_and_skips_deleted_documents()
    {
        Add("1", "618 复盘 GMV", "plan");
        Add("2", "GMV 下滑 原因", "retro");
        index.Writer.Commit();
        Add("3", "618 预售 复盘", "retro");
        Add("4", "weekly report only-deleted", "weekly");
        index.Writer.Commit();
        Add("5", "late segment word", "weekly");
        index.Writer.DeleteDocuments(new Term("id", "4"));
        index.Writer.Commit();
        using var reader = DirectoryReader.Open(index.Directory);
        Assert.True(reader.Leaves.Count > 2);
        Assert.True(reader.HasDeletions);
        var searcher = new IndexSearcher(reader);

        Lucene.Net.Search.Query[] queries =
        [
            Body("复盘"),
            Body("late"),
            Body("only-deleted"),
            Body("absent"),
            new PhraseQuery { new Term("body", "618"), new Term("body", "预售") },
            new PhraseQuery { new Term("body", "预售"), new Term("body", "618") },
            new BooleanQuery { { Body("GMV"), Occur.MUST }, { new TermQuery(new Term("type", "retro")), Occur.MUST } },
            new BooleanQuery { { Body("GMV"), Occur.MUST }, { new TermQuery(new Term("type", "weekly")), Occur.MUST } },
            new FilteredQuery(Body("report"), new QueryWrapperFilter(new TermQuery(new Term("type", "weekly")))),
            new BooleanQuery { { Body("late"), Occur.SHOULD }, { Body("absent"), Occur.SHOULD } },
            new BooleanQuery { { Body("复盘"), Occur.MUST }, { Body("GMV"), Occur.MUST_NOT } },
        ];

        var answers = queries.Select(q => (Query: q.ToString(), Any: EntrySearcher.Matches(searcher, q), Count: Count(searcher, q))).ToList();

        Assert.All(answers, a => Assert.True(a.Any == a.Count > 0, $"{a.Query}: any {a.Any}, count {a.Count}"));
        Assert.Contains(answers, a => a.Any && a.Query.Contains("late", StringComparison.Ordinal));
        Assert.Contains(answers, a => !a.Any && a.Query.Contains("only-deleted", StringComparison.Ordinal));
    }

    public void Dispose() => index.Dispose();

    private static TermQuery Body(string word) => new(new Term("body", word));

    private static int Count(IndexSearcher searcher, Lucene.Net.Search.Query query)
    {
        var counter = new TotalHitCountCollector();
        searcher.Search(query, counter);
        return counter.TotalHits;
    }

    private void Add(string id, string body, string type) =>
        index.Writer.AddDocument(new Document
        {
            new StringField("id", id, Field.Store.NO),
            new TextField("body", body, Field.Store.NO),
            new StringField("type", type, Field.Store.NO),
        });
}

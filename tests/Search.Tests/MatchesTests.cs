using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// The early "is there any match" the notes ask (<see cref="EntrySearcher.Matches"/>) answers as a full count would,
/// over a real index on disk with several segments and deleted documents: a match only in a later segment is found, a
/// match only in deleted documents is not.
/// </summary>
public sealed class MatchesTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "kh-matches-" + Guid.NewGuid().ToString("N"));
    private readonly FSDirectory directory;
    private readonly IndexWriter writer;

    public MatchesTests()
    {
        directory = FSDirectory.Open(path);
        writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
        {
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        });
    }

    [Fact]
    public void Any_match_agrees_with_a_count_in_every_segment_and_skips_deleted_documents()
    {
        Add("1", "618 复盘 GMV", "plan");
        Add("2", "GMV 下滑 原因", "retro");
        writer.Commit();
        Add("3", "618 预售 复盘", "retro");
        Add("4", "weekly report only-deleted", "weekly");
        writer.Commit();
        Add("5", "late segment word", "weekly");
        writer.DeleteDocuments(new Term("id", "4"));
        writer.Commit();
        using var reader = DirectoryReader.Open(directory);
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

    public void Dispose()
    {
        writer.Dispose();
        directory.Dispose();
        System.IO.Directory.Delete(path, recursive: true);
    }

    private static TermQuery Body(string word) => new(new Term("body", word));

    private static int Count(IndexSearcher searcher, Lucene.Net.Search.Query query)
    {
        var counter = new TotalHitCountCollector();
        searcher.Search(query, counter);
        return counter.TotalHits;
    }

    private void Add(string id, string body, string type) =>
        writer.AddDocument(new Document
        {
            new StringField("id", id, Field.Store.NO),
            new TextField("body", body, Field.Store.NO),
            new StringField("type", type, Field.Store.NO),
        });
}

using KnowledgeHub.Documents;
using Lucene.Net.Documents;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// Saved changes commit one small segment each, and every search looks its terms up once per segment: the index's merge
/// policy folds them in as they come, so a store that takes edits all day keeps a handful of segments (Lucene's
/// defaults let ten or twenty pile up before merging any).
/// </summary>
public sealed class IndexSegmentTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kh-segments-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void After_each_of_a_hundred_single_document_commits_the_index_is_soon_back_to_a_handful_of_segments()
    {
        var settled = 0;
        using var analyzer = new SearchAnalyzer();
        using (var index = new LuceneIndex(folder, analyzer, NullLogger<LuceneIndex>.Instance))
        {
            index.DeleteAll();
            for (var i = 0; i < 2000; i++)
            {
                index.Upsert($"doc-{i}", Entry($"文档 {i} 的正文 report {i % 50}"));
            }

            index.MergeIntoOneSegment();
            index.Commit(new ChangeLogPosition("rebuilt"));
            var random = new Random(3);
            for (var save = 0; save < 100; save++)
            {
                var id = $"doc-{random.Next(40)}";
                index.Upsert(id, Entry($"edited {save} 修改后的正文"));
                var position = new ChangeLogPosition($"save-{save:D3}");
                index.Commit(position);

                // Merges run in the background: give them up to 5 s (they take milliseconds), committing again to see them.
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (Segments(index) > Handful && waited.Elapsed < TimeSpan.FromSeconds(5))
                {
                    Thread.Sleep(10);
                    index.Commit(position);
                }

                settled += Segments(index) <= Handful ? 1 : 0;
            }

            Assert.Equal(2000, index.DocumentCount);
        }

        // What the last commit holds (merges still running when it was taken are not in it).
        using var directory = Lucene.Net.Store.FSDirectory.Open(folder);
        var committed = new Lucene.Net.Index.SegmentInfos();
        committed.Read(directory);
        Assert.Equal(100, settled);
        Assert.InRange(committed.Count, 1, Handful);
    }

    [Fact]
    public void A_commit_hands_out_a_searcher_whose_facet_ordinals_are_decoded_before_any_search()
    {
        using var analyzer = new SearchAnalyzer();
        using var index = new LuceneIndex(folder, analyzer, NullLogger<LuceneIndex>.Instance);
        for (var i = 0; i < 50; i++)
        {
            index.Upsert($"doc-{i}", Entry($"正文 {i}"));
        }

        index.Commit(new ChangeLogPosition("first"));
        index.Upsert("doc-new", Entry("一篇新的文档"));
        index.Commit(new ChangeLogPosition("second"));

        // No search has run: whatever decoded the new segment's ordinals was the refresh.
        var leaves = index.Search(searcher => searcher.IndexReader.Leaves.Select(leaf => leaf.AtomicReader).ToList());
        Assert.NotEmpty(leaves);
        Assert.All(leaves, leaf => Assert.True(SegmentOrdinals.IsDecoded(leaf, SearchFacets.Type)));
    }

    private const int Handful = 6;

    private static int Segments(LuceneIndex index) => index.Search(searcher => searcher.IndexReader.Leaves.Count);

    private static Document Entry(string body) =>
    [
        new StringField(SearchFields.Kind, EntryKinds.Document, Field.Store.YES),
        new TextField(SearchFields.Body, body, Field.Store.YES),
        new SortedSetDocValuesField(SearchFacets.Type, new Lucene.Net.Util.BytesRef("weekly-report")),
    ];
}

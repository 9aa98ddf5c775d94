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

            // The last commit may have been taken while a merge was finishing (the searcher then saw it, the commit did
            // not, as on a busy machine): commit again until the store holds what was merged, for up to 5 s.
            var waitedForCommit = System.Diagnostics.Stopwatch.StartNew();
            while (Committed() > Handful && waitedForCommit.Elapsed < TimeSpan.FromSeconds(5))
            {
                Thread.Sleep(10);
                index.Commit(new ChangeLogPosition("save-099"));
            }
        }

        Assert.Equal(100, settled);
        Assert.InRange(Committed(), 1, Handful);

        // What the last commit holds (merges still running when it was taken are not in it).
        int Committed()
        {
            using var directory = Lucene.Net.Store.FSDirectory.Open(folder);
            var committed = new Lucene.Net.Index.SegmentInfos();
            committed.Read(directory);
            return committed.Count;
        }
    }

    [Fact]
    public async Task Whoever_reads_a_checkpoint_finds_the_searchers_at_that_commit_or_later()
    {
        // The home page and the dashboard key their cached lists by the checkpoint: a reader that saw a new checkpoint
        // while the searchers still showed the commit before it cached a stale list under the new key.
        using var analyzer = new SearchAnalyzer();
        using var index = new LuceneIndex(folder, analyzer, NullLogger<LuceneIndex>.Instance);
        index.DeleteAll();
        index.Commit(new ChangeLogPosition("save-0000"));
        using var done = new CancellationTokenSource();
        var (reads, stale) = (0, 0);
        var reader = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                if (index.Checkpoint is { } checkpoint)
                {
                    var committed = int.Parse(checkpoint.Value["save-".Length..], System.Globalization.CultureInfo.InvariantCulture);
                    stale += index.DocumentCount < committed ? 1 : 0;
                    reads++;
                }
            }
        });

        // 100 commits (each fsyncs) while the reader spins: the old order counted thousands of stale reads in that many.
        for (var save = 1; save <= 100; save++)
        {
            index.Upsert($"doc-{save}", Entry($"文档 {save}"));
            index.Commit(new ChangeLogPosition($"save-{save:D4}"));
        }

        await done.CancelAsync();
        await reader;
        Assert.True(reads > 100, $"{reads} reads");
        Assert.Equal(0, stale);
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

    [Fact]
    public void Compacting_merges_the_small_segments_of_saves_into_one_and_commits_it_with_the_same_checkpoint()
    {
        using var analyzer = new SearchAnalyzer();
        ChangeLogPosition last;
        int documents;
        using (var index = new LuceneIndex(folder, analyzer, NullLogger<LuceneIndex>.Instance))
        {
            RebuildThenSave(index, saves: 6);
            // The tiered merges run beside the saves and may fold them into one segment before the compaction looks (more
            // often the faster they run): one more save at a time until two small segments are left for it.
            var saves = 6;
            for (index.SettleMerges(); index.SegmentCount < 3 && saves < 30; index.SettleMerges(), saves++)
            {
                index.Upsert($"new-{saves}", Entry($"新的文档 {saves}"));
                index.Commit(new ChangeLogPosition($"save-{saves}"));
            }

            Assert.True(index.SegmentCount >= 3, $"{index.SegmentCount} segments before the compaction, after {saves} saves");
            (last, documents) = (new ChangeLogPosition($"save-{saves - 1}"), 2000 + saves);

            var (segments, bytes) = index.CompactSmallSegments();

            Assert.InRange(segments, 2, saves);
            Assert.True(bytes > 0);
            Assert.InRange(index.SegmentCount, 1, 2);
            Assert.Equal(last, index.Checkpoint);
            Assert.Equal(documents, index.DocumentCount);
            Assert.Equal((0, 0L), index.CompactSmallSegments()); // nothing small is left to merge
        }

        // It was committed: a restart opens the compacted index at the same checkpoint.
        using var reopened = new LuceneIndex(folder, analyzer, NullLogger<LuceneIndex>.Instance);
        Assert.InRange(reopened.SegmentCount, 1, 2);
        Assert.Equal(last, reopened.Checkpoint);
        Assert.Equal(documents, reopened.DocumentCount);
    }

    [Fact]
    public void An_index_left_idle_compacts_by_itself_and_a_busy_one_waits()
    {
        using var analyzer = new SearchAnalyzer();
        using var index = new LuceneIndex(folder, analyzer, NullLogger<LuceneIndex>.Instance, compactAfterIdle: TimeSpan.FromMilliseconds(300));
        RebuildThenSave(index, saves: 6);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (index.SegmentCount > 2 && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            Thread.Sleep(50);
        }

        Assert.InRange(index.SegmentCount, 1, 2);
        Assert.Equal(new ChangeLogPosition("save-5"), index.Checkpoint);
        Assert.Equal(2006, index.DocumentCount);
    }

    [Fact]
    public void Saves_after_an_idle_spell_with_nothing_to_compact_are_compacted_when_the_index_is_idle_again()
    {
        using var analyzer = new SearchAnalyzer();
        using var index = new LuceneIndex(folder, analyzer, NullLogger<LuceneIndex>.Instance, compactAfterIdle: TimeSpan.FromMilliseconds(300));
        RebuildThenSave(index, saves: 0);
        Thread.Sleep(1000); // the timer fires with one segment: nothing to do
        for (var save = 0; save < 6; save++)
        {
            index.Upsert($"late-{save}", Entry($"后来的文档 {save}"));
            index.Commit(new ChangeLogPosition($"late-{save}"));
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (index.SegmentCount > 2 && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            Thread.Sleep(50);
        }

        Assert.InRange(index.SegmentCount, 1, 2);
    }

    [Fact]
    public void A_store_of_a_few_hundred_KB_is_compacted_into_one_segment_that_its_searchers_read()
    {
        using var analyzer = new SearchAnalyzer();
        using var index = new LuceneIndex(folder, analyzer, NullLogger<LuceneIndex>.Instance);
        for (var i = 0; i < 300; i++)
        {
            index.Upsert($"doc-{i}", Entry($"样例文档 {i} 的正文 sample content {i % 20}"));
        }

        index.Commit(new ChangeLogPosition("imported"));
        for (var save = 0; save < 4; save++)
        {
            index.Upsert($"doc-{save}", Entry($"修改后的正文 {save} edited"));
            index.Commit(new ChangeLogPosition($"save-{save}"));
        }

        index.CompactSmallSegments();

        Assert.Equal(1, index.SegmentCount);
        Assert.Equal(300, index.DocumentCount);
    }

    [Fact]
    public void Nothing_is_compacted_while_a_rebuild_is_pending_or_with_one_segment()
    {
        using var analyzer = new SearchAnalyzer();
        using var index = new LuceneIndex(folder, analyzer, NullLogger<LuceneIndex>.Instance);
        RebuildThenSave(index, saves: 0);
        Assert.Equal((0, 0L), index.CompactSmallSegments());

        for (var save = 0; save < 4; save++)
        {
            index.Upsert($"extra-{save}", Entry("又一篇"));
            index.Commit(new ChangeLogPosition($"extra-{save}"));
        }

        index.DeleteAll(); // a rebuild starts: no checkpoint until its commit
        Assert.Equal((0, 0L), index.CompactSmallSegments());
        Assert.Null(index.Checkpoint);
    }

    /// <summary>
    /// 2,000 documents of a few hundred words and 4 KB of stored text committed as one segment, then
    /// <paramref name="saves"/> commits of one new document each. At 11.7 MB the rebuilt segment is in a tier of its own
    /// and the tiered merges fold the saves' segments only into each other (settled: the rebuilt one and one or two
    /// small ones). At 3.4 MB, without the stored text, it counted as two of the 2 MB floor tier and a merge rewrote it
    /// with every second save: how many segments the compaction found then depended on how fast those merges ran
    /// (one, after 30 saves, in a full run on a loaded machine).
    /// </summary>
    private static void RebuildThenSave(LuceneIndex index, int saves)
    {
        index.DeleteAll();
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var document = Entry($"文档 {i} 的正文 " + string.Join(' ', Enumerable.Range(0, 200).Select(_ => "w" + random.Next(20_000))));
            document.Add(new StoredField("padding", Convert.ToBase64String(Bytes(random, 3000))));
            index.Upsert($"doc-{i}", document);
        }

        index.MergeIntoOneSegment();
        index.Commit(new ChangeLogPosition("rebuilt"));
        for (var save = 0; save < saves; save++)
        {
            index.Upsert($"new-{save}", Entry($"新的文档 {save}"));
            index.Commit(new ChangeLogPosition($"save-{save}"));
        }
    }

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private const int Handful = 6;

    private static int Segments(LuceneIndex index) => index.SegmentCount;

    private static Document Entry(string body) =>
    [
        new StringField(SearchFields.Kind, EntryKinds.Document, Field.Store.YES),
        new TextField(SearchFields.Body, body, Field.Store.YES),
        new SortedSetDocValuesField(SearchFacets.Type, new Lucene.Net.Util.BytesRef("weekly-report")),
    ];
}

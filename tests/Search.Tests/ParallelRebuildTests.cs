using System.Globalization;
using System.Text;
using KnowledgeHub.Documents;
using KnowledgeHub.Storage;
using Lucene.Net.Search;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// A rebuild indexes several documents at once (<see cref="SearchOptions.RebuildParallelism"/>): each document
/// exactly once, with the hits a rebuild on one thread gives, and nothing committed when it fails half-way.
/// </summary>
public sealed class ParallelRebuildTests : IAsyncLifetime
{
    private const int Documents = 240;
    private static readonly string[] ChineseWords = ["价格", "直播", "留存", "拉新", "库存"];
    private static readonly string[] EnglishWords = ["wombat", "kangaroo", "platypus", "echidna", "koala", "dingo", "emu"];

    /// <summary>Each under 100 hits, so one page holds them all whatever the order of equal scores.</summary>
    private static readonly string[] Queries = [.. ChineseWords, .. EnglishWords, "checklist", "清单", "转化 wombat", "\"kangaroo team\"", "价格 -emu"];

    private readonly SearchHost host = SearchHost.Create();

    public async Task InitializeAsync()
    {
        for (var i = 0; i < Documents; i++)
        {
            await host.AddAsync(Doc(i), catchUp: false);
        }

        await host.Synchronizer.CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_parallel_rebuild_indexes_every_document_once_with_the_hits_of_a_rebuild_on_one_thread()
    {
        using (var sequential = host.NewSynchronizer(new SearchOptions { RebuildParallelism = 1 }))
        {
            Assert.Equal(Documents, await sequential.RebuildAsync(CancellationToken.None));
        }

        var expected = Hits();

        using var parallel = host.NewSynchronizer(new SearchOptions { RebuildParallelism = 4, RebuildProgressEvery = 7 });
        Assert.Equal(Documents, await parallel.RebuildAsync(CancellationToken.None));

        Assert.Equal(ExpectedEntries(), Entries());
        Assert.All(expected, hits => Assert.NotEmpty(hits.Ids));
        Assert.Equal(expected, Hits());
    }

    [Fact]
    public async Task A_failure_half_way_through_a_parallel_rebuild_leaves_it_to_do_and_commits_nothing()
    {
        var checkpoint = host.Index.Checkpoint;
        var unreadable = $"docs/{Id(Documents / 2)}/v/1.md"; // the version of a document in the middle
        using (var failing = host.NewSynchronizer(new SearchOptions { RebuildParallelism = 4 }, new UnreadableBlobStore(host.Store, unreadable)))
        {
            var error = await Assert.ThrowsAsync<IOException>(() => failing.RebuildAsync(CancellationToken.None));
            Assert.Contains(unreadable, error.Message, StringComparison.Ordinal);
        }

        Assert.True(host.Index.NeedsRebuild);
        Assert.Equal(Documents, host.Index.DocumentCount); // searches keep the last commit

        host.ReopenIndex(); // what is on disk: still the commit from before the rebuild
        Assert.Equal(checkpoint, host.Index.Checkpoint);
        Assert.Equal(ExpectedEntries(), Entries());
    }

    [Fact]
    public async Task A_parallel_rebuild_cancelled_half_way_is_redone_in_full_by_the_next_catch_up()
    {
        using var cancellation = new CancellationTokenSource();
        using (var cancelled = host.NewSynchronizer(new SearchOptions { RebuildParallelism = 4 }, attachments: new CancelOnCall(Documents / 2, cancellation)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.RebuildAsync(cancellation.Token));
        }

        Assert.True(host.Index.NeedsRebuild);

        await host.Synchronizer.CatchUpAsync(CancellationToken.None);

        Assert.False(host.Index.NeedsRebuild);
        Assert.Equal(ExpectedEntries(), Entries());
    }

    private static string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"doc-{i:000}");

    /// <summary>Chinese and English text; every third document has two lessons, every fourth an action item.</summary>
    private static TestDoc Doc(int i)
    {
        var (zh, en) = (ChineseWords[i % ChineseWords.Length], EnglishWords[i % EnglishWords.Length]);
        var markdown = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"第{i}次{zh}复盘：本次关注{zh}与转化。\n\nThe {en} team reviewed launch number {i}.\n"));
        if (i % 3 == 0)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"\n## 经验教训\n\n- {zh}要提前准备。\n- Read the {en} checklist early.\n");
        }

        if (i % 4 == 0)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"\n## 行动项\n\n- [ ] 整理{zh}清单 @bob due:2026-12-10\n");
        }

        return new TestDoc(Id(i), string.Create(CultureInfo.InvariantCulture, $"{zh}复盘 {en} {i}"), markdown.ToString());
    }

    private static List<string> ExpectedEntries() =>
    [
        .. Enumerable.Range(0, Documents).SelectMany(i => (IEnumerable<string>)
        [
            Id(i),
            .. i % 3 == 0 ? [$"{Id(i)}#lesson-1", $"{Id(i)}#lesson-2"] : Array.Empty<string>(),
            .. i % 4 == 0 ? [$"{Id(i)}#action-1"] : Array.Empty<string>(),
        ]).Order(StringComparer.Ordinal),
    ];

    /// <summary>The id of every live entry in the index (documents, lessons, action items), sorted, duplicates kept.</summary>
    private List<string> Entries() => host.Index.Search(searcher =>
    {
        var top = searcher.Search(new MatchAllDocsQuery(), Math.Max(1, searcher.IndexReader.MaxDoc));
        return top.ScoreDocs.Select(hit => searcher.Doc(hit.Doc).Get(SearchFields.Id, CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList();
    });

    private List<QueryHits> Hits() =>
        [.. Queries.Select(query => new QueryHits(query, host.Search(query, TestCallers.Carol, 1, SearchService.MaxPageSize).Total, string.Join(" ", host.Ids(query, TestCallers.Carol))))];

    private sealed record QueryHits(string Query, int Total, string Ids);

    /// <summary>The blob store with one blob that cannot be read (a disk or network error).</summary>
    private sealed class UnreadableBlobStore(IBlobStore inner, string unreadable) : IBlobStore
    {
        public Task<BlobContent?> ReadAsync(string name, CancellationToken cancellationToken) =>
            name == unreadable ? Task.FromException<BlobContent?>(new IOException($"The blob '{name}' cannot be read.")) : inner.ReadAsync(name, cancellationToken);

        public Task<BlobContent?> ReadAsync(string name, long offset, CancellationToken cancellationToken) =>
            name == unreadable ? Task.FromException<BlobContent?>(new IOException($"The blob '{name}' cannot be read.")) : inner.ReadAsync(name, offset, cancellationToken);

        public Task<string> WriteAsync(string name, Stream content, WriteCondition condition, CancellationToken cancellationToken) =>
            inner.WriteAsync(name, content, condition, cancellationToken);

        public Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken) =>
            inner.WriteAsync(name, content, condition, cancellationToken);

        public IAsyncEnumerable<BlobItem> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

        public Task<long> AppendAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => inner.AppendAsync(name, content, cancellationToken);

        public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) => inner.DeleteAsync(name, cancellationToken);
    }

    /// <summary>No attachment texts; cancels <paramref name="source"/> when asked for the <paramref name="call"/>-th document's.</summary>
    private sealed class CancelOnCall(int call, CancellationTokenSource source) : IAttachmentTextProvider
    {
        private int calls;

        public Task<IReadOnlyList<AttachmentText>> GetTextsAsync(DocumentManifest manifest, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref calls) == call)
            {
                source.Cancel();
            }

            return Task.FromResult<IReadOnlyList<AttachmentText>>([]);
        }
    }
}

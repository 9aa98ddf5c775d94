using KnowledgeHub.Documents.Tests.Support;
using KnowledgeHub.Storage;

namespace KnowledgeHub.Documents.Tests;

/// <summary>Repeated refusals coalesce per user, action, document and minute; records storage refuses wait and are not lost.</summary>
public sealed class AuditCoalescingTests : IDisposable
{
    private readonly TestStore store = new();

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task Fifty_denied_reads_in_a_minute_are_two_lines_whose_counts_add_up_to_fifty()
    {
        var audit = new AuditLog(store.Blobs, store.Clock);
        for (var i = 0; i < 50; i++)
        {
            await audit.RecordAsync(People.Bob, AuditActions.View, "doc-secret", null, AuditActions.Denied, CancellationToken.None);
        }

        var beforeFlush = await ReadAsync(audit);
        await audit.FlushAsync(CancellationToken.None);
        var entries = await ReadAsync(audit);

        Assert.Equal(1, Assert.Single(beforeFlush).Count); // the first refusal is written at once
        Assert.Equal([1, 49], entries.Select(e => e.Count));
        Assert.All(entries, e => Assert.Equal((People.Bob.Principal, "view", "doc-secret", "denied"), (e.Principal, e.Action, e.DocumentId, e.Outcome)));
    }

    [Fact]
    public async Task Refusals_of_other_documents_users_or_minutes_and_allowed_reads_are_never_folded_together()
    {
        var audit = new AuditLog(store.Blobs, store.Clock);
        await audit.RecordAsync(People.Bob, AuditActions.View, "doc-a", null, AuditActions.Denied, CancellationToken.None);
        await audit.RecordAsync(People.Bob, AuditActions.View, "doc-b", null, AuditActions.Denied, CancellationToken.None);
        await audit.RecordAsync(People.Dave, AuditActions.View, "doc-a", null, AuditActions.Denied, CancellationToken.None);
        await audit.RecordAsync(People.Bob, AuditActions.Download, "doc-a", null, AuditActions.Denied, CancellationToken.None);
        await audit.RecordAsync(People.Alice, AuditActions.View, "doc-a", 1, AuditActions.Allowed, CancellationToken.None);
        await audit.RecordAsync(People.Alice, AuditActions.View, "doc-a", 1, AuditActions.Allowed, CancellationToken.None);
        store.Clock.Advance(TimeSpan.FromMinutes(1));
        await audit.RecordAsync(People.Bob, AuditActions.View, "doc-a", null, AuditActions.Denied, CancellationToken.None);
        await audit.FlushAsync(CancellationToken.None);

        var entries = await ReadAsync(audit);

        Assert.Equal(7, entries.Count);
        Assert.All(entries, e => Assert.Equal(1, e.Count));
    }

    [Fact]
    public async Task A_record_storage_refuses_is_kept_in_order_and_appended_once_storage_answers()
    {
        var failing = new FailingAppends(store.Blobs);
        var audit = new AuditLog(failing, store.Clock);
        await audit.RecordAsync(People.Alice, AuditActions.View, "doc-1", 1, AuditActions.Allowed, CancellationToken.None);

        failing.Down = true;
        await audit.RecordAsync(People.Alice, AuditActions.View, "doc-2", 1, AuditActions.Allowed, CancellationToken.None);
        await audit.RecordAsync(People.Alice, AuditActions.View, "doc-3", 1, AuditActions.Allowed, CancellationToken.None);
        var waiting = audit.UnwrittenCount;
        failing.Down = false;
        await audit.FlushAsync(CancellationToken.None);

        Assert.Equal(2, waiting);
        Assert.Equal(0, audit.UnwrittenCount);
        Assert.Equal(["doc-1", "doc-2", "doc-3"], (await ReadAsync(audit)).Select(e => e.DocumentId));
    }

    [Fact]
    public async Task Lines_written_before_counts_existed_read_as_one_event()
    {
        var day = DateOnly.FromDateTime(store.Clock.GetUtcNow().UtcDateTime);
        await store.Blobs.AppendAsync(
            $"audit/{day:yyyy/MM/dd}/000000.jsonl",
            "{\"utc\":\"2026-11-29T08:30:00+00:00\",\"principal\":\"user:x\",\"principalName\":\"X\",\"action\":\"view\",\"documentId\":\"d\",\"version\":1,\"outcome\":\"allowed\"}\n"u8.ToArray(),
            CancellationToken.None);

        var entry = Assert.Single(await ReadAsync(new AuditLog(store.Blobs, store.Clock)));

        Assert.Equal(1, entry.Count);
    }

    private async Task<List<AuditEntry>> ReadAsync(AuditLog audit)
    {
        var day = DateOnly.FromDateTime(store.Clock.GetUtcNow().UtcDateTime);
        var entries = new List<AuditEntry>();
        await foreach (var entry in audit.ReadAsync(day.AddDays(-1), day, CancellationToken.None))
        {
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>The real store, whose appends fail with the file store's I/O error while <see cref="Down"/>.</summary>
    private sealed class FailingAppends(IBlobStore inner) : IBlobStore
    {
        public bool Down { get; set; }

        public Task<BlobContent?> ReadAsync(string name, CancellationToken cancellationToken) => inner.ReadAsync(name, cancellationToken);

        public Task<BlobContent?> ReadAsync(string name, long offset, CancellationToken cancellationToken) => inner.ReadAsync(name, offset, cancellationToken);

        public Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken) =>
            inner.WriteAsync(name, content, condition, cancellationToken);

        public Task<string> WriteAsync(string name, Stream content, WriteCondition condition, CancellationToken cancellationToken) =>
            inner.WriteAsync(name, content, condition, cancellationToken);

        public IAsyncEnumerable<BlobItem> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

        public Task<long> AppendAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
            Down ? Task.FromException<long>(new IOException("Input/output error", 5)) : inner.AppendAsync(name, content, cancellationToken);

        public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) => inner.DeleteAsync(name, cancellationToken);
    }
}

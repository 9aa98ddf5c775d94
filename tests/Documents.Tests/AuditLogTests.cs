using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Documents.Tests;

public sealed class AuditLogTests : IDisposable
{
    private readonly TestStore store = new();

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task Records_are_read_back_in_order_within_the_requested_days()
    {
        var audit = new AuditLog(store.Blobs, store.Clock);
        var day1 = DateOnly.FromDateTime(store.Clock.GetUtcNow().UtcDateTime);
        await audit.RecordAsync(People.Alice, AuditActions.View, "doc-a", 1, AuditActions.Allowed, CancellationToken.None);
        store.Clock.Advance(TimeSpan.FromMinutes(1));
        await audit.RecordAsync(People.Bob, AuditActions.View, "doc-secret", null, AuditActions.Denied, CancellationToken.None);
        store.Clock.Advance(TimeSpan.FromDays(1));
        await audit.RecordAsync(People.Alice, AuditActions.Edit, "doc-a", 2, AuditActions.Allowed, CancellationToken.None);
        store.Clock.Advance(TimeSpan.FromDays(1));
        await audit.RecordAsync(People.Alice, AuditActions.Download, "doc-a", 2, AuditActions.Allowed, CancellationToken.None);

        var firstTwoDays = await ReadAsync(audit, day1, day1.AddDays(1));
        var lastDay = await ReadAsync(audit, day1.AddDays(2), day1.AddDays(2));

        Assert.Equal(
            [(People.Alice.Principal, "view", "doc-a", (int?)1, "allowed"), (People.Bob.Principal, "view", "doc-secret", null, "denied"), (People.Alice.Principal, "edit", "doc-a", 2, "allowed")],
            firstTwoDays.Select(e => (e.Principal, e.Action, e.DocumentId, e.Version, e.Outcome)));
        Assert.Equal("陈波 Bob Chen", firstTwoDays[1].PrincipalName);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 8, 31, 0, TimeSpan.Zero), firstTwoDays[1].Utc);
        Assert.Equal("download", Assert.Single(lastDay).Action);
        Assert.Equal(["audit/2026/11/29.jsonl", "audit/2026/11/30.jsonl", "audit/2026/12/01.jsonl"], await store.BlobNamesAsync("audit/"));
    }

    [Fact]
    public async Task Days_without_records_read_as_empty()
    {
        var audit = new AuditLog(store.Blobs, store.Clock);

        Assert.Empty(await ReadAsync(audit, new DateOnly(2020, 1, 1), new DateOnly(2030, 1, 1)));
    }

    private static async Task<List<AuditEntry>> ReadAsync(AuditLog audit, DateOnly from, DateOnly to)
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in audit.ReadAsync(from, to, CancellationToken.None))
        {
            entries.Add(entry);
        }

        return entries;
    }
}

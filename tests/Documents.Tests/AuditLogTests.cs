using System.Text;
using KnowledgeHub.Documents.Logs;
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
        Assert.Equal(["audit/2026/11/29/000000.jsonl", "audit/2026/11/30/000000.jsonl", "audit/2026/12/01/000000.jsonl"], await store.BlobNamesAsync("audit/"));
    }

    [Fact]
    public async Task Days_without_records_read_as_empty()
    {
        var audit = new AuditLog(store.Blobs, store.Clock);

        Assert.Empty(await ReadAsync(audit, new DateOnly(2020, 1, 1), new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public async Task Days_written_before_segments_are_read_with_the_new_segments_and_only_the_days_asked_for_are_read()
    {
        var metered = new MeteredBlobStore(store.Blobs);
        var audit = new AuditLog(metered, store.Clock);
        await LegacyAsync("audit/2026/11/28.jsonl", "old-28");
        await LegacyAsync("audit/2026/11/29.jsonl", "old-29");
        await LegacyAsync("audit/2026/11/30.jsonl", "old-30");
        await audit.RecordAsync(People.Alice, AuditActions.View, "new-29", 1, AuditActions.Allowed, CancellationToken.None);
        store.Clock.Advance(TimeSpan.FromDays(1));
        await audit.RecordAsync(People.Alice, AuditActions.View, "new-30", 1, AuditActions.Allowed, CancellationToken.None);
        metered.Reset();

        var day29 = await ReadAsync(audit, new DateOnly(2026, 11, 29), new DateOnly(2026, 11, 29));
        var readFor29 = metered.ReadNames;
        var all = await ReadAsync(audit, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31));

        Assert.Equal(["old-29", "new-29"], day29.Select(e => e.DocumentId));
        Assert.Equal(["audit/2026/11/29.jsonl", "audit/2026/11/29/000000.jsonl"], readFor29);
        Assert.Equal(["old-28", "old-29", "new-29", "old-30", "new-30"], all.Select(e => e.DocumentId));
    }

    [Fact]
    public async Task A_busy_day_is_cut_into_segments_and_every_record_is_read_back_once()
    {
        var audit = new AuditLog(store.Blobs, store.Clock, new SegmentedLogOptions { MaxSegmentBytes = 1000 });
        for (var i = 0; i < 40; i++)
        {
            await audit.RecordAsync(People.Bob, AuditActions.View, $"doc-{i:00}", 1, AuditActions.Allowed, CancellationToken.None);
        }

        var day = DateOnly.FromDateTime(store.Clock.GetUtcNow().UtcDateTime);
        var entries = await ReadAsync(audit, day, day);
        var segments = await store.BlobNamesAsync("audit/");

        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"doc-{i:00}"), entries.Select(e => e.DocumentId));
        Assert.True(segments.Count >= 5, $"{segments.Count} segments");
        Assert.All(segments, name => Assert.Matches(@"^audit/2026/11/29/\d{6}\.jsonl$", name));
    }

    [Fact]
    public async Task Two_processes_recording_at_once_lose_no_record_and_count_none_twice()
    {
        var options = new SegmentedLogOptions { MaxSegmentBytes = 1500 };
        var first = new AuditLog(store.Blobs, store.Clock, options);
        var second = new AuditLog(store.Blobs, store.Clock, options);

        await Task.WhenAll(RecordAsync(first, 0), RecordAsync(second, 1));

        var day = DateOnly.FromDateTime(store.Clock.GetUtcNow().UtcDateTime);
        var ids = (await ReadAsync(first, day, day)).Select(e => e.DocumentId).ToList();
        Assert.Equal(Enumerable.Range(0, 60).Select(i => $"doc-{i:00}"), ids.Order(StringComparer.Ordinal));
        Assert.True((await store.BlobNamesAsync("audit/")).Count >= 3);
    }

    private static async Task RecordAsync(AuditLog audit, int parity)
    {
        await Task.Yield();
        for (var i = parity; i < 60; i += 2)
        {
            await audit.RecordAsync(People.Alice, AuditActions.View, $"doc-{i:00}", 1, AuditActions.Allowed, CancellationToken.None);
        }
    }

    private async Task LegacyAsync(string name, string documentId)
    {
        var line = $$"""{"utc":"2026-11-29T08:00:00+00:00","principal":"user:alice","principalName":"Alice","action":"view","documentId":"{{documentId}}","version":1,"outcome":"allowed"}""";
        await store.Blobs.AppendAsync(name, Encoding.UTF8.GetBytes(line + "\n"), CancellationToken.None);
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

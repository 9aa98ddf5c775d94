using KnowledgeHub.Documents.Logs;
using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Documents.Tests;

/// <summary>The segmented logs on Azure append blobs (Azurite): rollover, several writers, a following reader, old audit days.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LogsOnAzureTests(Azurite azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 29, 8, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task Two_writers_on_append_blobs_lose_no_change_for_a_following_reader_and_segments_roll()
    {
        var store = azurite.NewStore();
        var options = new SegmentedLogOptions { MaxSegmentBytes = 600 };
        var writers = new[] { new ChangeLog(store, clock, options), new ChangeLog(store, clock, options) };
        var reader = new ChangeLog(store, clock, options);
        var seen = new List<string>();
        var position = ChangeLogPosition.Start;

        var writing = Task.WhenAll(writers.Select(async (log, w) =>
        {
            for (var i = 0; i < 25; i++)
            {
                await log.AppendAsync(new DocumentChange($"w{w}-{i:00}", 1, ChangeKinds.Updated, clock.GetUtcNow()), None);
            }
        }));
        while (!writing.IsCompleted)
        {
            var batch = await reader.ReadSinceAsync(position, 5, None);
            (position, _) = (batch.Position, 0);
            seen.AddRange(batch.Changes.Select(c => c.DocumentId));
            if (batch.Changes.Count == 0)
            {
                await Task.Delay(5);
            }
        }

        await writing;
        for (var batch = await reader.ReadSinceAsync(position, None); batch.Changes.Count > 0; batch = await reader.ReadSinceAsync(position, None))
        {
            position = batch.Position;
            seen.AddRange(batch.Changes.Select(c => c.DocumentId));
        }

        var segments = new List<string>();
        await foreach (var item in store.ListAsync(ChangeLog.Prefix, None))
        {
            segments.Add(item.Name);
        }

        var written = Enumerable.Range(0, 2).SelectMany(w => Enumerable.Range(0, 25).Select(i => $"w{w}-{i:00}")).Order(StringComparer.Ordinal);
        Assert.Equal(written, seen.Distinct().Order(StringComparer.Ordinal));
        Assert.True(segments.Count >= 4, $"{segments.Count} segments");
        Assert.Equal(await reader.EndAsync(None), position);
    }

    [Fact]
    public async Task Audit_days_on_append_blobs_read_old_and_new_layouts()
    {
        var store = azurite.NewStore();
        var audit = new AuditLog(store, clock, new SegmentedLogOptions { MaxSegmentBytes = 500 });
        var line = """{"utc":"2026-11-29T08:00:00+00:00","principal":"user:alice","principalName":"Alice","action":"view","documentId":"old","version":1,"outcome":"allowed"}""";
        await store.AppendAsync("audit/2026/11/29.jsonl", System.Text.Encoding.UTF8.GetBytes(line + "\n"), None);
        for (var i = 0; i < 10; i++)
        {
            await audit.RecordAsync(People.Alice, AuditActions.View, $"new-{i}", 1, AuditActions.Allowed, None);
        }

        var entries = new List<string?>();
        await foreach (var entry in audit.ReadAsync(new DateOnly(2026, 11, 29), new DateOnly(2026, 11, 29), None))
        {
            entries.Add(entry.DocumentId);
        }

        Assert.Equal(["old", .. Enumerable.Range(0, 10).Select(i => $"new-{i}")], entries);
    }
}

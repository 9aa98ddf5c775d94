using KnowledgeHub.Documents.Logs;
using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Documents.Tests;

/// <summary>Several writers (each its own ChangeLog, as separate processes would be) on one store, with a reader following them.</summary>
public sealed class ChangeLogConcurrencyTests : IDisposable
{
    private const long MaxBytes = 1000;
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TestStore store = new();

    public void Dispose() => store.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Two_writers_appending_at_once_lose_no_change_for_a_reader_that_follows_them(int run)
    {
        Assert.True(run > 0);
        var options = new SegmentedLogOptions { MaxSegmentBytes = MaxBytes };
        var first = new ChangeLog(store.Blobs, store.Clock, options);
        var second = new ChangeLog(store.Blobs, store.Clock, options);
        var reader = new ChangeLog(store.Blobs, store.Clock, options);
        var seen = new List<string>();
        var position = ChangeLogPosition.Start;
        using var writing = new CancellationTokenSource();
        var following = Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                var batch = await reader.ReadSinceAsync(position, 7, None);
                Assert.True(batch.Position >= position);
                (position, _) = (batch.Position, 0);
                seen.AddRange(batch.Changes.Select(c => c.DocumentId));
                if (batch.Changes.Count == 0)
                {
                    await Task.Delay(1);
                }
            }
        });

        await Task.WhenAll(WriteAsync(first, "a"), WriteAsync(second, "b"));
        await writing.CancelAsync();
        await following;
        for (var batch = await reader.ReadSinceAsync(position, None); batch.Changes.Count > 0; batch = await reader.ReadSinceAsync(position, None))
        {
            position = batch.Position;
            seen.AddRange(batch.Changes.Select(c => c.DocumentId));
        }

        var written = new[] { "a", "b" }.SelectMany(w => Enumerable.Range(0, 3 * 30).Select(i => $"{w}{i:000}")).Order(StringComparer.Ordinal);
        var fromStart = await reader.ReadSinceAsync(ChangeLogPosition.Start, None);
        var segments = new List<BlobSize>();
        await foreach (var item in store.Blobs.ListAsync(ChangeLog.Prefix, None))
        {
            segments.Add(new BlobSize(item.Name, item.Size));
        }

        Assert.Empty(written.Except(seen));
        Assert.Equal(written, fromStart.Changes.Select(c => c.DocumentId).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(await reader.EndAsync(None), position);
        Assert.True(segments.Count >= 8, $"{segments.Count} segments");

        Assert.Equal(written, seen.Distinct().Order(StringComparer.Ordinal));

        // Beyond the size that rolls a segment: at most one line per append in flight (3 lanes per writer) and one
        // repeated line per lane (lines are under 100 bytes).
        Assert.All(segments, s => Assert.True(s.Size < MaxBytes + (2 * 6 * 100), $"{s.Name}: {s.Size} bytes"));
    }

    private async Task WriteAsync(ChangeLog log, string writer)
    {
        await Task.Yield();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(async lane =>
        {
            for (var i = 0; i < 30; i++)
            {
                var id = $"{writer}{(lane * 30) + i:000}";
                await log.AppendAsync(new DocumentChange(id, 1, ChangeKinds.Updated, store.Clock.GetUtcNow()), None);
            }
        }));
    }

    private sealed record BlobSize(string Name, long Size);
}

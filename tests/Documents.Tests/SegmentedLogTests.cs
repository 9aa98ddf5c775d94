using KnowledgeHub.Documents.Logs;
using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Documents.Tests;

/// <summary>The segmented log under the change log: rollover by size and by UTC day, log order, late lines.</summary>
public sealed class SegmentedLogTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TestStore store = new();

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task Segments_roll_over_by_size_and_their_names_sort_in_log_order()
    {
        var log = Log(store.Clock, maxBytes: 400);
        var positions = new List<ChangeLogPosition>();
        for (var i = 0; i < 20; i++)
        {
            positions.Add(await log.AppendAsync(Change($"d{i:00}"), None));
        }

        var segments = await SegmentsAsync("changes/");
        var batch = await log.ReadSinceAsync(ChangeLogPosition.Start, None);

        Assert.True(segments.Count >= 4, $"{segments.Count} segments");
        Assert.Equal(segments.Select((_, i) => $"changes/2026/11/29/{i:D6}.jsonl"), segments.Select(s => s.Name));
        Assert.All(segments, s => Assert.InRange(s.Size, 300, 400 + 100));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"d{i:00}"), batch.Changes.Select(c => c.DocumentId));
        Assert.Equal(positions, positions.Order());
        Assert.Equal(positions.Count, positions.Distinct().Count());
        Assert.Equal(positions[^1], batch.Position);
    }

    [Fact]
    public async Task Positions_compare_in_log_order_across_segments_and_days()
    {
        var log = Log(store.Clock, maxBytes: 200);
        var appended = new List<ChangeLogPosition>();
        for (var day = 0; day < 3; day++)
        {
            store.Clock.Advance(TimeSpan.FromDays(day == 0 ? 0 : 1));
            for (var i = 0; i < 7; i++)
            {
                appended.Add(await log.AppendAsync(Change($"{day}-{i}"), None));
            }
        }

        var read = new List<ChangeLogPosition>();
        var ids = new List<string>();
        var position = ChangeLogPosition.Start;
        for (var batch = await log.ReadSinceAsync(position, 2, None); batch.Changes.Count > 0; batch = await log.ReadSinceAsync(position, 2, None))
        {
            Assert.True(batch.Position > position, $"{batch.Position} after {position}");
            (position, read) = (batch.Position, [.. read, batch.Position]);
            ids.AddRange(batch.Changes.Select(c => c.DocumentId));
        }

        Assert.Contains(appended, p => p.Value.StartsWith("changes/2026/11/29/000002.jsonl@", StringComparison.Ordinal));
        Assert.Contains(appended, p => p.Value.StartsWith("changes/2026/12/01/", StringComparison.Ordinal));
        Assert.Equal(appended, appended.Order());
        Assert.All(appended, p => Assert.True(ChangeLogPosition.Start < p));
        Assert.True(new ChangeLogPosition("changes/2026/11/29/000001.jsonl@9") < new ChangeLogPosition("changes/2026/11/29/000002.jsonl@0"));
        Assert.True(new ChangeLogPosition("changes/2026/11/29/000001.jsonl@90") > new ChangeLogPosition("changes/2026/11/29/000001.jsonl@9"));
        Assert.Equal(21, ids.Count);
        Assert.Equal(appended[^1], position);
        Assert.Equal(11, read.Count);
    }

    [Fact]
    public async Task A_line_a_stale_writer_appends_to_a_segment_others_left_is_appended_again_where_readers_are()
    {
        var stale = Log(store.Clock, maxBytes: 200);
        var busy = Log(store.Clock, maxBytes: 200);
        await stale.AppendAsync(Change("stale-1"), None);
        foreach (var id in new[] { "busy-1", "busy-2", "busy-3" })
        {
            await busy.AppendAsync(Change(id), None);
        }

        var reader = await busy.ReadSinceAsync(ChangeLogPosition.Start, None);
        var late = await stale.AppendAsync(Change("stale-2"), None);
        var after = await busy.ReadSinceAsync(reader.Position, None);

        Assert.Equal(["stale-1", "busy-1", "busy-2", "busy-3"], reader.Changes.Select(c => c.DocumentId));
        Assert.StartsWith("changes/2026/11/29/000001.jsonl@", reader.Position.Value, StringComparison.Ordinal);
        Assert.Equal(["stale-2"], after.Changes.Select(c => c.DocumentId));
        Assert.True(late > reader.Position);
        Assert.Equal(late, after.Position);
    }

    [Fact]
    public async Task A_reader_that_finds_the_next_segment_reads_what_landed_in_its_own_just_before()
    {
        var stale = Log(store.Clock, maxBytes: 200);
        var writer = Log(store.Clock, maxBytes: 200);
        var hooked = new MeteredBlobStore(store.Blobs);
        var reader = new ChangeLog(hooked, store.Clock, new SegmentedLogOptions { MaxSegmentBytes = 200 });
        await stale.AppendAsync(Change("a"), None);
        await writer.AppendAsync(Change("b"), None);
        var first = await reader.ReadSinceAsync(ChangeLogPosition.Start, None);
        await writer.AppendAsync(Change("c"), None);
        var raced = false;
        hooked.BeforeRead = async name =>
        {
            // The reader found its segment full and probes the next one: just before, a writer that has not yet
            // learned of the roll appends to the full segment, and the next segment begins.
            if (!raced && name == "changes/2026/11/29/000001.jsonl")
            {
                raced = true;
                await stale.AppendAsync(Change("late"), None);
                await writer.AppendAsync(Change("d"), None);
            }
        };

        var second = await reader.ReadSinceAsync(first.Position, None);

        Assert.True(raced);
        Assert.Equal(["a", "b"], first.Changes.Select(c => c.DocumentId));
        Assert.Equal(["c", "late", "d"], second.Changes.Select(c => c.DocumentId).Distinct());
        Assert.StartsWith("changes/2026/11/29/000001.jsonl@", second.Position.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_at_the_end_of_a_segment_that_is_not_full_does_not_probe_for_a_next_one()
    {
        var writer = Log(store.Clock, maxBytes: 200);
        var metered = new MeteredBlobStore(store.Blobs);
        var reader = new ChangeLog(metered, store.Clock, new SegmentedLogOptions { MaxSegmentBytes = 200 });
        await writer.AppendAsync(Change("a"), None);
        var first = await reader.ReadSinceAsync(ChangeLogPosition.Start, None);
        metered.Reset();

        var idle = await reader.ReadSinceAsync(first.Position, None);
        var probes = metered.Calls;
        await writer.AppendAsync(Change("b"), None);
        var next = await reader.ReadSinceAsync(idle.Position, None);

        Assert.Empty(idle.Changes);
        Assert.Equal(1, probes);
        Assert.Equal(["b"], next.Changes.Select(c => c.DocumentId));
    }

    [Fact]
    public async Task At_a_day_boundary_a_reader_keeps_reading_a_writer_whose_clock_is_behind_for_the_grace_period()
    {
        var midnight = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        var slow = new ManualClock(midnight.AddSeconds(-30));
        var fast = new ManualClock(midnight.AddSeconds(1));
        var readerClock = new ManualClock(midnight.AddSeconds(-20));
        var slowWriter = Log(slow, maxBytes: 1 << 20);
        var fastWriter = Log(fast, maxBytes: 1 << 20);
        var reader = Log(readerClock, maxBytes: 1 << 20);
        await slowWriter.AppendAsync(Change("before-midnight"), None);
        var first = await reader.ReadSinceAsync(ChangeLogPosition.Start, None);

        await fastWriter.AppendAsync(Change("new-day"), None);
        readerClock.Set(midnight.AddSeconds(3));
        var withinGrace = await reader.ReadSinceAsync(first.Position, None);
        slow.Set(midnight.AddSeconds(-1));
        await slowWriter.AppendAsync(Change("late-by-the-clock"), None);
        readerClock.Set(midnight.AddSeconds(5));
        var stillWithinGrace = await reader.ReadSinceAsync(withinGrace.Position, None);
        readerClock.Set(midnight.AddSeconds(11));
        var afterGrace = await reader.ReadSinceAsync(stillWithinGrace.Position, None);

        Assert.Equal(["before-midnight"], first.Changes.Select(c => c.DocumentId));
        Assert.Empty(withinGrace.Changes);
        Assert.Equal(first.Position, withinGrace.Position);
        Assert.Equal(["late-by-the-clock"], stillWithinGrace.Changes.Select(c => c.DocumentId));
        Assert.Equal(["new-day"], afterGrace.Changes.Select(c => c.DocumentId));
        Assert.StartsWith("changes/2026/11/30/000000.jsonl@", afterGrace.Position.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_moves_past_days_without_changes_and_reads_what_comes_next()
    {
        var log = store.ChangeLog;
        await log.AppendAsync(Change("a"), None);
        var end = await log.ReadSinceAsync(ChangeLogPosition.Start, None);
        store.Clock.Advance(TimeSpan.FromDays(3));

        var quiet = await log.ReadSinceAsync(end.Position, None);
        await log.AppendAsync(Change("b"), None);
        var next = await log.ReadSinceAsync(quiet.Position, None);

        Assert.Empty(quiet.Changes);
        Assert.Equal("changes/2026/12/02/000000.jsonl@0", quiet.Position.Value);
        Assert.True(quiet.Position > end.Position);
        Assert.Equal(["b"], next.Changes.Select(c => c.DocumentId));
    }

    private ChangeLog Log(TimeProvider clock, long maxBytes) =>
        new(store.Blobs, clock, new SegmentedLogOptions { MaxSegmentBytes = maxBytes });

    private async Task<List<(string Name, long Size)>> SegmentsAsync(string prefix)
    {
        var items = new List<(string, long)>();
        await foreach (var item in store.Blobs.ListAsync(prefix, None))
        {
            items.Add((item.Name, item.Size));
        }

        return items;
    }

    private DocumentChange Change(string id) => new(id, 1, ChangeKinds.Updated, store.Clock.GetUtcNow());
}

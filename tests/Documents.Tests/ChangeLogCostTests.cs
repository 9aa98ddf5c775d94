using KnowledgeHub.Documents.Logs;
using KnowledgeHub.Documents.Tests.Support;
using Xunit.Abstractions;

namespace KnowledgeHub.Documents.Tests;

/// <summary>What the change log asks of storage: a reader costs what it reads, a writer what it appends.</summary>
public sealed class ChangeLogCostTests(ITestOutputHelper output) : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TestStore store = new();

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task An_idle_reader_at_the_end_costs_one_read_and_no_listing_however_long_the_log()
    {
        var writer = new ChangeLog(store.Blobs, store.Clock, new SegmentedLogOptions { MaxSegmentBytes = 2000 });
        for (var day = 0; day < 3; day++)
        {
            store.Clock.Advance(TimeSpan.FromDays(day == 0 ? 0 : 1));
            for (var i = 0; i < 60; i++)
            {
                await writer.AppendAsync(Change($"{day}-{i:00}"), None);
            }
        }

        var metered = new MeteredBlobStore(store.Blobs);
        var reader = new ChangeLog(metered, store.Clock, new SegmentedLogOptions { MaxSegmentBytes = 2000 });
        var end = await reader.ReadSinceAsync(ChangeLogPosition.Start, None);
        output.WriteLine($"catch-up of {end.Changes.Count} changes: {metered.Calls} calls, {metered.BytesRead} bytes read");
        metered.Reset();

        for (var poll = 0; poll < 3; poll++)
        {
            var idle = await reader.ReadSinceAsync(end.Position, None);
            Assert.Empty(idle.Changes);
            Assert.Equal(end.Position, idle.Position);
        }

        output.WriteLine($"3 idle polls: {metered.Calls} calls, {metered.BytesRead} bytes read, {metered.ListedPrefixes.Count} listings");
        Assert.Equal(180, end.Changes.Count);
        Assert.Equal(3 * 1, metered.Calls);
        Assert.Empty(metered.ListedPrefixes);
        Assert.Equal(3 * 1, metered.BytesRead); // each poll reads from one byte before its point: never "range not satisfiable"
    }

    [Fact]
    public async Task The_end_of_the_log_costs_a_listing_and_a_read_of_the_segments_tail_not_of_the_whole_segment()
    {
        // A rebuild and every view's load start here; a whole 1 MiB segment is ~8,000 appended blocks on Azure.
        var log = new ChangeLog(store.Blobs, store.Clock);
        for (var i = 0; i < 2000; i++)
        {
            await log.AppendAsync(Change($"d{i:0000}"), None);
        }

        var last = await log.AppendAsync(Change("last"), None);
        var metered = new MeteredBlobStore(store.Blobs);
        var end = await new ChangeLog(metered, store.Clock).EndAsync(None);

        output.WriteLine($"end: {metered.Calls} calls, {metered.BytesRead} bytes read");
        Assert.Equal(last, end);
        Assert.Single(metered.ListedPrefixes);
        Assert.InRange(metered.BytesRead, 1, 4096);
        Assert.Empty((await log.ReadSinceAsync(end, None)).Changes);
    }

    [Fact]
    public async Task A_reader_with_one_new_change_reads_that_line_only()
    {
        var metered = new MeteredBlobStore(store.Blobs);
        var log = new ChangeLog(metered, store.Clock);
        for (var i = 0; i < 500; i++)
        {
            await log.AppendAsync(Change($"d{i:000}"), None);
        }

        var end = await log.EndAsync(None);
        await log.AppendAsync(Change("new"), None);
        metered.Reset();

        var batch = await log.ReadSinceAsync(end, None);

        output.WriteLine($"poll with one new change: {metered.Calls} calls, {metered.BytesRead} bytes read");
        Assert.Equal(["new"], batch.Changes.Select(c => c.DocumentId));
        Assert.Equal(1, metered.Calls);
        Assert.InRange(metered.BytesRead, 50, 200);
    }

    [Fact]
    public async Task An_append_costs_one_call_and_a_listing_only_when_the_writer_starts_or_rolls()
    {
        var metered = new MeteredBlobStore(store.Blobs);
        var log = new ChangeLog(metered, store.Clock, new SegmentedLogOptions { MaxSegmentBytes = 1000 });
        var perAppend = new List<(int Calls, int Listings)>();
        for (var i = 0; i < 30; i++)
        {
            metered.Reset();
            await log.AppendAsync(Change($"d{i:00}"), None);
            perAppend.Add((metered.Calls, metered.ListedPrefixes.Count));
        }

        output.WriteLine($"per append (calls, listings): {string.Join(" ", perAppend)}");
        Assert.Equal((2, 1), perAppend[0]);
        Assert.Equal(30 + 1 + 2, perAppend.Sum(p => p.Calls));
        Assert.Equal(1 + 2, perAppend.Sum(p => p.Listings));
        Assert.Equal(0, metered.BytesRead);
    }

    [Fact]
    public async Task A_reader_taking_a_segment_in_small_batches_downloads_it_once()
    {
        for (var i = 0; i < 300; i++)
        {
            await store.ChangeLog.AppendAsync(Change($"d{i:000}"), None);
        }

        var metered = new MeteredBlobStore(store.Blobs);
        var reader = new ChangeLog(metered, store.Clock);
        var ids = new List<string>();
        var position = ChangeLogPosition.Start;
        for (var batch = await reader.ReadSinceAsync(position, 25, None); batch.Changes.Count > 0; batch = await reader.ReadSinceAsync(position, 25, None))
        {
            Assert.InRange(batch.Changes.Count, 1, 25);
            position = batch.Position;
            ids.AddRange(batch.Changes.Select(c => c.DocumentId));
        }

        var size = (await store.Blobs.ReadAsync("changes/2026/11/29/000000.jsonl", None))!.Content.Length;
        output.WriteLine($"300 changes in batches of 25: {metered.Calls} calls, {metered.BytesRead} bytes read of a {size}-byte segment");
        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"d{i:000}"), ids);
        // The segment's bytes once, plus at most one byte of overlap per read (from a point, never past the end).
        Assert.InRange(metered.BytesRead, size, size + metered.Calls);
        Assert.InRange(metered.Calls, 2, 15);
    }

    private DocumentChange Change(string id) => new(id, 1, ChangeKinds.Updated, store.Clock.GetUtcNow());
}

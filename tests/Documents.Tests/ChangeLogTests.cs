using System.Text;
using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Documents.Tests;

public sealed class ChangeLogTests : IDisposable
{
    private readonly TestStore store = new();

    private ChangeLog Log => store.ChangeLog;

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task An_empty_log_reads_nothing_and_ends_at_the_start()
    {
        var batch = await Log.ReadSinceAsync(ChangeLogPosition.Start, CancellationToken.None);

        Assert.Empty(batch.Changes);
        Assert.Equal(ChangeLogPosition.Start, batch.Position);
        Assert.Equal(ChangeLogPosition.Start, await Log.EndAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Creates_and_saves_are_logged_in_order()
    {
        var a = await store.Repository.CreateAsync(People.Retro(), People.Alice, CancellationToken.None);
        var b = await store.Repository.CreateAsync(People.Retro(), People.Bob, CancellationToken.None);
        await store.Repository.SaveAsync(new DocumentEdit { Id = a.Id, BaseVersion = 1, Title = "t", Markdown = "m" }, People.Alice, CancellationToken.None);

        var batch = await Log.ReadSinceAsync(ChangeLogPosition.Start, CancellationToken.None);

        Assert.Equal(
            [(a.Id, 1, ChangeKinds.Created), (b.Id, 1, ChangeKinds.Created), (a.Id, 2, ChangeKinds.Updated)],
            batch.Changes.Select(c => (c.DocumentId, c.Version, c.Kind)));
        Assert.All(batch.Changes, c => Assert.Equal(store.Clock.GetUtcNow(), c.Utc));
        Assert.Equal(await Log.EndAsync(CancellationToken.None), batch.Position);
    }

    [Fact]
    public async Task Reading_since_a_position_yields_only_later_entries_across_days()
    {
        await Log.AppendAsync(Change("a"), CancellationToken.None);
        await Log.AppendAsync(Change("b"), CancellationToken.None);
        var first = await Log.ReadSinceAsync(ChangeLogPosition.Start, CancellationToken.None);

        await Log.AppendAsync(Change("c"), CancellationToken.None);
        store.Clock.Advance(TimeSpan.FromDays(1));
        await Log.AppendAsync(Change("d"), CancellationToken.None);
        store.Clock.Advance(TimeSpan.FromDays(40));
        await Log.AppendAsync(Change("e"), CancellationToken.None);

        var second = await Log.ReadSinceAsync(first.Position, CancellationToken.None);
        var third = await Log.ReadSinceAsync(second.Position, CancellationToken.None);

        Assert.Equal(["a", "b"], first.Changes.Select(c => c.DocumentId));
        Assert.Equal(["c", "d", "e"], second.Changes.Select(c => c.DocumentId));
        Assert.Empty(third.Changes);
        Assert.Equal(second.Position, third.Position);
        Assert.Equal(await Log.EndAsync(CancellationToken.None), second.Position);
        Assert.Equal(["changes/2026/11/29/000000.jsonl", "changes/2026/11/30/000000.jsonl", "changes/2027/01/09/000000.jsonl"], await store.BlobNamesAsync("changes/"));
    }

    [Fact]
    public async Task A_partially_written_last_line_is_not_consumed_until_it_is_whole()
    {
        await Log.AppendAsync(Change("a"), CancellationToken.None);
        var blob = "changes/2026/11/29/000000.jsonl";
        var line = """{"documentId":"b","version":1,"kind":"updated","utc":"2026-11-29T08:30:00+00:00"}""";
        await store.Blobs.AppendAsync(blob, Encoding.UTF8.GetBytes(line[..20]), CancellationToken.None);

        var first = await Log.ReadSinceAsync(ChangeLogPosition.Start, CancellationToken.None);
        Assert.Equal(["a"], first.Changes.Select(c => c.DocumentId));
        Assert.Equal(first.Position, await Log.EndAsync(CancellationToken.None));

        await store.Blobs.AppendAsync(blob, Encoding.UTF8.GetBytes(line[20..] + "\n"), CancellationToken.None);
        var second = await Log.ReadSinceAsync(first.Position, CancellationToken.None);

        Assert.Equal(["b"], second.Changes.Select(c => c.DocumentId));
    }

    [Fact]
    public async Task A_position_survives_a_round_trip_through_its_string()
    {
        await Log.AppendAsync(Change("a"), CancellationToken.None);
        var end = await Log.EndAsync(CancellationToken.None);
        await Log.AppendAsync(Change("b"), CancellationToken.None);

        var batch = await Log.ReadSinceAsync(new ChangeLogPosition(end.ToString()), CancellationToken.None);

        Assert.Equal(["b"], batch.Changes.Select(c => c.DocumentId));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("changes/2026/11/29/000000.jsonl@x")]
    [InlineData("changes/2026/11/29.jsonl@120")]
    [InlineData("changes/2026/13/29/000000.jsonl@0")]
    [InlineData("../secret@0")]
    public async Task A_malformed_position_is_refused(string value)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Log.ReadSinceAsync(new ChangeLogPosition(value), CancellationToken.None));
    }

    [Fact]
    public async Task An_append_returns_the_position_after_its_entry_and_tells_listeners()
    {
        var heard = new List<ChangeLogPosition>();
        Log.Appended += (_, position) => heard.Add(position);
        Assert.Equal(ChangeLogPosition.Start, Log.LastAppended);

        var a = await Log.AppendAsync(Change("a"), CancellationToken.None);
        var b = await Log.AppendAsync(Change("b"), CancellationToken.None);

        Assert.True(ChangeLogPosition.Start < a && a < b);
        Assert.Equal([a, b], heard);
        Assert.Equal(b, Log.LastAppended);
        Assert.Equal(b, await Log.EndAsync(CancellationToken.None));
        Assert.Equal(["b"], (await Log.ReadSinceAsync(a, CancellationToken.None)).Changes.Select(c => c.DocumentId));
        Assert.Empty((await Log.ReadSinceAsync(b, CancellationToken.None)).Changes);
    }

    [Fact]
    public async Task A_listener_that_fails_does_not_make_the_append_fail()
    {
        var logger = new ListLogger<ChangeLog>();
        var log = new ChangeLog(store.Blobs, store.Clock, logger);
        log.Appended += (_, _) => throw new InvalidOperationException("listener broke");

        var position = await log.AppendAsync(Change("a"), CancellationToken.None);

        Assert.Equal(position, log.LastAppended);
        Assert.Equal(["a"], (await log.ReadSinceAsync(ChangeLogPosition.Start, CancellationToken.None)).Changes.Select(c => c.DocumentId));
        Assert.Contains(logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("listener", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_torn_line_is_logged_and_skipped_and_the_lines_after_it_are_read()
    {
        var logger = new ListLogger<ChangeLog>();
        var log = new ChangeLog(store.Blobs, store.Clock, logger);
        await log.AppendAsync(Change("a"), CancellationToken.None);
        await store.Blobs.AppendAsync("changes/2026/11/29/000000.jsonl", Encoding.UTF8.GetBytes("{\"documentId\":\"torn"), CancellationToken.None);
        await log.AppendAsync(Change("b"), CancellationToken.None);
        await log.AppendAsync(Change("c"), CancellationToken.None);

        var batch = await log.ReadSinceAsync(ChangeLogPosition.Start, CancellationToken.None);

        Assert.Equal(["a", "c"], batch.Changes.Select(c => c.DocumentId));
        Assert.Equal(await log.EndAsync(CancellationToken.None), batch.Position);
        Assert.Contains(logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("000000.jsonl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Day_blobs_of_the_old_layout_are_not_read_as_changes()
    {
        await store.Blobs.AppendAsync("changes/2026/11/28.jsonl", Encoding.UTF8.GetBytes("""{"documentId":"old","version":1,"kind":"updated","utc":"2026-11-28T08:30:00+00:00"}""" + "\n"), CancellationToken.None);

        Assert.Equal(ChangeLogPosition.Start, await Log.EndAsync(CancellationToken.None));
        await Log.AppendAsync(Change("new"), CancellationToken.None);

        Assert.Equal(["new"], (await Log.ReadSinceAsync(ChangeLogPosition.Start, CancellationToken.None)).Changes.Select(c => c.DocumentId));
    }

    private DocumentChange Change(string id) => new(id, 1, ChangeKinds.Updated, store.Clock.GetUtcNow());
}

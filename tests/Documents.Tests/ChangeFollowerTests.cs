using KnowledgeHub.Documents.Following;
using KnowledgeHub.Documents.Tests.Support;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Documents.Tests;

/// <summary>The node's one follower: fed from the real change log on a real file store, with consumers that record what they get.</summary>
public sealed class ChangeFollowerTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string root = Path.Combine(Path.GetTempPath(), "kh-tests", Guid.NewGuid().ToString("N"));
    private readonly FileSystemBlobStore store;
    private readonly ChangeLog changeLog;

    public ChangeFollowerTests()
    {
        store = new FileSystemBlobStore(root);
        changeLog = new ChangeLog(store, TimeProvider.System);
    }

    [Fact]
    public async Task A_change_of_this_process_reaches_every_consumer_at_once_without_waiting_for_the_poll()
    {
        var index = new RecordingConsumer("index");
        var catalog = new RecordingConsumer("catalog");
        using var follower = Follower([index, catalog], poll: TimeSpan.FromHours(1));
        await follower.StartAsync(None);
        await WaitUntilAsync(() => index.Position is not null && catalog.Position is not null);

        var position = await changeLog.AppendAsync(Change("doc-a"), None);
        var reached = await follower.WaitForAsync(position, TimeSpan.FromSeconds(10), None);

        Assert.True(reached);
        Assert.Contains("doc-a", index.Applied);
        Assert.Contains("doc-a", catalog.Applied);
        Assert.True(index.Position >= position);
        await follower.StopAsync(None);
    }

    [Fact]
    public async Task A_consumer_without_a_checkpoint_is_loaded_in_the_background_then_fed_what_came_after()
    {
        await changeLog.AppendAsync(Change("before-start"), None);
        var index = new RecordingConsumer("index", changeLog);
        using var follower = Follower([index]);

        await follower.StartAsync(None);
        await WaitUntilAsync(() => index.Loads == 1);
        var position = await changeLog.AppendAsync(Change("after-load"), None);

        Assert.True(await follower.WaitForAsync(position, TimeSpan.FromSeconds(10), None));
        Assert.Equal(1, index.Loads);
        Assert.Equal(["after-load"], index.Applied);
        await follower.StopAsync(None);
    }

    [Fact]
    public async Task A_view_that_loads_slowly_does_not_hold_back_the_others_and_is_fed_once_loaded()
    {
        // A joining node: its index restores a snapshot quickly while another view reads every manifest.
        var slow = new RecordingConsumer("glossary", changeLog) { WritesWaitForIt = false };
        var index = new RecordingConsumer("index", changeLog);
        slow.HoldLoad();
        using var follower = Follower([slow, index]);
        await follower.StartAsync(None);
        await WaitUntilAsync(() => index.Loads == 1);

        var first = await changeLog.AppendAsync(Change("while-loading"), None);
        var indexReached = await follower.WaitForAsync(first, TimeSpan.FromSeconds(10), None);
        // The state is written as a round ends, which may come just after the wait did: read it from an ended round.
        await WaitUntilAsync(() => follower.State.LastRoundUtc is not null);
        var loading = follower.State.Loading;
        var slowLoads = slow.Loads;
        slow.ReleaseLoad();
        await WaitUntilAsync(() => slow.Loads == 1);
        var second = await changeLog.AppendAsync(Change("after-both"), None);
        await follower.WaitForAsync(second, TimeSpan.FromSeconds(10), None);
        await WaitUntilAsync(() => slow.Applied.Contains("after-both") && follower.Timeline is not null);

        Assert.True(indexReached);
        Assert.Equal("glossary", loading);
        Assert.Equal(0, slowLoads);
        // A batch is read from the lowest checkpoint (IChangeConsumer.ApplyAsync: applying a change twice is harmless):
        // when after-both is appended before the round that first feeds the loaded view, that round reads both changes
        // and the index takes while-loading again. What matters is that it has each change, in log order.
        Assert.Equal(["while-loading", "after-both"], index.Applied.Distinct());
        Assert.Equal("after-both", index.Applied[^1]);
        Assert.Contains("glossary", follower.Timeline);
        Assert.Contains("index", follower.Timeline);
        await follower.StopAsync(None);
    }

    [Fact]
    public async Task A_failed_round_is_retried_and_the_change_applied_once_the_consumer_can_take_it()
    {
        var index = new RecordingConsumer("index") { FailuresLeft = 2 };
        using var follower = Follower([index], retry: TimeSpan.FromMilliseconds(20));
        await follower.StartAsync(None);

        var position = await changeLog.AppendAsync(Change("retried"), None);

        Assert.True(await follower.WaitForAsync(position, TimeSpan.FromSeconds(10), None));
        Assert.Equal(0, index.FailuresLeft);
        Assert.Contains("retried", index.Applied);
        // The wait ends when the consumer's position passes the change, inside the good round; the round clears the last
        // failure as it ends (a full run once read the state in between).
        await WaitUntilAsync(() => follower.State.LastFailure is null);
        Assert.Null(follower.State.LastFailure);
        await follower.StopAsync(None);
    }

    [Fact]
    public async Task A_wait_ends_false_after_its_bound_while_the_follower_is_held_and_true_once_it_goes_on()
    {
        var index = new RecordingConsumer("index");
        using var follower = Follower([index]);
        await follower.StartAsync(None);
        await WaitUntilAsync(() => index.Position is not null);
        index.Hold();

        var position = await changeLog.AppendAsync(Change("held"), None);
        var early = await follower.WaitForAsync(position, TimeSpan.FromMilliseconds(200), None);
        index.Release();
        var later = await follower.WaitForAsync(position, TimeSpan.FromSeconds(10), None);

        Assert.False(early);
        Assert.True(later);
        await follower.StopAsync(None);
    }

    [Fact]
    public async Task Read_your_writes_waits_for_the_last_change_this_process_appended()
    {
        var index = new RecordingConsumer("index");
        using var follower = Follower([index]);
        await follower.StartAsync(None);
        var repository = new DocumentRepository(store, changeLog, TimeProvider.System, NullLogger<DocumentRepository>.Instance);
        var freshness = new ReadYourWrites(changeLog, follower, Options.Create(new FollowingOptions { WaitForChange = TimeSpan.FromSeconds(10) }));

        var created = await repository.CreateAsync(new NewDocument { Type = "retrospective", Title = "复盘 follower", Markdown = "正文" }, People.Alice, None);

        Assert.True(await freshness.WaitAsync(None));
        Assert.Contains(created.Id, index.Applied);
        await follower.StopAsync(None);
    }

    [Theory]
    [InlineData(0, 200)]
    [InlineData(1, 200)]
    [InlineData(2, 400)]
    [InlineData(3, 800)]
    [InlineData(4, 1000)]
    [InlineData(16, 1000)]
    public void The_poll_is_quick_right_after_changes_and_slows_down_to_the_poll_interval_while_quiet(int quietRounds, int expectedMilliseconds)
    {
        var settings = new FollowingOptions { ActivePollInterval = TimeSpan.FromMilliseconds(200), ActiveFor = TimeSpan.Zero, PollInterval = TimeSpan.FromSeconds(1) };

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), ChangeFollower.PollPause(settings, quietRounds));
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(30, 100)]
    [InlineData(31, 100)]
    [InlineData(32, 200)]
    [InlineData(33, 400)]
    [InlineData(35, 1000)]
    [InlineData(1100, 1000)]
    public void The_poll_stays_quick_for_a_while_after_changes_then_slows_down(int quietRounds, int expectedMilliseconds)
    {
        var settings = new FollowingOptions { ActivePollInterval = TimeSpan.FromMilliseconds(100), ActiveFor = TimeSpan.FromSeconds(3), PollInterval = TimeSpan.FromSeconds(1) };

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), ChangeFollower.PollPause(settings, quietRounds));
    }

    [Fact]
    public void An_active_poll_interval_longer_than_the_poll_interval_is_held_to_it()
    {
        var settings = new FollowingOptions { ActivePollInterval = TimeSpan.FromSeconds(5), PollInterval = TimeSpan.FromSeconds(1) };

        Assert.Equal(TimeSpan.FromSeconds(1), ChangeFollower.PollPause(settings, 0));
    }

    [Fact]
    public async Task Another_nodes_change_is_found_by_the_quick_poll_that_follows_activity_and_a_quiet_round_vouches_for_the_end()
    {
        var index = new RecordingConsumer("index", changeLog);
        using var follower = new ChangeFollower(
            changeLog,
            [index],
            Options.Create(new FollowingOptions { ActivePollInterval = TimeSpan.FromMilliseconds(20), PollInterval = TimeSpan.FromHours(1) }),
            TimeProvider.System,
            NullLogger<ChangeFollower>.Instance);
        var otherNode = new ChangeLog(store, TimeProvider.System);
        await follower.StartAsync(None);
        await WaitUntilAsync(() => index.Loads == 1);

        // Not this process's append: nothing wakes the follower but its own poll (the idle ceiling here is an hour).
        var position = await otherNode.AppendAsync(Change("from-node-2"), None);
        await WaitUntilAsync(() => index.Applied.Contains("from-node-2"));
        await WaitUntilAsync(() => follower.LastQuietRound is { } quiet && quiet.End >= position);

        Assert.True(index.Position >= position);
        Assert.Equal(position, follower.LastQuietRound!.Value.End);
        await follower.StopAsync(None);
    }

    [Fact]
    public async Task The_consumers_of_a_round_take_the_batch_at_the_same_time_and_a_write_does_not_wait_for_one_it_never_reads_back()
    {
        var index = new RecordingConsumer("index");
        var notifications = new RecordingConsumer("notifications") { WritesWaitForIt = false };
        using var follower = Follower([notifications, index], poll: TimeSpan.FromHours(1));
        await follower.StartAsync(None);
        await WaitUntilAsync(() => follower.LastQuietRound is not null);
        notifications.Hold();

        var position = await changeLog.AppendAsync(Change("saved"), None);
        var reached = await follower.WaitForAsync(position, TimeSpan.FromSeconds(10), None);
        var notifiedMeanwhile = notifications.Applied.Count;
        notifications.Release();
        await WaitUntilAsync(() => notifications.Applied.Contains("saved"));

        // The held consumer comes first in the list: the index got the batch without waiting for it. (A held consumer
        // still holds the next round: the test appends once the first, empty, round is over.)
        Assert.True(reached);
        Assert.Equal(["saved"], index.Applied);
        Assert.Equal(0, notifiedMeanwhile);
        await follower.StopAsync(None);
    }

    [Fact]
    public async Task Without_consumers_a_wait_is_answered_at_once()
    {
        using var follower = Follower([]);
        var position = await changeLog.AppendAsync(Change("nobody"), None);

        Assert.True(await follower.WaitForAsync(position, TimeSpan.Zero, None));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned up with the temp folder later.
        }
    }

    private ChangeFollower Follower(IReadOnlyList<IChangeConsumer> consumers, TimeSpan? poll = null, TimeSpan? retry = null) => new(
        changeLog,
        consumers,
        Options.Create(new FollowingOptions { PollInterval = poll ?? TimeSpan.FromMilliseconds(50), RetryDelay = retry ?? TimeSpan.FromMilliseconds(20) }),
        TimeProvider.System,
        NullLogger<ChangeFollower>.Instance);

    private static DocumentChange Change(string id) => new(id, 1, ChangeKinds.Updated, DateTimeOffset.UtcNow);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; !condition(); i++)
        {
            Assert.True(i < 500, "the follower did not get there within 10 s");
            await Task.Delay(20);
        }
    }

    /// <summary>A derived view that records the documents it was given; it can fail its next rounds or be held.</summary>
    private sealed class RecordingConsumer(string name, ChangeLog? log = null) : IChangeConsumer
    {
        private readonly List<string> applied = [];
        private TaskCompletionSource released = Released();
        private TaskCompletionSource loadReleased = Released();
        private ChangeLogPosition? position = log is null ? ChangeLogPosition.Start : null;

        public string Name => name;

        public ChangeLogPosition? Position
        {
            get
            {
                lock (applied)
                {
                    return position;
                }
            }
        }

        public int Loads { get; private set; }

        public int FailuresLeft { get; set; }

        public bool WritesWaitForIt { get; init; } = true;

        public IReadOnlyList<string> Applied
        {
            get
            {
                lock (applied)
                {
                    return [.. applied];
                }
            }
        }

        public void Hold() => released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => released.TrySetResult();

        public void HoldLoad() => loadReleased = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void ReleaseLoad() => loadReleased.TrySetResult();

        /// <summary>As the index's rebuild: the view is built whole as of the log's end, read first.</summary>
        public async Task LoadAsync(CancellationToken cancellationToken)
        {
            var end = await (log ?? throw new InvalidOperationException("This consumer starts loaded.")).EndAsync(cancellationToken);
            await loadReleased.Task.WaitAsync(cancellationToken);
            lock (applied)
            {
                position = end;
            }

            // Counted once loaded: a test that appends after seeing the count knows the load did not see its change.
            Loads++;
        }

        public async Task ApplyAsync(ChangeBatch batch, CancellationToken cancellationToken)
        {
            await released.Task.WaitAsync(cancellationToken);
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new IOException("Simulated: storage did not answer.");
            }

            lock (applied)
            {
                applied.AddRange(batch.Changes.Select(c => c.DocumentId));
                position = batch.Position;
            }
        }

        private static TaskCompletionSource Released()
        {
            var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            source.SetResult();
            return source;
        }
    }
}

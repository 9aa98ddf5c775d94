using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Documents.Following;

/// <summary>
/// The node's one change-log follower: a background service that reads the change log once per round from the
/// lowest checkpoint of its consumers (<see cref="IChangeConsumer"/>) and hands the same batch to each of them.
/// A consumer without a checkpoint is loaded whole first (a rebuild), here in the background, never in a request.
/// It wakes at once when this process appends a change (<see cref="ChangeLog.Appended"/>), and polls for changes of
/// other nodes: every <see cref="FollowingOptions.ActivePollInterval"/> right after a round that found changes, twice as
/// long after each round that found none, up to <see cref="FollowingOptions.PollInterval"/> — so a busy cluster sees
/// other nodes' saves within a fraction of a second, and an idle node costs one small read a second (a poll with
/// nothing new reads nothing and allocates no batch). A failed round is logged and retried
/// after <see cref="FollowingOptions.RetryDelay"/> (doubling); what one document does can never fail a round (the
/// consumers take care of that). Requests only wait on it (<see cref="WaitForAsync"/>), for a bounded time.
/// </summary>
public sealed partial class ChangeFollower : BackgroundService
{
    private readonly ChangeLog changeLog;
    private readonly IReadOnlyList<IChangeConsumer> consumers;
    private readonly FollowingOptions settings;
    private readonly TimeProvider time;
    private readonly ILogger<ChangeFollower> logger;
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly System.Threading.Lock roundGate = new();
    private TaskCompletionSource roundDone = NewRound();
    private volatile FollowerState state;
    private volatile QuietEnd? quietEnd;

    public ChangeFollower(ChangeLog changeLog, IEnumerable<IChangeConsumer> consumers, IOptions<FollowingOptions> options, TimeProvider time, ILogger<ChangeFollower> logger)
    {
        ArgumentNullException.ThrowIfNull(changeLog);
        ArgumentNullException.ThrowIfNull(options);
        this.changeLog = changeLog;
        this.consumers = [.. consumers];
        settings = options.Value;
        this.time = time;
        this.logger = logger;
        state = new FollowerState(null, null, null, Loading: null);
        changeLog.Appended += (_, _) => Wake();
    }

    /// <summary>The consumers fed by this follower, in registration order.</summary>
    public IReadOnlyList<IChangeConsumer> Consumers => consumers;

    /// <summary>How this node came into step: start-up, each consumer's load, the changes caught up (null until it was in step once).</summary>
    public string? Timeline => timeline.Summary;

    /// <summary>When the last round ended well, the last failure (null after a good round) and the consumers being loaded, if any.</summary>
    public FollowerState State => state;

    /// <summary>
    /// Where the log ended when the last round found nothing new after the consumers' lowest checkpoint, and when that
    /// round ended (null before the first quiet round): a consumer at or past it was in step then, so the lag can be
    /// told without reading the log again.
    /// </summary>
    public (ChangeLogPosition End, DateTimeOffset Utc)? LastQuietRound => quietEnd is { } quiet ? (new ChangeLogPosition(quiet.End), quiet.Utc) : null;

    /// <summary>
    /// Waits until the checkpoint of every consumer writes wait for (<see cref="IChangeConsumer.WritesWaitForIt"/>) has
    /// reached <paramref name="position"/>, at most <paramref name="timeout"/>; true when it has. Starting the wait wakes the follower, so a change of this process is applied at once.
    /// </summary>
    public async Task<bool> WaitForAsync(ChangeLogPosition position, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency);
        while (true)
        {
            Task round;
            lock (roundGate)
            {
                round = roundDone.Task;
            }

            if (HasReached(position))
            {
                return true;
            }

            var left = TimeSpan.FromSeconds((double)(deadline - time.GetTimestamp()) / time.TimestampFrequency);
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            Wake();
            try
            {
                await round.WaitAsync(left, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                return HasReached(position);
            }
        }
    }

    /// <summary>Asks for a round now (e.g. after a change this process made, or from the admin page).</summary>
    public void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending: one round serves both.
        }
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        timeline.Started();
        var failures = 0;
        var quietRounds = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var outcome = await RoundAsync(stoppingToken);
                failures = outcome == RoundOutcome.Failed ? failures + 1 : 0;
                quietRounds = outcome == RoundOutcome.Applied ? 0 : Math.Min(quietRounds + 1, 1_100);
                var pause = outcome == RoundOutcome.Failed ? RetryPause(failures) : PollPause(settings, quietRounds);
                await wake.WaitAsync(pause, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    /// <summary>
    /// The pause before the next poll: <see cref="FollowingOptions.ActivePollInterval"/> after a round that applied
    /// changes and for <see cref="FollowingOptions.ActiveFor"/> of quiet rounds after it (saves come in bursts: one that
    /// follows within seconds is seen at once), then doubling with each quiet round, never longer than
    /// <see cref="FollowingOptions.PollInterval"/>.
    /// </summary>
    internal static TimeSpan PollPause(FollowingOptions settings, int quietRounds)
    {
        var active = Math.Max(1, Math.Min(settings.ActivePollInterval.Ticks, settings.PollInterval.Ticks));
        var held = (int)Math.Min(settings.ActiveFor.Ticks / active, 1_000);
        return TimeSpan.FromTicks(Math.Min(active << Math.Clamp(quietRounds - held - 1, 0, 16), settings.PollInterval.Ticks));
    }

    private TimeSpan RetryPause(int failures) =>
        TimeSpan.FromTicks(Math.Min(settings.RetryDelay.Ticks << Math.Min(failures - 1, 10), settings.RetryDelay.Ticks * 10));

    /// <summary>
    /// One round: start loading whatever needs loading (in the background, each consumer on its own), then read once and
    /// feed every consumer that is loaded. A node that joins is in step for search as soon as its index is restored, not
    /// after the slowest other view has read every manifest.
    /// </summary>
    private async Task<RoundOutcome> RoundAsync(CancellationToken stoppingToken)
    {
        try
        {
            var (loaded, failedLoad) = StartLoads(stoppingToken);
            var applied = await FeedAsync(stoppingToken);
            var loadingNow = LoadingNames();
            if (failedLoad is not null)
            {
                // The loaded consumers were fed all the same; the failed load starts again after the back-off.
                throw failedLoad;
            }

            state = new FollowerState(time.GetUtcNow(), null, null, loadingNow);
            if (loadingNow is null && quietEnd is not null)
            {
                timeline.InStep(logger);
            }

            return applied || loaded ? RoundOutcome.Applied : RoundOutcome.Quiet;
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            state = state with { Loading = LoadingNames(), LastFailure = exception.Message, LastFailureUtc = time.GetUtcNow() };
            LogRoundFailed(exception);
            return RoundOutcome.Failed;
        }
        finally
        {
            Progressed();
        }
    }

    /// <summary>Feeds every consumer what the log holds after the lowest checkpoint; true when anything was read.</summary>
    private async Task<bool> FeedAsync(CancellationToken stoppingToken)
    {
        // Catch up in steps until the log has nothing new for anyone (a node far behind reads MaxBatch at a time).
        var applied = false;
        while (LowestPosition() is { } from)
        {
            ChangeBatch batch;
            var reading = Stopwatch.GetTimestamp();
            try
            {
                batch = await changeLog.ReadSinceAsync(from, settings.MaxBatch, stoppingToken);
            }
            catch (ArgumentException exception)
            {
                // A checkpoint that is no position of this log (storage replaced, log format changed): load again.
                LogUnknownPosition(from.Value, exception);
                foreach (var consumer in consumers.Where(c => !IsLoading(c) && c.Position == from))
                {
                    await consumer.LoadAsync(stoppingToken);
                }

                continue;
            }

            if (batch.Position == from)
            {
                quietEnd = new QuietEnd(from.Value, time.GetUtcNow());
                return applied;
            }

            // The consumers are independent views: they take the batch at the same time (a round costs the slowest, not
            // the sum; a failure of one fails the round, and the others' checkpoints keep what they applied).
            applied = true;
            timeline.Applied(batch.Changes.Count);
            if (batch.Changes.Count > 0)
            {
                LogRead(batch.Changes.Count, Stopwatch.GetElapsedTime(reading).TotalMilliseconds, (time.GetUtcNow() - batch.Changes.Max(c => c.Utc)).TotalMilliseconds);
            }

            var behind = consumers.Where(c => !IsLoading(c) && c.Position < batch.Position).ToList();
            await Task.WhenAll(behind.Select(c => ApplyAsync(c, batch, stoppingToken)));

            LogApplied(batch.Changes.Count, batch.Position.Value);
        }

        return applied;
    }

    /// <summary>The lowest checkpoint of the loaded consumers; null when none is loaded.</summary>
    private ChangeLogPosition? LowestPosition()
    {
        ChangeLogPosition? lowest = null;
        foreach (var consumer in consumers)
        {
            if (IsLoading(consumer) || consumer.Position is not { } position)
            {
                continue;
            }

            if (lowest is null || position < lowest.Value)
            {
                lowest = position;
            }
        }

        return lowest;
    }

    /// <summary>Applies a batch to one consumer, then lets waiters look again (a write need not wait for the slowest consumer).</summary>
    private async Task ApplyAsync(IChangeConsumer consumer, ChangeBatch batch, CancellationToken stoppingToken)
    {
        await consumer.ApplyAsync(batch, stoppingToken);
        Progressed();
    }

    /// <summary>Wakes every waiter (<see cref="WaitForAsync"/>) to look at the checkpoints again: after each apply and each round.</summary>
    private void Progressed()
    {
        TaskCompletionSource done;
        lock (roundGate)
        {
            done = roundDone;
            roundDone = NewRound();
        }

        done.TrySetResult();
    }

    private bool HasReached(ChangeLogPosition position) =>
        consumers.All(c => !c.WritesWaitForIt || (c.Position is { } reached && reached >= position));

    private static TaskCompletionSource NewRound() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading {Consumer} whole from storage")]
    private partial void LogLoading(string consumer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Consumer} in {ElapsedSeconds:0.0} s")]
    private partial void LogLoaded(string consumer, double elapsedSeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Change log read: {ChangeCount} changes in {ReadMs:0} ms, the newest appended {NewestMs:0} ms before")]
    private partial void LogRead(int changeCount, double readMs, double newestMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied {ChangeCount} changes; position {Position}")]
    private partial void LogApplied(int changeCount, string position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The checkpoint {Position} is not a position in the change log; loading again")]
    private partial void LogUnknownPosition(string position, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Following the change log failed; retrying")]
    private partial void LogRoundFailed(Exception exception);
}

/// <summary>The follower's state for the ready check and the admin page.</summary>
public sealed record FollowerState(DateTimeOffset? LastRoundUtc, string? LastFailure, DateTimeOffset? LastFailureUtc, string? Loading);

internal sealed record QuietEnd(string End, DateTimeOffset Utc);

internal enum RoundOutcome
{
    /// <summary>Nothing new in the log.</summary>
    Quiet,

    /// <summary>Changes were read and applied, or a consumer was loaded.</summary>
    Applied,

    /// <summary>The round failed (storage unreachable...): retried after a back-off.</summary>
    Failed,
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Search;

/// <summary>
/// The hosted service that keeps this process's index a replica: at start it rebuilds a missing or corrupt
/// index (through the first catch-up), then it follows the change log every <see cref="SearchOptions.PollInterval"/>.
/// Beside that it reconciles the index with the manifests (<see cref="IndexSynchronizer.ReconcileAsync"/>) once shortly
/// after start — a crash between a manifest write and its change-log entry is healed on restart — and then every
/// <see cref="SearchOptions.ReconcileInterval"/>. A failed round (e.g. storage unreachable) is logged and retried on the next tick.
/// </summary>
public sealed partial class IndexFollower(IndexSynchronizer synchronizer, IOptions<SearchOptions> options, ILogger<IndexFollower> logger)
    : BackgroundService
{
    /// <summary>The first reconciliation runs this long after start (or after the interval, when shorter).</summary>
    public static readonly TimeSpan FirstReconcileDelay = TimeSpan.FromSeconds(10);

    /// <summary>When the last round failed, and why; null after a successful round.</summary>
    public string? LastFailure { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(FollowAsync(stoppingToken), ReconcilePeriodicallyAsync(stoppingToken));

    private async Task FollowAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        try
        {
            do
            {
                await FollowOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    private async Task FollowOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await synchronizer.CatchUpAsync(stoppingToken);
            LastFailure = null;
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LastFailure = $"{DateTimeOffset.UtcNow:u}: {exception.Message}";
            LogFollowFailed(logger, exception);
        }
    }

    private async Task ReconcilePeriodicallyAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ReconcileInterval;
        try
        {
            // Not at once: start-up (and a start-up rebuild, which reconciliation would only wait for) goes first.
            await Task.Delay(interval < FirstReconcileDelay ? interval : FirstReconcileDelay, stoppingToken);
            using var timer = new PeriodicTimer(interval);
            do
            {
                await ReconcileOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    private async Task ReconcileOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await synchronizer.ReconcileAsync(stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LogReconcileFailed(logger, options.Value.ReconcileInterval, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Following the change log failed; retrying on the next tick")]
    private static partial void LogFollowFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciling the search index with the manifests failed; retrying in {Interval}")]
    private static partial void LogReconcileFailed(ILogger logger, TimeSpan interval, Exception exception);
}

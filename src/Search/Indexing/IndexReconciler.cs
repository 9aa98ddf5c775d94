using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Search;

/// <summary>
/// Reconciles the index with a listing of storage (<see cref="IndexSynchronizer.ReconcileAsync"/>) once shortly after
/// start — a crash between a manifest write and its change-log entry is healed on restart — and then every
/// <see cref="SearchOptions.ReconcileInterval"/>, in the background. A failed round is logged and retried on the next tick.
/// </summary>
public sealed partial class IndexReconciler(IndexSynchronizer synchronizer, IOptions<SearchOptions> options, ILogger<IndexReconciler> logger)
    : BackgroundService
{
    /// <summary>The first reconciliation runs this long after start (or after the interval, when shorter).</summary>
    public static readonly TimeSpan FirstReconcileDelay = TimeSpan.FromSeconds(10);

    /// <summary>When the last round ended and how many documents it repaired; null before the first.</summary>
    public (DateTimeOffset Utc, int Repaired)? LastRound { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
            var repaired = await synchronizer.ReconcileAsync(stoppingToken);
            LastRound = (DateTimeOffset.UtcNow, repaired);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LogReconcileFailed(logger, options.Value.ReconcileInterval, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciling the search index with storage failed; retrying in {Interval}")]
    private static partial void LogReconcileFailed(ILogger logger, TimeSpan interval, Exception exception);
}

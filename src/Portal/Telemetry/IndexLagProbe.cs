using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Following;
using KnowledgeHub.Search;
using KnowledgeHub.Telemetry;

namespace KnowledgeHub.Portal.Telemetry;

/// <summary>
/// Every <see cref="TelemetryOptions.LagIntervalSeconds"/>: how far this node's index is behind the change log — the
/// changes after the index's checkpoint (read from the log, at most <see cref="MaxCounted"/>) and the age of the oldest
/// of them — and how far a running rebuild has got. Recorded as gauges; a failed probe (storage down) records nothing.
/// The log is read only when the node's follower cannot vouch for the index: when its last quiet round (one that found
/// nothing new) is recent and the index had reached the log's end then, the lag is 0 without any storage call.
/// </summary>
public sealed partial class IndexLagProbe(
    ChangeLog changeLog,
    IndexSynchronizer index,
    ChangeFollower follower,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<TelemetryOptions> options,
    ILogger<IndexLagProbe> logger) : BackgroundService
{
    public const int MaxCounted = 10_000;

    /// <summary>Measures once and records the gauges; the lag, or null while the index has no checkpoint (loading).</summary>
    public async Task<IndexLag?> MeasureAsync(CancellationToken cancellationToken)
    {
        var rebuild = index.Rebuild;
        KnowledgeHubTelemetry.RebuildDocuments.Record(rebuild?.Done ?? 0);
        KnowledgeHubTelemetry.RebuildProgress.Record(rebuild is { Total: > 0 } running ? (double)running.Done / running.Total.Value : rebuild is null ? 1 : 0);
        if (index.Position is not { } checkpoint)
        {
            return null;
        }

        if (follower.LastQuietRound is { } quiet && checkpoint >= quiet.End
            && time.GetUtcNow() - quiet.Utc <= TimeSpan.FromSeconds(options.Value.LagIntervalSeconds))
        {
            KnowledgeHubTelemetry.IndexLagChanges.Record(0);
            KnowledgeHubTelemetry.IndexLagSeconds.Record(0);
            return new IndexLag(0, 0);
        }

        var behind = await changeLog.ReadSinceAsync(checkpoint, MaxCounted, cancellationToken);
        var oldest = behind.Changes.Count == 0 ? (DateTimeOffset?)null : behind.Changes.Min(c => c.Utc);
        var seconds = oldest is { } utc ? Math.Max(0, (time.GetUtcNow() - utc).TotalSeconds) : 0;
        KnowledgeHubTelemetry.IndexLagChanges.Record(behind.Changes.Count);
        KnowledgeHubTelemetry.IndexLagSeconds.Record(seconds);
        return new IndexLag(behind.Changes.Count, seconds);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.LagIntervalSeconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(interval, time, stoppingToken);
                try
                {
                    await MeasureAsync(stoppingToken);
                }
#pragma warning disable CA1031 // A probe that fails (storage down) is logged and tried again; it must not stop the host.
                catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogProbeFailed(logger, exception.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Debug, Message = "Measuring the index lag failed ({Kind}); trying again next interval")]
    private static partial void LogProbeFailed(ILogger logger, string kind);
}

/// <summary>The index's distance behind the change log.</summary>
public sealed record IndexLag(int Changes, double Seconds);

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Search;

/// <summary>
/// The hosted service that keeps this process's index a replica: at start it rebuilds a missing or corrupt
/// index (through the first catch-up), then it follows the change log every <see cref="SearchOptions.PollInterval"/>.
/// A failed round (e.g. storage unreachable) is logged and retried on the next tick.
/// </summary>
public sealed partial class IndexFollower(IndexSynchronizer synchronizer, IOptions<SearchOptions> options, ILogger<IndexFollower> logger)
    : BackgroundService
{
    /// <summary>When the last round failed, and why; null after a successful round.</summary>
    public string? LastFailure { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Following the change log failed; retrying on the next tick")]
    private static partial void LogFollowFailed(ILogger logger, Exception exception);
}

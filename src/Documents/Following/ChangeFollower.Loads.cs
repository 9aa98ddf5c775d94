using System.Diagnostics;

namespace KnowledgeHub.Documents.Following;

/// <summary>
/// Loading the follower's views: each consumer without a checkpoint is loaded in the background on its own, so a quick
/// one (an index restored from a snapshot) is fed while a slow one (a view that reads every manifest) still loads; the
/// timeline of a joining node is kept for the log and the ready check.
/// </summary>
public sealed partial class ChangeFollower
{
    private readonly Dictionary<IChangeConsumer, Task> loads = [];
    private readonly JoinTimeline timeline = new();

    /// <summary>
    /// Starts a background load for every consumer without a checkpoint that is not loading yet; reports loads that
    /// ended (a failed one is reported, and started again on the round after the back-off). Whether a load ended well
    /// since the last round, and the failure of one that did not.
    /// </summary>
    private (bool Ended, Exception? Failed) StartLoads(CancellationToken stoppingToken)
    {
        var ended = false;
        Exception? failed = null;
        lock (loads)
        {
            foreach (var (consumer, load) in loads.Where(l => l.Value.IsCompleted).ToList())
            {
                loads.Remove(consumer);
                if (load.Exception?.GetBaseException() is { } error && error is not OperationCanceledException)
                {
                    failed = new InvalidOperationException($"Loading {consumer.Name} failed: {error.Message}", error);
                    continue;
                }

                ended |= load.IsCompletedSuccessfully;
            }

            if (failed is null)
            {
                foreach (var consumer in consumers.Where(c => c.Position is null && !loads.ContainsKey(c)))
                {
                    loads[consumer] = LoadAsync(consumer, stoppingToken);
                }
            }
        }

        return (ended, failed);
    }

    private async Task LoadAsync(IChangeConsumer consumer, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var started = Stopwatch.GetTimestamp();
        LogLoading(consumer.Name);
        await consumer.LoadAsync(stoppingToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogLoaded(consumer.Name, seconds);
        timeline.Loaded(consumer.Name, seconds);
        Wake();
    }

    /// <summary>The consumers being loaded, comma-separated; null when none is.</summary>
    private string? LoadingNames()
    {
        lock (loads)
        {
            return loads.Count == 0 ? null : string.Join(", ", loads.Keys.Select(c => c.Name));
        }
    }

    private bool IsLoading(IChangeConsumer consumer)
    {
        lock (loads)
        {
            return loads.ContainsKey(consumer);
        }
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Search;

/// <summary>Rebuilding the index whole from storage: the follower's load of this consumer, in the background.</summary>
public sealed partial class IndexSynchronizer
{
    /// <summary>Re-indexes every document from storage; returns the number of documents indexed.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await RebuildCoreAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The follower's load of this consumer, in the background: the newest index snapshot when there is one (once per process), else a rebuild.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (snapshots is not null && await RestoreSnapshotAsync(snapshots, cancellationToken))
        {
            return;
        }

        await RebuildAsync(cancellationToken);
    }

    private async Task<bool> RestoreSnapshotAsync(Snapshots.SnapshotRestorer restorer, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            problems.ClearAll();
            return await restorer.TryRestoreAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<int> RebuildCoreAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        rebuild = new RebuildProgress(0, null, DateTimeOffset.UtcNow);
        var count = 0;
        try
        {
            // Taken before reading: changes made during the rebuild are replayed (idempotently) afterwards.
            var end = await changeLog.EndAsync(cancellationToken);
            var parallelism = options.Value.RebuildParallelism;
            LogRebuildStarted(logger, index.Path, parallelism);
            var ids = new List<string>();
            await foreach (var listed in repository.ListManifestETagsAsync(cancellationToken))
            {
                ids.Add(listed.Id);
            }

            rebuild = rebuild with { Total = ids.Count };
            index.DeleteAll();
            problems.ClearAll();

            // ForEachAsync completes only once every worker has stopped: after a failure or a cancellation no
            // document is still being added when the rebuild is marked as needed again, and none after the commit.
            // A document storage cannot give back fails the rebuild (after retries): an index missing documents must
            // not be committed as complete, e.g. while storage is down. The follower tries again, backing off.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(ids, parallel, async (id, token) =>
            {
                DocumentRead? read = null;
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        read = await ReadAsync(id, token, skipAfterFailures: false);
                        break;
                    }
                    catch (Exception) when (attempt < MaxReadFailures && !token.IsCancellationRequested)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), token);
                    }
                }

                if (read?.Stored is { } stored)
                {
                    await IndexAsync(stored, read.Version, token);
                }

                var indexed = Interlocked.Increment(ref count);
                rebuild = rebuild! with { Done = indexed };
                if (indexed % options.Value.RebuildProgressEvery == 0)
                {
                    LogRebuildProgress(logger, indexed, ids.Count);
                }
            });

            var merging = Stopwatch.GetTimestamp();
            index.MergeIntoOneSegment();
            LogMerged(logger, Stopwatch.GetElapsedTime(merging).TotalSeconds);
            index.Commit(end);
            LogRebuilt(logger, count, Stopwatch.GetElapsedTime(started).TotalSeconds);
            return count;
        }
        catch
        {
            // Half a rebuild must never be committed under a checkpoint: the next round starts over.
            index.MarkNeedsRebuild();
            throw;
        }
        finally
        {
            rebuild = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The rebuilt search index was merged into one segment in {Seconds:0.0} s")]
    private static partial void LogMerged(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilding the search index at {IndexPath} from storage, {Parallelism} documents at a time")]
    private static partial void LogRebuildStarted(ILogger logger, string indexPath, int parallelism);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilding the search index: {Count} of {Total} documents")]
    private static partial void LogRebuildProgress(ILogger logger, int count, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the search index: {Count} documents in {ElapsedSeconds:0.0} s")]
    private static partial void LogRebuilt(ILogger logger, int count, double elapsedSeconds);
}

/// <summary>How far a rebuild has come: documents done of <see cref="Total"/> (null until the listing is read).</summary>
public sealed record RebuildProgress(int Done, int? Total, DateTimeOffset StartedUtc);

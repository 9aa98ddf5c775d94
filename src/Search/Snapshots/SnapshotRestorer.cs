using System.Diagnostics;
using KnowledgeHub.Documents;
using KnowledgeHub.Storage;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Search.Snapshots;

/// <summary>
/// A node without an index restores the newest snapshot from the blob store instead of rebuilding from every document:
/// downloads its files (<see cref="Progress"/> on the ready check, a log line every tenth), adds its segments to the empty
/// index, commits them under the snapshot's checkpoint, and the follower goes on from there. Tried once per process
/// and only for the current schema; anything wrong (none published, a file missing or damaged) falls back to a rebuild.
/// </summary>
public sealed partial class SnapshotRestorer(
    LuceneIndex index, IBlobStore store, IOptions<IndexSnapshotOptions> options, ILogger<SnapshotRestorer> logger, TimeProvider? time = null)
{
    private const int ParallelDownloads = 4;
    private const int MaxAttempts = 3;
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private int tried;
    private volatile SnapshotRestoreProgress? progress;

    /// <summary>The running restore, or null.</summary>
    public SnapshotRestoreProgress? Progress => progress;

    /// <summary>The snapshot this process restored its index from, if any.</summary>
    public SnapshotManifest? Restored { get; private set; }

    /// <summary>Restores the newest snapshot into the (empty) index; false when there is none to use (then rebuild).</summary>
    public async Task<bool> TryRestoreAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || Interlocked.Exchange(ref tried, 1) == 1)
        {
            return false;
        }

        // A newer snapshot may replace the one being downloaded (its files are deleted two publications later): take the newer.
        for (var attempt = 1; await LatestAsync(cancellationToken) is { } manifest; attempt++)
        {
            switch (await RestoreAsync(manifest, cancellationToken))
            {
                case true:
                    return true;
                case null when attempt < MaxAttempts:
                    continue;
                default:
                    index.MarkNeedsRebuild();
                    return false;
            }
        }

        return false;
    }

    /// <summary>True when restored; null when a file of the snapshot was gone (replaced by a newer one); false otherwise.</summary>
    private async Task<bool?> RestoreAsync(SnapshotManifest manifest, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var folder = $"{index.Path}.snapshot-{manifest.Id}";
        progress = new SnapshotRestoreProgress(manifest.Id, 0, manifest.TotalBytes, clock.GetUtcNow());
        LogRestoring(logger, manifest.Id, manifest.Documents, manifest.TotalBytes / 1e6, manifest.Checkpoint);
        try
        {
            DeleteFolder(folder);
            System.IO.Directory.CreateDirectory(folder);
            await DownloadAsync(manifest, folder, cancellationToken);
            var downloaded = Stopwatch.GetElapsedTime(started).TotalSeconds;
            using (var directory = FSDirectory.Open(folder))
            {
                index.RestoreFrom(directory, new ChangeLogPosition(manifest.Checkpoint));
            }

            Restored = manifest;
            var total = Stopwatch.GetElapsedTime(started).TotalSeconds;
            LogRestored(logger, manifest.Id, index.DocumentCount, total, downloaded, total - downloaded);
            return true;
        }
        catch (FileNotFoundException exception)
        {
            LogReplaced(logger, manifest.Id, exception.Message);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRestoreFailed(logger, manifest.Id, exception);
            return false;
        }
        finally
        {
            progress = null;
            DeleteFolder(folder);
        }
    }

    private async Task<SnapshotManifest?> LatestAsync(CancellationToken cancellationToken)
    {
        var blob = await store.ReadAsync(SnapshotManifest.LatestBlob, cancellationToken);
        var manifest = blob is null ? null : SnapshotManifest.Parse(blob.Content);
        if (manifest is null)
        {
            LogNoSnapshot(logger, blob is null ? "none is published" : "its manifest cannot be read");
            return null;
        }

        if (manifest.Schema != SearchFields.SchemaVersion)
        {
            LogNoSnapshot(logger, $"it has index schema {manifest.Schema}, this version uses {SearchFields.SchemaVersion}");
            return null;
        }

        return manifest;
    }

    private async Task DownloadAsync(SnapshotManifest manifest, string folder, CancellationToken cancellationToken)
    {
        long done = 0;
        var step = Math.Max(1, manifest.TotalBytes / 10);
        var nextLog = step;
        var gate = new System.Threading.Lock();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ParallelDownloads, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(manifest.Files, parallel, async (file, token) =>
        {
            if (file.Name.Contains('/', StringComparison.Ordinal) || file.Name.Contains('\\', StringComparison.Ordinal) || file.Name.StartsWith('.'))
            {
                throw new InvalidDataException($"The snapshot names a file '{file.Name}' outside its folder.");
            }

            var blob = await store.ReadAsync(SnapshotManifest.FileBlob(manifest.Id, file.Name), token)
                ?? throw new FileNotFoundException($"The snapshot file {file.Name} is missing from storage (a newer snapshot may have replaced it).");
            if (blob.Content.Length != file.Size)
            {
                throw new InvalidDataException($"The snapshot file {file.Name} has {blob.Content.Length} bytes, its manifest says {file.Size}.");
            }

            await using (var stream = new FileStream(Path.Combine(folder, file.Name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await stream.WriteAsync(blob.Content, token);
            }

            lock (gate)
            {
                done += file.Size;
                progress = progress! with { BytesDone = done };
                if (done >= nextLog || done == manifest.TotalBytes)
                {
                    LogProgress(logger, manifest.Id, done / 1e6, manifest.TotalBytes / 1e6);
                    nextLog = done + step;
                }
            }
        });
    }

    private static void DeleteFolder(string folder)
    {
        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No index snapshot restored ({Reason}); the index is rebuilt from storage")]
    private static partial void LogNoSnapshot(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restoring the search index from snapshot {SnapshotId}: {Documents} documents, {Megabytes:0.0} MB, checkpoint {Checkpoint}")]
    private static partial void LogRestoring(ILogger logger, string snapshotId, int documents, double megabytes, string checkpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restoring the search index from snapshot {SnapshotId}: {DoneMegabytes:0.0} of {TotalMegabytes:0.0} MB downloaded")]
    private static partial void LogProgress(ILogger logger, string snapshotId, double doneMegabytes, double totalMegabytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored the search index from snapshot {SnapshotId}: {Documents} documents in {ElapsedSeconds:0.0} s (download {DownloadSeconds:0.0} s, restore {RestoreSeconds:0.0} s); following the change log from its checkpoint")]
    private static partial void LogRestored(ILogger logger, string snapshotId, int documents, double elapsedSeconds, double downloadSeconds, double restoreSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The index snapshot {SnapshotId} was replaced while it downloaded ({Reason}); taking the newest")]
    private static partial void LogReplaced(ILogger logger, string snapshotId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index snapshot {SnapshotId} could not be restored; the index is rebuilt from storage instead")]
    private static partial void LogRestoreFailed(ILogger logger, string snapshotId, Exception exception);
}

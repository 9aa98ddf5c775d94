using System.Diagnostics;
using System.Globalization;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Search.Snapshots;

/// <summary>
/// Publishes the node's index as a snapshot in the blob store every <see cref="IndexSnapshotOptions.Interval"/> when the
/// newest one is older than that and behind this node's checkpoint: the files of the last commit (held by the writer's
/// snapshot policy while they upload, so merges cannot delete them), then <c>latest.json</c> written with its ETag, so
/// of two nodes publishing at once exactly one wins (the other deletes its files). The last two snapshots are kept: a
/// node may still be downloading the previous one.
/// </summary>
public sealed partial class SnapshotPublisher(
    LuceneIndex index, IBlobStore store, IOptions<IndexSnapshotOptions> options, ILogger<SnapshotPublisher> logger, TimeProvider? time = null) : BackgroundService
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private volatile bool usableSnapshotSeen;

    /// <summary>The last snapshot this node published, if any.</summary>
    public SnapshotManifest? LastPublished { get; private set; }

    /// <summary>Publishes a snapshot when one is due; returns it, or null when none was due or another node won.</summary>
    public async Task<SnapshotManifest?> PublishIfDueAsync(CancellationToken cancellationToken)
    {
        if (index.Checkpoint is null)
        {
            return null;
        }

        var latestBlob = await store.ReadAsync(SnapshotManifest.LatestBlob, cancellationToken);
        var latest = latestBlob is null ? null : SnapshotManifest.Parse(latestBlob.Content);
        usableSnapshotSeen |= latest is not null && latest.Schema == SearchFields.SchemaVersion;
        if (latest is not null && latest.Schema == SearchFields.SchemaVersion && clock.GetUtcNow() - latest.CreatedUtc < options.Value.Interval)
        {
            return null;
        }

        if (index.TakeSnapshot() is not { } commit)
        {
            return null;
        }

        try
        {
            var (checkpoint, _) = LuceneIndex.CommitData(commit);
            if (checkpoint is not { } position
                || (latest is not null && latest.Schema == SearchFields.SchemaVersion && new Documents.ChangeLogPosition(latest.Checkpoint) >= position))
            {
                return null;
            }

            var started = Stopwatch.GetTimestamp();
            var now = clock.GetUtcNow();
            var id = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
            var files = new List<SnapshotFile>();
            foreach (var name in commit.FileNames.Order(StringComparer.Ordinal))
            {
                await using var stream = new FileStream(Path.Combine(index.Path, name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, useAsync: true);
                var size = stream.Length;
                await store.WriteAsync(SnapshotManifest.FileBlob(id, name), stream, WriteCondition.IfNotExists, cancellationToken);
                files.Add(new SnapshotFile(name, size));
            }

            var manifest = new SnapshotManifest(id, SearchFields.SchemaVersion, position.Value, now, index.DocumentCount, files);
            try
            {
                await store.WriteAsync(
                    SnapshotManifest.LatestBlob,
                    manifest.ToJson(),
                    latestBlob is null ? WriteCondition.IfNotExists : WriteCondition.IfMatchETag(latestBlob.ETag),
                    cancellationToken);
            }
            catch (BlobConditionFailedException)
            {
                LogLost(logger, id);
                await DeleteSnapshotsAsync(keep: id2 => id2 != id, cancellationToken);
                return null;
            }

            LastPublished = manifest;
            usableSnapshotSeen = true;
            LogPublished(logger, id, manifest.Documents, manifest.TotalBytes / 1e6, position.Value, Stopwatch.GetElapsedTime(started).TotalSeconds);
            await DeleteSnapshotsAsync(keep: other => other == id || other == latest?.Id, cancellationToken);
            return manifest;
        }
        finally
        {
            index.ReleaseSnapshot(commit);
        }
    }

    /// <summary>
    /// While no snapshot of this schema is published, how often a node looks (so the first one follows the first built
    /// index within seconds, whatever the interval); after that, every <see cref="IndexSnapshotOptions.Interval"/>.
    /// </summary>
    public static readonly TimeSpan FirstSnapshotPoll = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        // A little jitter, so nodes started together do not all look at the same moment.
        var interval = options.Value.Interval;
        var first = interval < FirstSnapshotPoll ? interval : FirstSnapshotPoll;
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next((int)Math.Min(first.TotalMilliseconds / 5, 30_000))), clock, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PublishIfDueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, exception);
            }

            // A snapshot of every node every few seconds would keep storage busy uploading the whole index (tens of MB at
            // 20k documents): only the first one is looked for often.
            await Task.Delay(usableSnapshotSeen ? interval : first, clock, stoppingToken);
        }
    }

    /// <summary>Deletes the files of every snapshot whose id <paramref name="keep"/> refuses (latest.json stays).</summary>
    private async Task DeleteSnapshotsAsync(Func<string, bool> keep, CancellationToken cancellationToken)
    {
        var doomed = new List<string>();
        await foreach (var item in store.ListAsync(SnapshotManifest.Prefix, cancellationToken))
        {
            var rest = item.Name[SnapshotManifest.Prefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && !keep(rest[..slash]))
            {
                doomed.Add(item.Name);
            }
        }

        foreach (var name in doomed)
        {
            await store.DeleteAsync(name, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published index snapshot {SnapshotId}: {Documents} documents, {Megabytes:0.0} MB, checkpoint {Checkpoint}, in {ElapsedSeconds:0.0} s")]
    private static partial void LogPublished(ILogger logger, string snapshotId, int documents, double megabytes, string checkpoint, double elapsedSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another node published an index snapshot first; {SnapshotId} is deleted")]
    private static partial void LogLost(ILogger logger, string snapshotId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing an index snapshot failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

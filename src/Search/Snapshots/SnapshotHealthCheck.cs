using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeHub.Search.Snapshots;

/// <summary>
/// The snapshot part of the ready check, without I/O and never failing it (the index check says whether the node is
/// ready): a running restore's progress in bytes, the snapshot the index was restored from, the last one published here.
/// </summary>
public sealed class SnapshotHealthCheck(SnapshotRestorer restorer, SnapshotPublisher publisher) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        string description;
        if (restorer.Progress is { } progress)
        {
            data["restoring"] = progress.SnapshotId;
            data["restoreBytesDone"] = progress.BytesDone;
            data["restoreBytesTotal"] = progress.BytesTotal;
            description = string.Create(CultureInfo.InvariantCulture, $"Restoring the index from snapshot {progress.SnapshotId}: {progress.BytesDone / 1e6:0.0} of {progress.BytesTotal / 1e6:0.0} MB.");
        }
        else if (restorer.Restored is { } restored)
        {
            data["restoredFrom"] = restored.Id;
            description = $"The index was restored from snapshot {restored.Id} and follows the change log.";
        }
        else
        {
            description = "The index was not restored from a snapshot.";
        }

        if (publisher.LastPublished is { } published)
        {
            data["lastPublished"] = published.Id;
            data["lastPublishedUtc"] = published.CreatedUtc.ToString("O", CultureInfo.InvariantCulture);
        }

        return Task.FromResult(HealthCheckResult.Healthy(description, data));
    }
}

using System.Diagnostics;
using KnowledgeHub.Documents;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Search;

/// <summary>Reconciliation: the index compared with a listing of storage, for changes the change log never carried.</summary>
public sealed partial class IndexSynchronizer
{
    /// <summary>
    /// Repairs what following the change log cannot see — a change-log append that failed, a crash between a manifest
    /// write and its append, a manifest edited outside the repository. It costs one listing of <c>docs/</c> and no
    /// manifest read: a document whose entry is missing or carries another <see cref="SearchFields.Stamp"/> than its
    /// manifest blob's ETag is re-indexed, the entries of a document without a manifest are deleted, then the index is
    /// committed under the checkpoint it already had. The listing and the comparison run outside the gate (the follower
    /// goes on meanwhile); each difference is read again and repaired under the gate, so what the follower applied in
    /// between is never undone. An index without a checkpoint is left to the follower, which rebuilds it.
    /// Returns the number of documents repaired.
    /// </summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        if (index.NeedsRebuild)
        {
            LogReconcileSkipped(logger);
            return 0;
        }

        var started = Stopwatch.GetTimestamp();
        var indexed = index.Search(IndexedStamps.ReadAll);
        var suspects = new List<string>();
        var manifests = 0;
        await foreach (var listed in repository.ListManifestETagsAsync(cancellationToken))
        {
            manifests++;
            if (!indexed.Remove(listed.Id, out var stamp) || stamp != listed.ETag)
            {
                suspects.Add(listed.Id);
            }
        }

        // Indexed, but no manifest was listed: gone (the repair reads again to be sure).
        suspects.AddRange(indexed.Keys);
        var repaired = suspects.Count == 0 ? 0 : await RepairAsync(suspects, cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (repaired > 0)
        {
            LogReconciled(logger, manifests, repaired, seconds);
        }
        else
        {
            LogReconciledNothing(logger, manifests, seconds);
        }

        return repaired;
    }

    private async Task<int> RepairAsync(List<string> suspects, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (index.Checkpoint is not { } checkpoint)
            {
                // A rebuild failed meanwhile: the follower rebuilds everything.
                return 0;
            }

            var repaired = 0;
            foreach (var id in suspects)
            {
                if (await RepairAsync(id, cancellationToken))
                {
                    repaired++;
                }
            }

            if (repaired > 0)
            {
                index.Commit(checkpoint);
            }

            return repaired;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Re-reads the manifest and repairs the document's entries if they still differ; true when it did.</summary>
    private async Task<bool> RepairAsync(string id, CancellationToken cancellationToken)
    {
        StoredManifest? stored;
        try
        {
            stored = await repository.GetStoredManifestAsync(id, cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            // Bytes that are no manifest: leave the entry as it was and list the document.
            LogUnreadable(logger, id, exception);
            problems.Record(id, null, IndexProblemKind.Skipped, $"The manifest cannot be read: {exception.Message}");
            return false;
        }

        var stamp = index.Search(searcher => IndexedStamps.ReadOne(searcher, id));
        if (stored is null && stamp is null)
        {
            return false;
        }

        if (stored is not null && stamp == stored.ETag)
        {
            return false;
        }

        if (!await ApplyOneAsync(id, cancellationToken))
        {
            return false;
        }

        LogRepaired(logger, id, stored is null ? "deleted" : stamp is null ? "added" : "re-indexed");
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The search index has no checkpoint; reconciliation waits for the rebuild")]
    private static partial void LogReconcileSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled the search index with {ManifestCount} manifests: repaired {Count} documents the change log had missed ({ElapsedSeconds:0.0} s)")]
    private static partial void LogReconciled(ILogger logger, int manifestCount, int count, double elapsedSeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reconciled the search index with {ManifestCount} manifests: nothing to repair ({ElapsedSeconds:0.0} s)")]
    private static partial void LogReconciledNothing(ILogger logger, int manifestCount, double elapsedSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciliation {Action} document {DocumentId}, whose change did not reach the change log")]
    private static partial void LogRepaired(ILogger logger, string documentId, string action);
}

using System.Diagnostics;
using KnowledgeHub.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Search;

/// <summary>
/// Keeps the index in step with storage by following the change log from the index's checkpoint.
/// Every change is applied by re-reading the manifest and its current version (a missing manifest deletes
/// the document), so replaying a change is harmless. Catch-ups and rebuilds run one at a time; a catch-up applies
/// its changes in order on one thread, a rebuild indexes up to <see cref="SearchOptions.RebuildParallelism"/> documents
/// at once (the IndexWriter takes documents from several threads, the analyzer keeps its token streams per thread).
/// A document is indexed as all its entries (<see cref="DocumentMapper.MapEntries"/>), with the attachment texts
/// <paramref name="attachments"/> gives (none by default). Changes that never reached the change log are found by
/// <see cref="ReconcileAsync"/>, which repairs under the same gate.
/// </summary>
public sealed partial class IndexSynchronizer(
    LuceneIndex index,
    DocumentRepository repository,
    ChangeLog changeLog,
    DocumentMapper mapper,
    IOptions<SearchOptions> options,
    ILogger<IndexSynchronizer> logger,
    IAttachmentTextProvider? attachments = null) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly IAttachmentTextProvider attachmentTexts = attachments ?? NoAttachmentTexts.Instance;
    private int rebuilding;

    /// <summary>True while a rebuild from storage runs.</summary>
    public bool IsRebuilding => Volatile.Read(ref rebuilding) != 0;

    /// <summary>
    /// Applies every change logged since the checkpoint and makes it searchable before returning; the portal
    /// calls it right after a save. An index without a checkpoint (missing, corrupt, interrupted) is rebuilt first.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (index.Checkpoint is not { } checkpoint)
            {
                await RebuildCoreAsync(cancellationToken);
                return;
            }

            await ApplySinceAsync(checkpoint, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

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

    public void Dispose() => gate.Dispose();

    private async Task ApplySinceAsync(ChangeLogPosition checkpoint, CancellationToken cancellationToken)
    {
        ChangeBatch batch;
        try
        {
            batch = await changeLog.ReadSinceAsync(checkpoint, cancellationToken);
        }
        catch (ArgumentException exception)
        {
            // The stored checkpoint is not a position of this change log (e.g. the storage was replaced).
            LogUnknownCheckpoint(logger, checkpoint.Value, exception);
            await RebuildCoreAsync(cancellationToken);
            return;
        }

        if (batch.Changes.Count == 0 && batch.Position == checkpoint)
        {
            return;
        }

        var ids = batch.Changes.Select(change => change.DocumentId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var id in ids)
        {
            await ApplyAsync(id, cancellationToken);
        }

        index.Commit(batch.Position);
        LogApplied(logger, batch.Changes.Count, ids.Count, batch.Position.Value);
    }

    private async Task ApplyAsync(string id, CancellationToken cancellationToken)
    {
        DocumentManifest? manifest;
        try
        {
            manifest = await repository.GetManifestAsync(id, cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            // One unreadable manifest must not stop the follower: leave its entry and go on.
            LogUnreadableManifest(logger, id, exception);
            return;
        }

        if (manifest is null)
        {
            index.Delete(id);
            return;
        }

        var version = await repository.GetVersionAsync(id, manifest.ReaderVersion, cancellationToken);
        if (version is null)
        {
            LogMissingVersion(logger, id, manifest.ReaderVersion);
            return;
        }

        await IndexAsync(manifest, version, cancellationToken);
    }

    private async Task IndexAsync(DocumentManifest manifest, DocumentVersion version, CancellationToken cancellationToken)
    {
        IReadOnlyList<AttachmentText> texts = [];
        try
        {
            texts = await attachmentTexts.GetTextsAsync(manifest, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogAttachmentsFailed(logger, manifest.Id, exception);
        }

        index.Replace(manifest.Id, mapper.MapEntries(manifest, version, texts));
    }

    private async Task<int> RebuildCoreAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref rebuilding, 1);
        var started = Stopwatch.GetTimestamp();
        var count = 0;
        try
        {
            // Taken before reading: changes made during the rebuild are replayed (idempotently) afterwards.
            var end = await changeLog.EndAsync(cancellationToken);
            var parallelism = options.Value.RebuildParallelism;
            LogRebuildStarted(logger, index.Path, parallelism);
            index.DeleteAll();

            // Each worker reads a document's version and attachment texts (async), then maps and adds it (CPU-bound).
            // ForEachAsync completes only once every worker has stopped: after a failure or a cancellation no
            // document is still being added when the rebuild is marked as needed again, and none after the commit.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(repository.ListAsync(cancellationToken), parallel, async (manifest, token) =>
            {
                var version = await repository.GetVersionAsync(manifest.Id, manifest.ReaderVersion, token);
                if (version is null)
                {
                    LogMissingVersion(logger, manifest.Id, manifest.ReaderVersion);
                    return;
                }

                await IndexAsync(manifest, version, token);
                var indexed = Interlocked.Increment(ref count);
                if (indexed % options.Value.RebuildProgressEvery == 0)
                {
                    LogRebuildProgress(logger, indexed);
                }
            });

            index.Commit(end);
            LogRebuilt(logger, count, Stopwatch.GetElapsedTime(started).TotalSeconds);
            return count;
        }
        catch
        {
            // Half a rebuild must never be committed under a checkpoint: the next catch-up starts over.
            index.MarkNeedsRebuild();
            throw;
        }
        finally
        {
            Volatile.Write(ref rebuilding, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied {ChangeCount} changes to {DocumentCount} documents; checkpoint {Checkpoint}")]
    private static partial void LogApplied(ILogger logger, int changeCount, int documentCount, string checkpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId} names version {Version}, which cannot be read; its index entry is left as it was")]
    private static partial void LogMissingVersion(ILogger logger, string documentId, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The attachment texts of document {DocumentId} could not be read; it is indexed without them")]
    private static partial void LogAttachmentsFailed(ILogger logger, string documentId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The manifest of document {DocumentId} cannot be read; its index entry is left as it was")]
    private static partial void LogUnreadableManifest(ILogger logger, string documentId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index checkpoint {Checkpoint} is not a position in the change log; rebuilding")]
    private static partial void LogUnknownCheckpoint(ILogger logger, string checkpoint, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilding the search index at {IndexPath} from storage, {Parallelism} documents at a time")]
    private static partial void LogRebuildStarted(ILogger logger, string indexPath, int parallelism);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilding the search index: {Count} documents so far")]
    private static partial void LogRebuildProgress(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the search index: {Count} documents in {ElapsedSeconds:0.0} s")]
    private static partial void LogRebuilt(ILogger logger, int count, double elapsedSeconds);
}

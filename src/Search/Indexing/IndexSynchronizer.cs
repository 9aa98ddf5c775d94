using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Following;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Search;

/// <summary>
/// Keeps the index in step with storage: the index's <see cref="IChangeConsumer"/>, fed by the node's
/// <see cref="ChangeFollower"/>. Every change is applied by re-reading the manifest and the version its readers see
/// (a missing manifest deletes the document), so replaying a change is harmless. Loads (rebuilds), batches and repairs
/// run one at a time; a rebuild indexes up to <see cref="SearchOptions.RebuildParallelism"/> documents at once.
/// <para>
/// No document can stop it (<see cref="IndexAsync"/>): what the mapper, the Markdown parser or Lucene refuses is indexed
/// degraded — metadata and plain text — and listed in <see cref="IndexProblems"/>; a document storage cannot give back
/// is retried on the next rounds, then skipped and listed. Only a failure of storage as a whole fails a batch.
/// </para>
/// Each document entry carries its manifest blob's ETag as <see cref="SearchFields.Stamp"/>, so reconciliation
/// (<see cref="ReconcileAsync"/>) compares a listing of <c>docs/</c> with the index without reading any manifest.
/// </summary>
public sealed partial class IndexSynchronizer(
    LuceneIndex index,
    DocumentRepository repository,
    ChangeLog changeLog,
    DocumentMapper mapper,
    IndexProblems problems,
    IOptions<SearchOptions> options,
    ILogger<IndexSynchronizer> logger,
    IAttachmentTextProvider? attachments = null,
    Snapshots.SnapshotRestorer? snapshots = null,
    TemplateCatalog? templates = null) : IChangeConsumer, IDisposable
{
    /// <summary>A document storage fails to give back this many rounds in a row is skipped (and listed) so the rest goes on.</summary>
    public const int MaxReadFailures = 3;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly IAttachmentTextProvider attachmentTexts = attachments ?? NoAttachmentTexts.Instance;
    private readonly Dictionary<string, int> readFailures = new(StringComparer.Ordinal);
    private volatile RebuildProgress? rebuild;

    public string Name => "search-index";

    /// <summary>The committed checkpoint of the index; null while it must be rebuilt.</summary>
    public ChangeLogPosition? Position => index.Checkpoint;

    /// <summary>True while a rebuild from storage runs.</summary>
    public bool IsRebuilding => rebuild is not null;

    /// <summary>The running rebuild's progress, or null.</summary>
    public RebuildProgress? Rebuild => rebuild;

    /// <summary>
    /// Applies every change logged since the checkpoint (rebuilding first when there is none) and commits. The follower
    /// does this in the background; tests and tools call it to be in step at once. Requests never do.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        if (index.Checkpoint is null)
        {
            await LoadAsync(cancellationToken);
        }

        while (index.Checkpoint is { } checkpoint)
        {
            ChangeBatch batch;
            try
            {
                batch = await changeLog.ReadSinceAsync(checkpoint, cancellationToken);
            }
            catch (ArgumentException exception)
            {
                LogUnknownCheckpoint(logger, checkpoint.Value, exception);
                await LoadAsync(cancellationToken);
                continue;
            }

            if (batch.Position == checkpoint)
            {
                return;
            }

            await ApplyAsync(batch, cancellationToken);
        }
    }

    public async Task ApplyAsync(ChangeBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (index.Checkpoint is not { } checkpoint || checkpoint >= batch.Position)
            {
                // Not built yet (the follower loads it first), or nothing new for the index.
                return;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var ids = batch.Changes.Select(change => change.DocumentId).Distinct(StringComparer.Ordinal).ToList();
            foreach (var id in ids)
            {
                await ApplyOneAsync(id, cancellationToken);
            }

            var applied = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            index.Commit(batch.Position);
            var committed = System.Diagnostics.Stopwatch.GetElapsedTime(started) - applied;
            LogApplied(logger, batch.Changes.Count, ids.Count, batch.Position.Value);
            if (batch.Changes.Count > 0 && logger.IsEnabled(LogLevel.Debug))
            {
                // From each change's append (its writer's clock) to searchable here: the lag of the oldest and newest change of the batch.
                var now = DateTimeOffset.UtcNow;
                LogLag(logger, batch.Changes.Count, (now - batch.Changes.Min(c => c.Utc)).TotalMilliseconds, (now - batch.Changes.Max(c => c.Utc)).TotalMilliseconds, applied.TotalMilliseconds, committed.TotalMilliseconds);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>Re-reads one document and replaces its entries; true when its entries changed (indexed or deleted).</summary>
    private async Task<bool> ApplyOneAsync(string id, CancellationToken cancellationToken)
    {
        if (await ReadAsync(id, cancellationToken) is not { } read)
        {
            return false;
        }

        if (read.Stored is null)
        {
            index.Delete(id);
            problems.Clear(id);
            return true;
        }

        await IndexAsync(read.Stored, read.Version, cancellationToken);
        return true;
    }

    /// <summary>
    /// The manifest (null: no such document) and reader version of a document; null when it cannot be read now
    /// (the caller leaves its entries as they are). A transient failure is rethrown, to fail the round and retry it,
    /// until the same document has failed <see cref="MaxReadFailures"/> times; then it is skipped and listed.
    /// </summary>
    private async Task<DocumentRead?> ReadAsync(string id, CancellationToken cancellationToken, bool skipAfterFailures = true)
    {
        StoredManifest? stored = null;
        try
        {
            stored = await repository.GetStoredManifestAsync(id, cancellationToken);
            var version = stored is null ? null : await repository.GetVersionOfAsync(stored.Manifest, stored.Manifest.ReaderVersion, cancellationToken);
            lock (readFailures)
            {
                readFailures.Remove(id);
            }

            if (stored is not null && version is null)
            {
                LogMissingVersion(logger, id, stored.Manifest.ReaderVersion);
                problems.Record(id, stored.Manifest.ReaderVersion, IndexProblemKind.Skipped, "The version readers see is missing from storage.");
                return null;
            }

            return new DocumentRead(stored, version!);
        }
        catch (Exception exception) when (IsUnreadableContent(exception))
        {
            // Bytes that are there but are no manifest or version: no retry will help. Index what can be read.
            LogUnreadable(logger, id, exception);
            if (stored is not null)
            {
                await IndexDegradedAsync(stored, null, $"The version cannot be read: {exception.Message}", cancellationToken);
            }
            else
            {
                problems.Record(id, null, IndexProblemKind.Skipped, $"The manifest cannot be read: {exception.Message}");
            }

            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException && skipAfterFailures)
        {
            int failures;
            lock (readFailures)
            {
                failures = readFailures[id] = readFailures.GetValueOrDefault(id) + 1;
            }

            if (failures < MaxReadFailures)
            {
                throw;
            }

            LogSkipped(logger, id, failures, exception);
            problems.Record(id, stored?.Manifest.ReaderVersion, IndexProblemKind.Skipped, $"Storage could not give it back ({failures} tries): {exception.Message}");
            return null;
        }
    }

    /// <summary>
    /// The names of the document's type in its template (English and Chinese: <c>type:复盘</c> finds retrospectives), from
    /// the catalog's cache; none without a catalog, for an unknown type, or for a name that is another type's key.
    /// </summary>
    private async Task<IReadOnlyList<string>> TypeNamesAsync(string type, CancellationToken cancellationToken)
    {
        if (templates is null)
        {
            return [];
        }

        var all = await templates.ListAsync(cancellationToken);
        var template = all.FirstOrDefault(t => string.Equals(t.Key, type, StringComparison.OrdinalIgnoreCase));
        return template is null
            ? []
            : [.. new[] { template.Name, template.NameZh }
                .Where(name => !string.IsNullOrWhiteSpace(name) && !all.Any(t => string.Equals(t.Key, name, StringComparison.OrdinalIgnoreCase)))
                .Select(name => name.Trim())
                .Distinct(StringComparer.Ordinal)];
    }

    private static bool IsUnreadableContent(Exception exception) =>
        exception is InvalidDataException or FormatException or System.Text.Json.JsonException;

    /// <summary>Maps and indexes a document; whatever the mapper or Lucene refuses is indexed degraded instead.</summary>
    private async Task IndexAsync(StoredManifest stored, DocumentVersion version, CancellationToken cancellationToken)
    {
        var texts = await AttachmentTextsAsync(stored.Manifest, cancellationToken);
        var typeNames = await TypeNamesAsync(stored.Manifest.Type, cancellationToken);
        try
        {
            Replace(stored, version, mapper.MapEntries(stored.Manifest, version, texts, typeNames));
            return;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var reason = DegradedEntries.Reason(exception);
            try
            {
                // The mapper's own plain-text entry first; DegradedEntries below is the very last resort.
                Replace(stored, version, mapper.MapDegraded(stored.Manifest, version, texts, reason));
                LogDegraded(logger, stored.Manifest.Id, version.Number, reason);
                return;
            }
            catch (Exception second) when (second is not OperationCanceledException)
            {
                await IndexDegradedAsync(stored, version, $"{reason} {DegradedEntries.Reason(second)}", cancellationToken, texts);
            }
        }
    }

    /// <summary>Replaces the document's entries; a degraded document entry (the parser fell back to plain text) is listed.</summary>
    private void Replace(StoredManifest stored, DocumentVersion version, IReadOnlyList<Lucene.Net.Documents.Document> entries)
    {
        DegradedEntries.SetStamp(entries[0], stored.ETag);
        index.Replace(stored.Manifest.Id, entries);
        if (entries[0].Get(DocumentMapper.DegradedField, System.Globalization.CultureInfo.InvariantCulture) is { } reason)
        {
            problems.Record(stored.Manifest.Id, version.Number, IndexProblemKind.Degraded, reason);
        }
        else
        {
            problems.Clear(stored.Manifest.Id);
        }
    }

    private Task IndexDegradedAsync(StoredManifest stored, DocumentVersion? version, string reason, CancellationToken cancellationToken, IReadOnlyList<AttachmentText>? texts = null)
    {
        var id = stored.Manifest.Id;
        var number = version?.Number ?? stored.Manifest.ReaderVersion;
        LogDegraded(logger, id, number, reason);
        try
        {
            index.Replace(id, [DegradedEntries.Create(stored, version, texts ?? [], reason)]);
            problems.Record(id, number, IndexProblemKind.Degraded, reason);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            index.Delete(id);
            problems.Record(id, number, IndexProblemKind.Skipped, $"{reason} Even the plain entry was refused: {exception.Message}");
        }

        return Task.CompletedTask;
    }

    private async Task<IReadOnlyList<AttachmentText>> AttachmentTextsAsync(DocumentManifest manifest, CancellationToken cancellationToken)
    {
        try
        {
            return await attachmentTexts.GetTextsAsync(manifest, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogAttachmentsFailed(logger, manifest.Id, exception);
            return [];
        }
    }

    private sealed record DocumentRead(StoredManifest? Stored, DocumentVersion Version);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied {ChangeCount} changes to {DocumentCount} documents; checkpoint {Checkpoint}")]
    private static partial void LogApplied(ILogger logger, int changeCount, int documentCount, string checkpoint);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Search lag: {ChangeCount} changes searchable {OldestMs:0} ms (oldest) / {NewestMs:0} ms (newest) after their append; read and indexed in {ApplyMs:0} ms, committed in {CommitMs:0} ms")]
    private static partial void LogLag(ILogger logger, int changeCount, double oldestMs, double newestMs, double applyMs, double commitMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId} names version {Version}, which cannot be read; its index entry is left as it was")]
    private static partial void LogMissingVersion(ILogger logger, string documentId, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The attachment texts of document {DocumentId} could not be read; it is indexed without them")]
    private static partial void LogAttachmentsFailed(ILogger logger, string documentId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId} cannot be read from storage; it is indexed from what can be read")]
    private static partial void LogUnreadable(ILogger logger, string documentId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId} could not be read from storage {Failures} times; skipped until reconciliation")]
    private static partial void LogSkipped(ILogger logger, string documentId, int failures, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId} version {Version} is indexed degraded (metadata and plain text): {Reason}")]
    private static partial void LogDegraded(ILogger logger, string documentId, int version, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index checkpoint {Checkpoint} is not a position in the change log; rebuilding")]
    private static partial void LogUnknownCheckpoint(ILogger logger, string checkpoint, Exception exception);

}

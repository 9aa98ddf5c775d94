using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Documents;

public sealed partial class DocumentRepository
{
    private const int MaxSkippedNumbers = 8;
    private const int MaxManifestAttempts = 10;
    private static readonly TimeSpan[] InFlightWaits = [TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(60), TimeSpan.FromMilliseconds(120), TimeSpan.FromMilliseconds(250)];

    /// <summary>
    /// Saves a new version against the version the editor started from. A stale base, or a save that
    /// loses the race for the manifest, is a <see cref="SaveResult.Conflict"/> with both texts and nothing
    /// of ours left behind. Throws <see cref="ArgumentException"/> for an empty title or a reserved metadata key
    /// (check <see cref="DocumentRules"/> first to show a form error). <see cref="DocumentEdit.Metadata"/>
    /// and <see cref="DocumentEdit.Tags"/> left null keep the previous values.
    /// </summary>
    public async Task<SaveResult> SaveAsync(DocumentEdit edit, Caller author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(author);
        DocumentRules.ThrowIfInvalid(DocumentRules.ValidateTitle(edit.Title), nameof(edit));
        DocumentRules.ThrowIfInvalid(DocumentRules.ValidateMetadata(edit.Metadata), nameof(edit));
        if (await ReadManifestAsync(edit.Id, cancellationToken) is not var (manifest, etag))
        {
            return new SaveResult.NotFound(edit.Id);
        }

        if (edit.BaseVersion != manifest.CurrentVersion)
        {
            return await ConflictAsync(manifest, edit, cancellationToken);
        }

        var metadata = edit.Metadata
            ?? (await ReadVersionAsync(edit.Id, manifest.CurrentVersion, cancellationToken))?.Metadata
            ?? new Dictionary<string, string>();
        var now = time.GetUtcNow();
        var number = manifest.CurrentVersion + 1;
        DocumentVersion version;
        while (true)
        {
            version = new DocumentVersion
            {
                DocumentId = edit.Id,
                Number = number,
                Title = edit.Title.Trim(),
                Markdown = edit.Markdown,
                Metadata = metadata,
                Author = author.Principal,
                AuthorName = author.Name,
                CreatedUtc = now,
                ChangeNote = edit.ChangeNote,
            };
            try
            {
                await store.WriteAsync(DocumentLayout.Version(edit.Id, number), VersionFile.Write(version, manifest.CurrentVersion), WriteCondition.IfNotExists, cancellationToken);
                break;
            }
            catch (BlobConditionFailedException) when (number - manifest.CurrentVersion < MaxSkippedNumbers)
            {
                var moved = await WaitForManifestChangeAsync(edit.Id, etag, cancellationToken);
                if (moved is not null)
                {
                    return await ConflictAsync(moved, edit, cancellationToken);
                }

                LogSkippingVersion(edit.Id, number);
                number++;
            }
        }

        DocumentManifest updated;
        while (true)
        {
            updated = manifest with
            {
                Title = edit.Title.Trim(),
                Tags = edit.Tags ?? manifest.Tags,
                CurrentVersion = number,
                PublishedVersion = manifest.PublishedVersion
                    ?? (manifest.Status is DocumentStatus.Published or DocumentStatus.Archived ? manifest.CurrentVersion : null),
                UpdatedUtc = now,
                UpdatedBy = author.Principal,
                UpdatedByName = author.Name,
            };
            try
            {
                await store.WriteAsync(DocumentLayout.Manifest(edit.Id), DocumentJson.SerializeManifest(updated), WriteCondition.IfMatchETag(etag), cancellationToken);
                break;
            }
            catch (BlobConditionFailedException)
            {
                // A manifest-only change (status, access) in between is not a conflict of texts:
                // apply our version on top of it. A new version in between is.
                if (await ReadManifestAsync(edit.Id, cancellationToken) is var (fresh, freshETag) && fresh.CurrentVersion == edit.BaseVersion)
                {
                    (manifest, etag) = (fresh, freshETag);
                    continue;
                }

                await store.DeleteAsync(DocumentLayout.Version(edit.Id, number), CancellationToken.None);
                return await GetManifestAsync(edit.Id, cancellationToken) is { } theirs
                    ? await ConflictAsync(theirs, edit, cancellationToken)
                    : new SaveResult.NotFound(edit.Id);
            }
        }

        for (var skipped = manifest.CurrentVersion + 1; skipped < number; skipped++)
        {
            await store.DeleteAsync(DocumentLayout.Version(edit.Id, skipped), CancellationToken.None);
        }

        LogSaved(edit.Id, number);
        // The change-log entry and the stored structure are independent after the commit: one round trip, not two.
        await Task.WhenAll(AppendChangeAsync(edit.Id, number, ChangeKinds.Updated), WriteStructureAfterCommitAsync(version));
        return new SaveResult.Saved(updated);
    }

    /// <summary>
    /// Changes the manifest only (status, access lists, collection...): reads it, applies
    /// <paramref name="change"/>, writes with If-Match and retries on contention, so
    /// <paramref name="change"/> may run more than once and must be a pure function of its input.
    /// Returning the manifest unchanged writes nothing. The change may not alter the id or current version.
    /// Returns the stored manifest, or null when there is no such document.
    /// </summary>
    public Task<DocumentManifest?> UpdateManifestAsync(string id, Func<DocumentManifest, DocumentManifest> change, Caller caller, CancellationToken cancellationToken) =>
        UpdateManifestAsync(id, change, caller, ChangeKinds.ManifestChanged, cancellationToken);

    /// <inheritdoc cref="UpdateManifestAsync(string, Func{DocumentManifest, DocumentManifest}, Caller, CancellationToken)"/>
    public async Task<DocumentManifest?> UpdateManifestAsync(string id, Func<DocumentManifest, DocumentManifest> change, Caller caller, string changeKind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrWhiteSpace(changeKind);
        for (var attempt = 1; ; attempt++)
        {
            if (await ReadManifestAsync(id, cancellationToken) is not var (manifest, etag))
            {
                return null;
            }

            var changed = change(manifest) ?? throw new InvalidOperationException("The manifest change returned null.");
            if (changed.Id != manifest.Id || changed.CurrentVersion != manifest.CurrentVersion)
            {
                throw new InvalidOperationException("A manifest change may not alter the id or the current version; save a new version instead.");
            }

            DocumentRules.ThrowIfInvalid(DocumentRules.ValidateTitle(changed.Title), nameof(change));
            if (changed == manifest || DocumentJson.SerializeManifest(changed).AsSpan().SequenceEqual(DocumentJson.SerializeManifest(manifest)))
            {
                return manifest;
            }

            var stamped = changed with { UpdatedUtc = time.GetUtcNow(), UpdatedBy = caller.Principal, UpdatedByName = caller.Name };
            try
            {
                await store.WriteAsync(DocumentLayout.Manifest(id), DocumentJson.SerializeManifest(stamped), WriteCondition.IfMatchETag(etag), cancellationToken);
            }
            catch (BlobConditionFailedException) when (attempt < MaxManifestAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
                continue;
            }

            await AppendChangeAsync(id, stamped.CurrentVersion, changeKind);
            return stamped;
        }
    }

    private async Task<SaveResult> ConflictAsync(DocumentManifest manifest, DocumentEdit edit, CancellationToken cancellationToken)
    {
        var current = await ReadVersionAsync(manifest.Id, manifest.CurrentVersion, cancellationToken)
            ?? throw new InvalidDataException($"Document '{manifest.Id}' names version {manifest.CurrentVersion}, which is missing.");
        LogConflict(manifest.Id, edit.BaseVersion, manifest.CurrentVersion);
        return new SaveResult.Conflict(manifest, current, edit);
    }

    /// <summary>The manifest once it no longer has <paramref name="etag"/>, or null if it keeps it through the short wait.</summary>
    private async Task<DocumentManifest?> WaitForManifestChangeAsync(string id, string etag, CancellationToken cancellationToken)
    {
        foreach (var wait in InFlightWaits)
        {
            var read = await ReadManifestAsync(id, cancellationToken);
            if (read is null || read.Value.ETag != etag)
            {
                return read?.Manifest;
            }

            await Task.Delay(wait, cancellationToken);
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved document {DocumentId} version {Version}")]
    private partial void LogSaved(string documentId, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Save of document {DocumentId} from version {BaseVersion} conflicts with version {CurrentVersion}")]
    private partial void LogConflict(string documentId, int baseVersion, int currentVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId}: version blob {Version} exists but was never committed; skipping that number")]
    private partial void LogSkippingVersion(string documentId, int version);
}

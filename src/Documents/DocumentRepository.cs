using System.Runtime.CompilerServices;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Documents;

/// <summary>
/// Documents on blobs: <c>docs/{id}/manifest.json</c> (If-Match), <c>docs/{id}/v/{n}.md</c> (create-only),
/// then a change-log entry. Write order: version → manifest (commit point) → change log.
/// </summary>
/// <remarks>
/// <para>Ids: a malformed id never reaches the store; reads return null, saves <see cref="SaveResult.NotFound"/>.</para>
/// <para>Access is not checked here: callers ask <see cref="DocumentAccess"/> first (one place decides).</para>
/// <para>
/// Version numbers: a save made from version n claims <c>v/{n+1}.md</c> create-only. If that blob exists
/// while the manifest still says n, it is either a concurrent save that has not committed yet or the
/// orphan of a crash. The save waits briefly for the manifest to move (then it is a conflict); if it does
/// not, the number is skipped and the next free one claimed. The manifest's If-Match decides who wins, so
/// correctness never depends on the wait. After a successful commit the skipped blobs are provably
/// unreferenced and are deleted, and a save that lost the If-Match deletes its own blob. Each version
/// records its <c>base_version</c>; the history follows that chain, so version numbers only grow but may
/// have a gap after a crash. Blobs above the manifest's current version are never served.
/// </para>
/// </remarks>
public sealed partial class DocumentRepository(IBlobStore store, ChangeLog changeLog, TimeProvider time, ILogger<DocumentRepository> logger)
{
    private const int MaxIdAttempts = 5;

    /// <summary>How many manifests <see cref="ListAsync"/> reads at once.</summary>
    private const int ListReadAhead = 16;

    /// <summary>
    /// Each manifest blob's content, parsed once: a store that holds what it read hands the same content back while the
    /// blob is unchanged (the portal's, <see cref="IBlobStore.ReadIfChangedAsync"/>), so a search page's ten re-checked
    /// manifests are not parsed again. An entry lives as long as its content does; manifests are immutable records.
    /// </summary>
    private static readonly ConditionalWeakTable<BlobContent, DocumentManifest> Parsed = [];

    /// <summary>
    /// Creates version 1 and the manifest. Throws <see cref="ArgumentException"/> for an empty title, a
    /// reserved metadata key or a malformed supplied id, and <see cref="DocumentAlreadyExistsException"/>
    /// when a supplied id is taken.
    /// </summary>
    public async Task<DocumentManifest> CreateAsync(NewDocument document, Caller author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(author);
        ArgumentException.ThrowIfNullOrWhiteSpace(document.Type, nameof(document));
        DocumentRules.ThrowIfInvalid(DocumentRules.ValidateTitle(document.Title), nameof(document));
        DocumentRules.ThrowIfInvalid(DocumentRules.ValidateMetadata(document.Metadata), nameof(document));
        if (document.Id is not null && !DocumentIds.IsValid(document.Id))
        {
            throw new ArgumentException($"'{document.Id}' is not a valid document id (lowercase letters, digits and '-', 2 to 80 characters).", nameof(document));
        }

        var created = document.CreatedUtc?.ToUniversalTime() ?? time.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            var id = document.Id ?? DocumentIds.New();
            var version = new DocumentVersion
            {
                DocumentId = id,
                Number = 1,
                Title = document.Title.Trim(),
                Markdown = document.Markdown,
                Metadata = document.Metadata,
                Author = author.Principal,
                AuthorName = author.Name,
                CreatedUtc = created,
                ChangeNote = document.ChangeNote,
            };
            try
            {
                await store.WriteAsync(DocumentLayout.Version(id, 1), VersionFile.Write(version, 0), WriteCondition.IfNotExists, cancellationToken);
            }
            catch (BlobConditionFailedException e) when (document.Id is not null || attempt >= MaxIdAttempts)
            {
                throw new DocumentAlreadyExistsException(id, e);
            }
            catch (BlobConditionFailedException)
            {
                continue;
            }

            var manifest = NewManifest(id, document, author, created);
            try
            {
                await store.WriteAsync(DocumentLayout.Manifest(id), DocumentJson.SerializeManifest(manifest), WriteCondition.IfNotExists, cancellationToken);
            }
            catch (BlobConditionFailedException e)
            {
                throw new DocumentAlreadyExistsException(id, e);
            }

            LogCreated(id, document.Type);
            await Task.WhenAll(AppendChangeAsync(id, 1, ChangeKinds.Created), WriteStructureAfterCommitAsync(version));
            return manifest;
        }
    }

    /// <summary>The manifest, or null when no document has that id (or the id is malformed).</summary>
    public async Task<DocumentManifest?> GetManifestAsync(string id, CancellationToken cancellationToken) =>
        (await ReadManifestAsync(id, cancellationToken))?.Manifest;

    /// <summary>A committed version, or null when it does not exist (or the id or number is malformed).</summary>
    public async Task<DocumentVersion?> GetVersionAsync(string id, int number, CancellationToken cancellationToken)
    {
        if (number < 1 || await GetManifestAsync(id, cancellationToken) is not { } manifest || number > manifest.CurrentVersion)
        {
            return null;
        }

        return await ReadVersionAsync(id, number, cancellationToken);
    }

    /// <summary>
    /// The manifests of a few documents (a page of hits, the home page's candidates), read together rather than one round
    /// trip after another, in the order of <paramref name="ids"/>; null where there is none or it cannot be read (logged), so
    /// one damaged manifest never fails the page that lists it.
    /// </summary>
    public async Task<DocumentManifest?[]> GetManifestsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return await Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                return await GetManifestAsync(id, cancellationToken);
            }
            catch (InvalidDataException e)
            {
                LogUnreadableManifest(e, id);
                return null;
            }
        }));
    }

    /// <summary>The manifest with the ETag it was read at (what a listing of <c>docs/</c> shows for it), or null when there is none.</summary>
    public async Task<StoredManifest?> GetStoredManifestAsync(string id, CancellationToken cancellationToken) =>
        await ReadManifestAsync(id, cancellationToken) is var (manifest, etag) ? new StoredManifest(manifest, etag) : null;

    /// <summary>
    /// Version <paramref name="number"/> of a manifest already read (one storage read, unlike <see cref="GetVersionAsync"/>,
    /// which reads the manifest again); null when it is missing or above the manifest's current version.
    /// </summary>
    public Task<DocumentVersion?> GetVersionOfAsync(DocumentManifest manifest, int number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return number < 1 || number > manifest.CurrentVersion
            ? Task.FromResult<DocumentVersion?>(null)
            : ReadVersionAsync(manifest.Id, number, cancellationToken);
    }

    /// <summary>The ids of all documents with a manifest and each manifest's ETag, from one listing of <c>docs/</c> (no manifest read).</summary>
    public async IAsyncEnumerable<ListedManifest> ListManifestETagsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in store.ListAsync(DocumentLayout.DocsPrefix, cancellationToken))
        {
            if (DocumentLayout.IdOfManifest(item.Name) is { } id)
            {
                yield return new ListedManifest(id, item.ETag);
            }
        }
    }

    /// <summary>
    /// All manifests (no access filtering: callers filter with <see cref="DocumentAccess"/>), in id order. Read
    /// <see cref="ListReadAhead"/> at a time: a whole-store pass (a view loaded when a node joins, an export) costs a
    /// fraction of one round trip per document, not one after another.
    /// </summary>
    public async IAsyncEnumerable<DocumentManifest> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ids = await ListIdsAsync(cancellationToken);
        for (var start = 0; start < ids.Count; start += ListReadAhead)
        {
            var chunk = ids.GetRange(start, Math.Min(ListReadAhead, ids.Count - start));
            foreach (var manifest in await Task.WhenAll(chunk.Select(id => ReadListedManifestAsync(id, cancellationToken))))
            {
                if (manifest is not null)
                {
                    yield return manifest;
                }
            }
        }
    }

    private async Task<DocumentManifest?> ReadListedManifestAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await GetManifestAsync(id, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            LogUnreadableManifest(e, id);
            return null;
        }
    }

    /// <summary>The ids of all documents that have a manifest, in id order (one listing of <c>docs/</c>, no manifest read).</summary>
    internal async Task<List<string>> ListIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var item in store.ListAsync(DocumentLayout.DocsPrefix, cancellationToken))
        {
            if (DocumentLayout.IdOfManifest(item.Name) is { } id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>The committed versions of a document, newest first, without their Markdown bodies; empty when there is no such document.</summary>
    public async Task<IReadOnlyList<VersionInfo>> ListVersionsAsync(string id, CancellationToken cancellationToken)
    {
        if (await GetManifestAsync(id, cancellationToken) is not { } manifest)
        {
            return [];
        }

        var found = new Dictionary<int, (VersionInfo Info, int Base)>();
        await foreach (var item in store.ListAsync(DocumentLayout.VersionsPrefix(id), cancellationToken))
        {
            if (DocumentLayout.VersionNumber(id, item.Name) is { } n && n <= manifest.CurrentVersion
                && await store.ReadAsync(item.Name, cancellationToken) is { } blob)
            {
                var (v, baseVersion) = VersionFile.Read(id, n, blob.Content);
                found[n] = (new VersionInfo(n, v.Title, v.Author, v.AuthorName, v.CreatedUtc, v.ChangeNote), baseVersion);
            }
        }

        var history = new List<VersionInfo>();
        for (var n = manifest.CurrentVersion; n >= 1 && found.TryGetValue(n, out var entry); n = entry.Base)
        {
            history.Add(entry.Info);
            if (entry.Base >= n)
            {
                break;
            }
        }

        return history;
    }

    private static DocumentManifest NewManifest(string id, NewDocument document, Caller author, DateTimeOffset created) => new()
    {
        Id = id,
        Type = document.Type,
        Title = document.Title.Trim(),
        Status = document.Status,
        Owner = author.Principal,
        OwnerName = author.Name,
        Collection = document.Collection,
        Tags = document.Tags,
        Confidentiality = document.Confidentiality,
        Readers = document.Readers,
        Editors = document.Editors,
        CurrentVersion = 1,
        PublishedVersion = document.Status is DocumentStatus.Published or DocumentStatus.Archived ? 1 : null,
        CreatedUtc = created,
        UpdatedUtc = created,
        UpdatedBy = author.Principal,
        UpdatedByName = author.Name,
    };

    private async Task<(DocumentManifest Manifest, string ETag)?> ReadManifestAsync(string id, CancellationToken cancellationToken)
    {
        if (!DocumentIds.IsValid(id))
        {
            return null;
        }

        var name = DocumentLayout.Manifest(id);
        if (await store.ReadAsync(name, cancellationToken) is not { } blob)
        {
            return null;
        }

        if (!Parsed.TryGetValue(blob, out var manifest))
        {
            manifest = DocumentJson.DeserializeManifest(blob.Content, name);
            Parsed.AddOrUpdate(blob, manifest);
        }

        return (manifest, blob.ETag);
    }

    private async Task<DocumentVersion?> ReadVersionAsync(string id, int number, CancellationToken cancellationToken) =>
        await store.ReadAsync(DocumentLayout.Version(id, number), cancellationToken) is { } blob
            ? VersionFile.Read(id, number, blob.Content).Version
            : null;

    /// <summary>After the commit point: the change is durable, so the log entry is written even if the caller gave up.</summary>
    private async Task AppendChangeAsync(string id, int version, string kind)
    {
        try
        {
            await changeLog.AppendAsync(new DocumentChange(id, version, kind, time.GetUtcNow()), CancellationToken.None);
        }
        catch (Exception e)
        {
            LogChangeNotLogged(e, id, version);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created document {DocumentId} of type {Type}")]
    private partial void LogCreated(string documentId, string type);

    [LoggerMessage(Level = LogLevel.Error, Message = "The manifest of document {DocumentId} cannot be read; it is left out of the listing")]
    private partial void LogUnreadableManifest(Exception exception, string documentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId} version {Version} is committed but its change-log entry was not written; reconciliation will pick it up")]
    private partial void LogChangeNotLogged(Exception exception, string documentId, int version);
}

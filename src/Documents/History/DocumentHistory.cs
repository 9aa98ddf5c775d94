namespace KnowledgeHub.Documents;

/// <summary>One line of a document's history: the version, its review steps, and whether readers see it.</summary>
public sealed record VersionHistoryEntry(VersionInfo Version, IReadOnlyList<ReviewEntry> Reviews, bool IsPublished, bool IsCurrent);

/// <summary>Two versions side by side: <see cref="Segments"/> is the word-level diff of the bodies, <see cref="TitleSegments"/> of the titles.</summary>
public sealed record VersionComparison(DocumentVersion From, DocumentVersion To, IReadOnlyList<DiffSegment> TitleSegments, IReadOnlyList<DiffSegment> Segments);

/// <summary>The History page: what the caller may see of the document, its visible versions, and whether they may restore one.</summary>
public sealed record HistoryView(ReaderView Document, IReadOnlyList<VersionHistoryEntry> Versions, bool CanRestore);

/// <summary>History for a caller: the version list with review comments, comparing two versions, restoring an old one.</summary>
public sealed class DocumentHistory(DocumentRepository documents, ReviewLog reviews, AuditLog audit)
{
    /// <summary>
    /// The versions the caller may see, newest first, each with its review steps; null when the document is missing or
    /// unreadable. Audited "view-history", allowed or denied, like every view.
    /// </summary>
    public async Task<IReadOnlyList<VersionHistoryEntry>?> GetHistoryAsync(string id, Caller caller, CancellationToken cancellationToken) =>
        (await GetHistoryViewAsync(id, caller, cancellationToken))?.Versions;

    /// <summary>As <see cref="GetHistoryAsync"/>, with what the caller may see of the document (<see cref="ReaderView"/>) for the heading.</summary>
    public async Task<HistoryView?> GetHistoryViewAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await documents.GetManifestAsync(id, cancellationToken) is not { } manifest)
        {
            return null;
        }

        if (!DocumentAccess.CanRead(manifest, caller))
        {
            await audit.RecordAsync(caller, AuditActions.ViewHistory, manifest.Id, null, AuditActions.Denied, cancellationToken);
            return null;
        }

        var all = await documents.ListVersionsAsync(manifest.Id, cancellationToken);
        var entries = await EntriesAsync(manifest, all, caller, cancellationToken);
        await audit.RecordAsync(caller, AuditActions.ViewHistory, manifest.Id, null, AuditActions.Allowed, cancellationToken);
        return new HistoryView(ReaderView.For(manifest, caller, all)!, entries, DocumentPolicy.Allows(manifest, caller, DocumentAction.Edit));
    }

    private async Task<IReadOnlyList<VersionHistoryEntry>> EntriesAsync(DocumentManifest manifest, IReadOnlyList<VersionInfo> all, Caller caller, CancellationToken cancellationToken)
    {
        var trail = await reviews.ReadAsync(manifest.Id, cancellationToken);
        var latest = DocumentPolicy.SeesDrafts(manifest, caller) ? manifest.CurrentVersion : manifest.ReaderVersion;
        return all
            .Where(v => DocumentAccess.CanReadVersion(manifest, caller, v.Number))
            .Select(v => new VersionHistoryEntry(
                v,
                trail.Where(r => r.Version == v.Number).ToList(),
                v.Number == manifest.PublishedVersion,
                v.Number == latest))
            .ToList();
    }

    /// <summary>
    /// The diff from version <paramref name="from"/> to <paramref name="to"/>; null when either is missing or hidden
    /// from the caller. Audited "compare" (on the newer version), allowed or denied.
    /// </summary>
    public async Task<VersionComparison?> CompareAsync(string id, int from, int to, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await documents.GetManifestAsync(id, cancellationToken) is not { } manifest)
        {
            return null;
        }

        if (!DocumentAccess.CanReadVersion(manifest, caller, from)
            || !DocumentAccess.CanReadVersion(manifest, caller, to)
            || await documents.GetVersionAsync(manifest.Id, from, cancellationToken) is not { } older
            || await documents.GetVersionAsync(manifest.Id, to, cancellationToken) is not { } newer)
        {
            var asked = Math.Max(from, to) is var n && n >= 1 && n <= manifest.CurrentVersion ? n : (int?)null;
            await audit.RecordAsync(caller, AuditActions.Compare, manifest.Id, asked, AuditActions.Denied, cancellationToken);
            return null;
        }

        await audit.RecordAsync(caller, AuditActions.Compare, manifest.Id, newer.Number, AuditActions.Allowed, cancellationToken);
        return new VersionComparison(older, newer, VersionDiff.Compare(older.Title, newer.Title), VersionDiff.Compare(older.Markdown, newer.Markdown));
    }

    /// <summary>
    /// Saves version <paramref name="number"/>'s title, metadata and text as a new version with the change note
    /// "Restored version n" (editors only; nothing is rewritten). On a published document the restored text is a
    /// pending draft like any other save: readers see it once it is approved.
    /// </summary>
    public async Task<WorkflowResult> RestoreVersionAsync(string id, int number, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await documents.GetManifestAsync(id, cancellationToken) is not { } manifest || !DocumentAccess.CanRead(manifest, caller))
        {
            return new WorkflowResult.NotFound(id);
        }

        if (!DocumentAccess.CanEdit(manifest, caller))
        {
            await audit.RecordAsync(caller, AuditActions.RestoreVersion, manifest.Id, number, AuditActions.Denied, cancellationToken);
            return manifest.Status == DocumentStatus.Archived
                ? new WorkflowResult.InvalidTransition("The document is archived and read-only; restore it from the archive first.", manifest.Status)
                : new WorkflowResult.Forbidden("Only the owner, the document's editors and admins can restore a version.");
        }

        if (number == manifest.CurrentVersion)
        {
            return new WorkflowResult.Invalid($"Version {number} is already the current version.");
        }

        if (await documents.GetVersionAsync(manifest.Id, number, cancellationToken) is not { } old)
        {
            return new WorkflowResult.Invalid($"There is no version {number}.");
        }

        var edit = new DocumentEdit
        {
            Id = manifest.Id,
            BaseVersion = manifest.CurrentVersion,
            Title = old.Title,
            Markdown = old.Markdown,
            Metadata = old.Metadata,
            ChangeNote = $"Restored version {number}",
        };
        var result = await documents.SaveAsync(edit, caller, cancellationToken);
        switch (result)
        {
            case SaveResult.Saved saved:
                await audit.RecordAsync(caller, AuditActions.RestoreVersion, manifest.Id, saved.Manifest.CurrentVersion, AuditActions.Allowed, CancellationToken.None);
                return new WorkflowResult.Done(saved.Manifest);
            case SaveResult.Conflict conflict:
                await audit.RecordAsync(caller, AuditActions.RestoreVersion, manifest.Id, number, AuditActions.Conflict, cancellationToken);
                return new WorkflowResult.InvalidTransition("Someone saved the document meanwhile; look at the new version and restore again if you still want to.", conflict.Manifest.Status);
            default:
                return new WorkflowResult.NotFound(id);
        }
    }
}

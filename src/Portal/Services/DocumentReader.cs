using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Access;

namespace KnowledgeHub.Portal;

/// <summary>
/// A document as a page shows it: manifest, one version rendered, labelled fields and the version list. Everything
/// shown about the document (title, status, counts) comes from <see cref="Reader"/>, the caller's projection; the
/// manifest is for ids, access lists and workflow decisions only.
/// </summary>
public sealed record DocumentView(
    DocumentManifest Manifest,
    DocumentVersion Version,
    string Html,
    string TypeLabel,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    IReadOnlyList<VersionInfo> Versions,
    bool CanEdit)
{
    /// <summary>The caller may change confidentiality, readers and editors (<see cref="AccessRules.CanManageAccess"/>).</summary>
    public bool CanManageAccess { get; init; }

    /// <summary>The caller may download the document (<see cref="AccessRules.CanDownload"/>).</summary>
    public bool CanDownload { get; init; }

    /// <summary>What the caller may see of the document (<see cref="ReaderView"/>), at <see cref="Version"/>.</summary>
    public required ReaderView Reader { get; init; }
}

/// <summary>Loads documents for a caller: missing and unreadable look the same (null → 404); every view is audited.</summary>
public sealed class DocumentReader(DocumentRepository documents, TemplateCatalog templates, MarkdownRenderer markdown, AuditLog audit)
{
    /// <summary>
    /// The document at <paramref name="version"/> (when null, the one readers see: <see cref="DocumentManifest.ReaderVersion"/>),
    /// or null when the caller may not see it — a newer unapproved draft only for owner, editors and reviewers (<see cref="DocumentAccess.CanReadVersion"/>).
    /// </summary>
    public async Task<DocumentView?> ReadAsync(string id, int? version, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(caller);
        var manifest = await documents.GetManifestAsync(id, cancellationToken);
        if (manifest is null)
        {
            return null;
        }

        if (!DocumentAccess.CanRead(manifest, caller))
        {
            await audit.RecordAsync(caller, AuditActions.View, manifest.Id, version, AuditActions.Denied, cancellationToken);
            return null;
        }

        var number = version ?? manifest.ReaderVersion;
        var content = DocumentAccess.CanReadVersion(manifest, caller, number) ? await documents.GetVersionAsync(manifest.Id, number, cancellationToken) : null;
        if (content is null)
        {
            // A hidden draft or a version that does not exist: the same 404, audited as a denied view.
            await audit.RecordAsync(caller, AuditActions.View, manifest.Id, number >= 1 && number <= manifest.CurrentVersion ? number : null, AuditActions.Denied, cancellationToken);
            return null;
        }

        var template = await templates.GetAsync(manifest.Type, cancellationToken);
        var versions = await documents.ListVersionsAsync(manifest.Id, cancellationToken);

        // Audited once everything the view needs was read: a view that storage cut short is audited by whoever answers it.
        await audit.RecordAsync(caller, AuditActions.View, manifest.Id, number, AuditActions.Allowed, cancellationToken);
        return new DocumentView(
            manifest,
            content,
            markdown.ToHtml(content.Markdown, $"{manifest.Id}/{number}"),
            template is null ? manifest.Type : TypeLabels.Label(template),
            LabelFields(content.Metadata, template),
            versions.Where(v => DocumentAccess.CanReadVersion(manifest, caller, v.Number)).ToList(),
            DocumentPolicy.Allows(manifest, caller, DocumentAction.Edit))
        {
            CanManageAccess = AccessRules.CanManageAccess(manifest, caller),
            CanDownload = AccessRules.CanDownload(manifest, caller),
            Reader = ReaderView.For(manifest, caller, versions, content)!,
        };
    }

    /// <summary>
    /// The document as a copy to take away (the API's answer carries the text): <see cref="DocumentAction.TakeAway"/>
    /// first — a Restricted document without a download grant is <see cref="TakeAwayResult.Forbidden"/>, audited as a
    /// denied download — then <see cref="ReadAsync"/> (audited as a view). Unreadable and missing are both not found.
    /// </summary>
    public async Task<TakeAwayResult> ReadCopyAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(caller);
        if (await documents.GetManifestAsync(id, cancellationToken) is { } manifest
            && DocumentAccess.CanRead(manifest, caller)
            && DocumentPolicy.Why(manifest, caller, DocumentAction.TakeAway) is { } refusal)
        {
            await audit.RecordAsync(caller, AuditActions.Download, manifest.Id, null, AuditActions.Denied, cancellationToken);
            return new TakeAwayResult(null, refusal);
        }

        return new TakeAwayResult(await ReadAsync(id, null, caller, cancellationToken), null);
    }

    /// <summary>The document and its current version when the caller may edit it; unreadable looks like missing.</summary>
    public async Task<EditTarget> OpenForEditAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(caller);
        var manifest = await documents.GetManifestAsync(id, cancellationToken);
        if (manifest is null)
        {
            return EditTarget.NotFound;
        }

        if (!DocumentAccess.CanRead(manifest, caller))
        {
            await audit.RecordAsync(caller, AuditActions.Edit, manifest.Id, null, AuditActions.Denied, cancellationToken);
            return EditTarget.NotFound;
        }

        if (!DocumentAccess.CanEdit(manifest, caller))
        {
            await audit.RecordAsync(caller, AuditActions.Edit, manifest.Id, null, AuditActions.Denied, cancellationToken);
            return EditTarget.Forbidden;
        }

        var current = await documents.GetVersionAsync(manifest.Id, manifest.CurrentVersion, cancellationToken);
        return current is null ? EditTarget.NotFound : new EditTarget(EditAccess.Allowed, manifest, current);
    }

    private static List<KeyValuePair<string, string>> LabelFields(IReadOnlyDictionary<string, string> metadata, DocumentTemplate? template)
    {
        var labels = template?.RequiredFields.ToDictionary(f => f.Key, f => f.Label, StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var ordered = template?.RequiredFields.Select(f => f.Key).Where(metadata.ContainsKey) ?? [];
        var rest = metadata.Keys.Where(k => !labels.ContainsKey(k)).Order(StringComparer.Ordinal);
        return ordered.Concat(rest)
            .Select(k => new KeyValuePair<string, string>(labels.GetValueOrDefault(k, k), metadata[k]))
            .ToList();
    }
}

/// <summary>A copy to take away: the view, or (when <see cref="Refusal"/> is set) why it is refused (403); neither: not found (404).</summary>
public sealed record TakeAwayResult(DocumentView? View, string? Refusal);

public enum EditAccess
{
    NotFound,
    Forbidden,
    Allowed,
}

/// <summary>Whether a caller may edit a document and, when allowed, what they start from.</summary>
public sealed record EditTarget(EditAccess Access, DocumentManifest? Manifest, DocumentVersion? Current)
{
    public static EditTarget NotFound { get; } = new(EditAccess.NotFound, null, null);

    public static EditTarget Forbidden { get; } = new(EditAccess.Forbidden, null, null);
}

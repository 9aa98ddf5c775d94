namespace KnowledgeHub.Documents;

/// <summary>
/// The one projection of what a caller may see of a document: every title, field, status, count and date a page,
/// the API or a list shows comes from here, never from the manifest's working copy. A reader sees the approved
/// version (<see cref="DocumentManifest.ReaderVersion"/>); the owner, editors, Admins and reviewers holding the
/// Reviewer role (<see cref="DocumentPolicy.SeesDrafts"/>) see the newest version as well.
/// </summary>
/// <remarks>
/// The manifest's <see cref="DocumentManifest.Title"/> is the newest version's title — a pending draft's for a
/// published document — so it is not shown to readers. Tags, collection and attachments are kept on the manifest
/// only (they are not versioned) and are shown as they are.
/// </remarks>
public sealed record ReaderView
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    /// <summary>The title of <see cref="Version"/>.</summary>
    public required string Title { get; init; }

    /// <summary>Readers of a published document see Published while a newer draft waits (or is in review).</summary>
    public required DocumentStatus Status { get; init; }

    public required string Owner { get; init; }

    public string OwnerName { get; init; } = "";

    public string Collection { get; init; } = "";

    public IReadOnlyList<string> Tags { get; init; } = [];

    public Confidentiality Confidentiality { get; init; }

    /// <summary>The version this view describes (the one shown, or the newest the caller may see).</summary>
    public required int Version { get; init; }

    /// <summary>The newest version the caller may see: what "n / m" counts to.</summary>
    public required int LatestVisibleVersion { get; init; }

    /// <summary>How many versions the caller may see.</summary>
    public required int VersionCount { get; init; }

    /// <summary>The template fields of <see cref="Version"/>, when it was loaded; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];

    /// <summary>When the visible document last changed: for a reader with a draft pending, when the approved version was made.</summary>
    public DateTimeOffset UpdatedUtc { get; init; }

    /// <summary>True when the caller sees unapproved versions (owner, editors, Admins, reviewers).</summary>
    public bool SeesDrafts { get; init; }

    /// <summary>
    /// The view of <paramref name="manifest"/> for <paramref name="caller"/>, given the version list and, when loaded,
    /// the version shown (null: the newest the caller may see). Null when the caller may not read the document.
    /// </summary>
    public static ReaderView? For(DocumentManifest manifest, Caller caller, IReadOnlyList<VersionInfo> versions, DocumentVersion? shown = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(versions);
        if (!DocumentAccess.CanRead(manifest, caller))
        {
            return null;
        }

        var seesDrafts = DocumentPolicy.SeesDrafts(manifest, caller);
        var visible = versions.Where(v => DocumentAccess.CanReadVersion(manifest, caller, v.Number)).ToList();
        var latest = seesDrafts ? manifest.CurrentVersion : manifest.ReaderVersion;
        var latestInfo = visible.FirstOrDefault(v => v.Number == latest) ?? visible.MaxBy(v => v.Number);
        var number = shown?.Number ?? latestInfo?.Number ?? latest;
        var title = shown?.Title
            ?? visible.FirstOrDefault(v => v.Number == number)?.Title
            ?? (number == manifest.CurrentVersion ? manifest.Title : "");
        var pendingHidden = !seesDrafts && manifest.HasPendingDraft;
        return new ReaderView
        {
            Id = manifest.Id,
            Type = manifest.Type,
            Title = title,
            Status = pendingHidden ? ReaderStatus(manifest) : manifest.Status,
            Owner = manifest.Owner,
            OwnerName = manifest.OwnerName,
            Collection = manifest.Collection,
            Tags = manifest.Tags,
            Confidentiality = manifest.Confidentiality,
            Version = number,
            LatestVisibleVersion = latestInfo?.Number ?? latest,
            VersionCount = visible.Count,
            Fields = shown?.Metadata ?? new Dictionary<string, string>(),
            Attachments = manifest.Attachments,
            UpdatedUtc = pendingHidden && latestInfo is not null ? latestInfo.CreatedUtc : manifest.UpdatedUtc,
            SeesDrafts = seesDrafts,
        };
    }

    /// <summary>The status a reader is shown: an approved document is Published (or Archived) whatever its drafts are doing.</summary>
    public static DocumentStatus ReaderStatus(DocumentManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.Status == DocumentStatus.Archived || manifest.PublishedVersion is null ? manifest.Status : DocumentStatus.Published;
    }
}

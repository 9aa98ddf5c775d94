using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Authentication;

namespace KnowledgeHub.Portal.Workflow;

/// <summary>The workflow steps a caller may take on a document now (permission and state both allow it).</summary>
public sealed record WorkflowButtons(bool Submit, bool Decide, bool Archive, bool Restore)
{
    public bool Any => Submit || Decide || Archive || Restore;

    public static WorkflowButtons For(DocumentManifest manifest, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(caller);
        bool Allowed(ReviewDecision step) =>
            WorkflowRules.CheckPermission(manifest, caller, step) is null && WorkflowRules.CheckTransition(manifest, step) is null;
        return new WorkflowButtons(Allowed(ReviewDecision.Submit), Allowed(ReviewDecision.Approve), Allowed(ReviewDecision.Archive), Allowed(ReviewDecision.Restore));
    }
}

/// <summary>A document's attachments as a page shows them: the list, and the upload form for its editors.</summary>
public sealed record AttachmentsSection(DocumentManifest Manifest, bool CanAttach, bool CanDownload);

/// <summary>
/// What the document page shows around the text: the workflow state and buttons, the newer draft an editor or
/// reviewer may open, the review comments of the shown version, its open action items, and its attachments.
/// </summary>
public sealed record DocumentPanel
{
    public required DocumentManifest Manifest { get; init; }

    /// <summary>The version on the page (the one readers see, unless a version was asked for).</summary>
    public required int ShownVersion { get; init; }

    /// <summary>A newer, unapproved version the caller may open; null when there is none or it is hidden from them.</summary>
    public int? PendingDraft { get; init; }

    /// <summary>The version a reviewer decides on, when it is not the shown one and the caller may open it.</summary>
    public int? SubmittedVersion { get; init; }

    public required WorkflowButtons Buttons { get; init; }

    public IReadOnlyList<ReviewerChoice> Reviewers { get; init; } = [];

    /// <summary>The workflow steps taken on the shown version, oldest first, with their comments.</summary>
    public IReadOnlyList<ReviewEntry> Reviews { get; init; } = [];

    /// <summary>The open request for changes, shown to the people who can act on it (the editors).</summary>
    public ReviewEntry? ChangesRequested { get; init; }

    public IReadOnlyList<ActionItemView> OpenActions { get; init; } = [];

    public bool CanEdit { get; init; }

    /// <summary>The caller sees unapproved versions (<see cref="DocumentPolicy.SeesDrafts"/>); readers are not told a draft is in review.</summary>
    public bool SeesDrafts { get; init; }

    /// <summary>The comment typed before a refused step, offered again in the form.</summary>
    public string? Comment { get; init; }

    public bool CanAttach { get; init; }

    public bool CanDownloadAttachments { get; init; }

    public AttachmentsSection Attachments => new(Manifest, CanAttach, CanDownloadAttachments);

    public static DocumentPanel Create(DocumentView view, Caller caller, IReadOnlyList<ReviewEntry> trail, DirectoryOptions directory, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(trail);
        ArgumentNullException.ThrowIfNull(directory);
        var manifest = view.Manifest;
        var shown = view.Version.Number;
        int? Visible(int? number) => number is { } n && n != shown && DocumentAccess.CanReadVersion(manifest, caller, n) ? n : null;
        var buttons = WorkflowButtons.For(manifest, caller);
        return new DocumentPanel
        {
            Manifest = manifest,
            ShownVersion = shown,
            PendingDraft = manifest.HasPendingDraft ? Visible(manifest.CurrentVersion) : null,
            SubmittedVersion = Visible(manifest.SubmittedVersion),
            Buttons = buttons,
            Reviewers = buttons.Submit ? ReviewerChoices.For(directory, manifest, caller) : [],
            Reviews = trail.Where(r => r.Version == shown).ToList(),
            ChangesRequested = manifest.LastReview is { Decision: ReviewDecision.RequestChanges } request && WorkflowRules.IsEditor(manifest, caller) ? request : null,
            OpenActions = ActionItemView.Open(VersionStructure.Of(view.Version).ActionItems, today),
            CanEdit = view.CanEdit,
            SeesDrafts = view.Reader.SeesDrafts,
            CanAttach = DocumentAccess.CanEdit(manifest, caller),
            CanDownloadAttachments = AccessRules.CanDownload(manifest, caller),
        };
    }
}

using System.Text.RegularExpressions;

namespace KnowledgeHub.Documents;

/// <summary>
/// The lifecycle as pure functions: which step is possible in which state, who may take it, and the state
/// after it. <see cref="DocumentWorkflow"/> applies them; pages may call them to show or hide buttons.
/// </summary>
/// <remarks>
/// <para>States: <b>Draft</b> — never approved, being written (or sent back). <b>InReview</b> — the version in
/// <see cref="DocumentManifest.SubmittedVersion"/> awaits a reviewer; readers still see
/// <see cref="DocumentManifest.PublishedVersion"/> if there is one. <b>Published</b> — readers see
/// <see cref="DocumentManifest.PublishedVersion"/>; newer saves make a pending draft
/// (<see cref="DocumentManifest.HasPendingDraft"/>) without changing the status. <b>Archived</b> — read-only.</para>
/// <para>Steps: Submit (Draft, or Published with a pending draft → InReview); Approve (InReview → Published,
/// publishing the submitted version; versions saved after the submission stay a pending draft); RequestChanges
/// (InReview → Draft, or back to Published with the revision still pending when an older version is published —
/// readers never lose the published text); Archive (Draft or Published → Archived; a document in review must be
/// decided first); Restore (Archived → Published, or Draft when nothing was ever approved).</para>
/// <para>Who: editors (owner, listed editors, Admin) submit, archive and restore. Listed reviewers (a matching
/// user, group or role principal) who hold the Reviewer role, and Admins, approve or request changes; the owner and
/// the submitter may not decide on their own submission unless they are Admin (an Admin's self-approval is audited
/// like any other). The rule is <see cref="DocumentPolicy"/>'s <see cref="DocumentAction.Approve"/> row.</para>
/// </remarks>
public static partial class WorkflowRules
{
    public const int MaxCommentLength = 4000;

    /// <summary>The app roles a <c>role:</c> reviewer principal may name: the others can never decide a review.</summary>
    private static readonly HashSet<string> ReviewingRoles = new(StringComparer.OrdinalIgnoreCase) { AppRoles.Reviewer, AppRoles.Admin };

    /// <summary>Null when <paramref name="step"/> is possible in the document's state, else the sentence why not.</summary>
    public static string? CheckTransition(DocumentManifest manifest, ReviewDecision step)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return (step, manifest.Status) switch
        {
            (ReviewDecision.Submit, DocumentStatus.Draft) => null,
            (ReviewDecision.Submit, DocumentStatus.Published) when manifest.HasPendingDraft => null,
            (ReviewDecision.Submit, DocumentStatus.Published) =>
                $"Version {manifest.ReaderVersion} is already published; save a change before submitting it for review.",
            (ReviewDecision.Submit, DocumentStatus.InReview) => "The document is already in review.",
            (ReviewDecision.Submit, DocumentStatus.Archived) => "The document is archived; restore it before submitting it for review.",
            (ReviewDecision.Approve or ReviewDecision.RequestChanges, DocumentStatus.InReview) => null,
            (ReviewDecision.Approve, _) => $"Only a document in review can be approved; this one is {Describe(manifest.Status)}.",
            (ReviewDecision.RequestChanges, _) => $"Changes can only be requested on a document in review; this one is {Describe(manifest.Status)}.",
            (ReviewDecision.Archive, DocumentStatus.Draft or DocumentStatus.Published) => null,
            (ReviewDecision.Archive, DocumentStatus.InReview) => "The document is in review; approve it or request changes before archiving it.",
            (ReviewDecision.Archive, _) => "The document is already archived.",
            (ReviewDecision.Restore, DocumentStatus.Archived) => null,
            (ReviewDecision.Restore, _) => $"Only an archived document can be restored; this one is {Describe(manifest.Status)}.",
            _ => $"'{step}' is not a workflow step.",
        };
    }

    /// <summary>Null when <paramref name="caller"/> may take <paramref name="step"/>, else the sentence why not.</summary>
    public static string? CheckPermission(DocumentManifest manifest, Caller caller, ReviewDecision step)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(caller);
        if (step is ReviewDecision.Approve or ReviewDecision.RequestChanges)
        {
            return DocumentPolicy.Why(manifest, caller, DocumentAction.Approve);
        }

        return IsEditor(manifest, caller) ? null : "Only the owner, the document's editors and admins can do this.";
    }

    /// <summary>The state after <paramref name="step"/> (assumed valid): status, published version and reviewers.</summary>
    public static DocumentManifest Apply(DocumentManifest manifest, ReviewEntry entry)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(entry);
        var next = entry.Decision switch
        {
            ReviewDecision.Submit => manifest with { Status = DocumentStatus.InReview, Reviewers = entry.Reviewers ?? manifest.Reviewers },
            ReviewDecision.Approve => manifest with { Status = DocumentStatus.Published, PublishedVersion = entry.Version },
            ReviewDecision.Archive => manifest with { Status = DocumentStatus.Archived },
            _ => manifest with { Status = manifest.PublishedVersion is null ? DocumentStatus.Draft : DocumentStatus.Published },
        };
        return next with { LastReview = entry };
    }

    /// <summary>Owner, listed editor or Admin — regardless of status (archived documents can be restored by them).</summary>
    public static bool IsEditor(DocumentManifest manifest, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(caller);
        return DocumentAccess.EditPrincipals(manifest).Intersect(caller.Principals, StringComparer.OrdinalIgnoreCase).Any();
    }

    /// <summary>True when one of the caller's principals (user, group or role) is in <see cref="DocumentManifest.Reviewers"/>.</summary>
    public static bool IsListedReviewer(DocumentManifest manifest, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(caller);
        return manifest.Reviewers.Intersect(caller.Principals, StringComparer.OrdinalIgnoreCase).Any();
    }

    /// <summary>Null when the reviewer list is usable, else the sentence why not.</summary>
    public static string? ValidateReviewers(IReadOnlyList<string> reviewers, Caller submitter)
    {
        ArgumentNullException.ThrowIfNull(reviewers);
        ArgumentNullException.ThrowIfNull(submitter);
        if (reviewers.Count == 0)
        {
            return "Choose at least one reviewer: a user with the Reviewer role, or a group.";
        }

        if (reviewers.FirstOrDefault(r => !ReviewerPattern().IsMatch(r)) is { } bad)
        {
            return $"'{bad}' is not a reviewer; name a user (user:{{id}}), a group (group:{{id}}) or a role (role:{{name}}).";
        }

        if (reviewers.FirstOrDefault(r => r.StartsWith("role:", StringComparison.OrdinalIgnoreCase) && !ReviewingRoles.Contains(r[5..])) is { } role)
        {
            return $"'{role}' cannot review: only people with the Reviewer role can; choose role:{AppRoles.Reviewer}, a reviewer or a group.";
        }

        return reviewers.All(r => Same(r, submitter.Principal)) ? "Choose a reviewer other than yourself." : null;
    }

    public static string? ValidateComment(string? comment, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(comment))
        {
            return "Say what needs to change: a comment is required.";
        }

        return comment?.Length > MaxCommentLength ? $"The comment is longer than {MaxCommentLength} characters." : null;
    }

    public static string Describe(DocumentStatus status) => status switch
    {
        DocumentStatus.Draft => "a draft",
        DocumentStatus.InReview => "in review",
        DocumentStatus.Published => "published",
        _ => "archived",
    };

    private static bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(user|group|role):[A-Za-z0-9][A-Za-z0-9._\-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReviewerPattern();
}

namespace KnowledgeHub.Documents;

/// <summary>What a caller may want to do with one document. <see cref="DocumentPolicy"/> decides each.</summary>
public enum DocumentAction
{
    /// <summary>See it at all: its page, hits, history (the version readers see).</summary>
    Read,

    /// <summary>Take a copy away: the Markdown download, an attachment, the API's document answer (which carries the text).</summary>
    TakeAway,

    /// <summary>Save a new version, attach files, restore an old version.</summary>
    Edit,

    /// <summary>Change confidentiality, readers and editors.</summary>
    ManageAccess,

    /// <summary>Open the submitted (not yet approved) version as its reviewer.</summary>
    Review,

    /// <summary>Decide a review: approve (publish) or request changes.</summary>
    Approve,

    /// <summary>Everything an Admin may do beyond the lists: browse the audit log, read every document.</summary>
    Administer,
}

/// <summary>
/// The one policy table: every surface (pages, the API, downloads, the workflow) asks <see cref="Allows"/> or the
/// sentence-returning <see cref="Why"/>. The rows, in the order they are checked:
/// <code>
/// action        who (always also: may Read, except Administer)
/// Read          Internal: everyone; otherwise owner, listed readers, listed editors, Admin (DocumentAccess.ReadPrincipals)
/// TakeAway      as Read; a Restricted document only with a download grant (owner, editors, Admin)
/// Edit          owner, listed editors, Admin; never an archived document
/// ManageAccess  owner, listed editors, Admin (archived too: access is not content)
/// Review        Admin; or a listed reviewer (user, group or role principal) who holds the Reviewer role
/// Approve       as Review, and not the owner nor the submitter (an Admin may decide their own; it is audited)
/// Administer    the Admin role
/// </code>
/// A Reader named as reviewer (<c>user:…</c>, <c>role:Reader</c> or through a group) therefore can neither open the
/// draft as reviewer nor approve it.
/// </summary>
public static class DocumentPolicy
{
    public static bool Allows(DocumentManifest manifest, Caller caller, DocumentAction action) => Why(manifest, caller, action) is null;

    /// <summary>Null when <paramref name="caller"/> may take <paramref name="action"/>, else the sentence why not.</summary>
    public static string? Why(DocumentManifest manifest, Caller caller, DocumentAction action)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(caller);
        if (action == DocumentAction.Administer)
        {
            return IsAdmin(caller) ? null : "Only admins can do this.";
        }

        if (!DocumentAccess.CanRead(manifest, caller))
        {
            return "There is no document with this id that you may read.";
        }

        return action switch
        {
            DocumentAction.Read => null,
            DocumentAction.TakeAway => manifest.Confidentiality != Confidentiality.Restricted || HoldsAny(DownloadGrants(manifest), caller)
                ? null
                : "This document is Restricted: you may read it here, but taking a copy away needs a download grant from its owner.",
            DocumentAction.Edit => manifest.Status == DocumentStatus.Archived
                ? "The document is archived and read-only."
                : HoldsAny(DocumentAccess.EditPrincipals(manifest), caller) ? null : "Only the owner, the document's editors and admins can do this.",
            DocumentAction.ManageAccess => HoldsAny(DocumentAccess.EditPrincipals(manifest), caller)
                ? null
                : "Only the owner, the document's editors and admins can change who may read this document.",
            DocumentAction.Review => WhyNotListed(manifest, caller) ?? WhyNoReviewerRole(caller),
            DocumentAction.Approve => WhyNotListed(manifest, caller) ?? WhyOwnSubmission(manifest, caller) ?? WhyNoReviewerRole(caller),
            _ => $"'{action}' is not an action on a document.",
        };
    }

    /// <summary>The principals holding a download grant of a Restricted document: the editors (no per-document grant list yet).</summary>
    public static IReadOnlyList<string> DownloadGrants(DocumentManifest manifest) => DocumentAccess.EditPrincipals(manifest);

    /// <summary>Owner, editors, Admins and (with the Reviewer role) listed reviewers see every version; readers see <see cref="DocumentManifest.ReaderVersion"/> and older.</summary>
    public static bool SeesDrafts(DocumentManifest manifest, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(caller);
        return DocumentAccess.CanRead(manifest, caller)
            && (HoldsAny(DocumentAccess.EditPrincipals(manifest), caller) || Allows(manifest, caller, DocumentAction.Review));
    }

    private static string? WhyNotListed(DocumentManifest manifest, Caller caller) =>
        IsAdmin(caller) || HoldsAny(manifest.Reviewers, caller) ? null : "You are not a reviewer of this document.";

    private static string? WhyNoReviewerRole(Caller caller) =>
        IsAdmin(caller) || caller.IsInRole(AppRoles.Reviewer)
            ? null
            : "Only people with the Reviewer role can review; you are named as a reviewer here, but you do not hold that role.";

    private static string? WhyOwnSubmission(DocumentManifest manifest, Caller caller)
    {
        if (IsAdmin(caller))
        {
            return null;
        }

        var submitter = manifest.LastReview is { Decision: ReviewDecision.Submit } submit ? submit.By : null;
        return Same(caller.Principal, manifest.Owner) || Same(caller.Principal, submitter)
            ? "You cannot review your own document; ask another reviewer."
            : null;
    }

    private static bool IsAdmin(Caller caller) => caller.IsInRole(AppRoles.Admin);

    private static bool HoldsAny(IReadOnlyList<string> granted, Caller caller) =>
        caller.Principals.Any(p => granted.Contains(p, StringComparer.OrdinalIgnoreCase));

    private static bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

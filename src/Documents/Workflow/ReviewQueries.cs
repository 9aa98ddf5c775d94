namespace KnowledgeHub.Documents;

/// <summary>The three lists of the home page, newest change first.</summary>
public sealed record ReviewQueues(
    IReadOnlyList<DocumentManifest> AwaitingMyReview,
    IReadOnlyList<DocumentManifest> MyDrafts,
    IReadOnlyList<DocumentManifest> ChangesRequested);

/// <summary>
/// The rules of "awaiting my review", "my drafts" and "changes requested" for a caller. The search index finds the
/// few candidate documents (status, owner, editors, reviewers are indexed); these rules decide on their manifests.
/// </summary>
public static class ReviewQueries
{
    /// <summary>
    /// The pure rules. Awaiting my review: in review, readable, and I may decide it as a listed reviewer (not my own).
    /// Mine means I own it or am listed as an editor by name. Changes requested: mine, not in review, and the last
    /// step was a request for changes. My drafts: mine, with unapproved work (a draft, or a published document with
    /// a pending draft) and no open change request.
    /// </summary>
    public static ReviewQueues From(IEnumerable<DocumentManifest> manifests, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        ArgumentNullException.ThrowIfNull(caller);
        var readable = manifests.Where(m => DocumentAccess.CanRead(m, caller)).OrderByDescending(m => m.UpdatedUtc).ToList();
        var awaiting = readable.Where(m => m.Status == DocumentStatus.InReview
            && WorkflowRules.IsListedReviewer(m, caller)
            && WorkflowRules.CheckPermission(m, caller, ReviewDecision.Approve) is null).ToList();
        var mine = readable.Where(m => IsMine(m, caller) && m.Status is DocumentStatus.Draft or DocumentStatus.Published).ToList();
        var changesRequested = mine.Where(m => m.LastReview?.Decision == ReviewDecision.RequestChanges).ToList();
        var drafts = mine.Where(m => (m.Status == DocumentStatus.Draft || m.HasPendingDraft) && !changesRequested.Contains(m)).ToList();
        return new ReviewQueues(awaiting, drafts, changesRequested);
    }

    private static bool IsMine(DocumentManifest manifest, Caller caller) =>
        string.Equals(manifest.Owner, caller.Principal, StringComparison.OrdinalIgnoreCase)
        || manifest.Editors.Contains(caller.Principal, StringComparer.OrdinalIgnoreCase);
}

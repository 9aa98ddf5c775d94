using KnowledgeHub.Documents.Following;

namespace KnowledgeHub.Documents.UseCases;

public enum AccessOutcome
{
    /// <summary>No such document, or the caller may not read it (the answer is the same: 404).</summary>
    NotFound,

    /// <summary>The caller may read the document but not manage its access (403).</summary>
    Forbidden,

    Allowed,
}

/// <summary>The access page's starting point: whether the caller may manage the document and, if so, its manifest.</summary>
public sealed record AccessTarget(AccessOutcome Outcome, DocumentManifest? Manifest);

/// <summary>A change of confidentiality and lists, already read from the form.</summary>
public sealed record AccessChange(Confidentiality Confidentiality, IReadOnlyList<string> Readers, IReadOnlyList<string> Editors);

/// <summary>
/// Changes who may read and edit a document: manifest-only write with If-Match, then an audit record "share" and a
/// bounded wait for this node's index (so search reflects the change at once). The owner stays the owner.
/// </summary>
public sealed class DocumentAccessManager(DocumentRepository documents, CommitFollowUp followUp, IWriteNotice notice, AuditLog audit, BoundedWrite bounded)
{
    public async Task<AccessTarget> OpenAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(caller);
        var manifest = await documents.GetManifestAsync(id, cancellationToken);
        var outcome = Decide(manifest, caller);
        if (outcome != AccessOutcome.Allowed && manifest is not null)
        {
            await audit.RecordAsync(caller, AuditActions.Share, manifest.Id, null, AuditActions.Denied, cancellationToken);
        }

        return new AccessTarget(outcome, outcome == AccessOutcome.Allowed ? manifest : null);
    }

    /// <summary>Applies <paramref name="change"/>; the rights are checked again on the manifest actually written.</summary>
    public async Task<AccessTarget> ChangeAsync(string id, AccessChange change, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(caller);
        var outcome = AccessOutcome.NotFound;
        var stored = await bounded.RunAsync(AuditActions.Share, id, token => documents.UpdateManifestAsync(id, fresh =>
        {
            outcome = Decide(fresh, caller);
            return outcome != AccessOutcome.Allowed ? fresh : fresh with
            {
                Confidentiality = change.Confidentiality,
                Readers = change.Readers,
                Editors = change.Editors,
            };
        }, caller, token), cancellationToken);
        if (stored is null)
        {
            return new AccessTarget(AccessOutcome.NotFound, null);
        }

        if (outcome != AccessOutcome.Allowed)
        {
            await audit.RecordAsync(caller, AuditActions.Share, stored.Id, null, AuditActions.Denied, cancellationToken);
            return new AccessTarget(outcome, null);
        }

        // Committed: the audit record follows even if the caller has gone; then a bounded wait for the index.
        notice.After(await followUp.CompleteAsync(caller, AuditActions.Share, stored.Id, stored.CurrentVersion, cancellationToken));
        return new AccessTarget(AccessOutcome.Allowed, stored);
    }

    private static AccessOutcome Decide(DocumentManifest? manifest, Caller caller) =>
        manifest is null || !DocumentAccess.CanRead(manifest, caller) ? AccessOutcome.NotFound
            : DocumentPolicy.Allows(manifest, caller, DocumentAction.ManageAccess) ? AccessOutcome.Allowed
            : AccessOutcome.Forbidden;
}

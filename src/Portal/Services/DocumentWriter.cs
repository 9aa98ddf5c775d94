using KnowledgeHub.Documents;
using KnowledgeHub.Search;

namespace KnowledgeHub.Portal;

/// <summary>Creates and saves documents for a caller, then brings the index up to date and audits.</summary>
public sealed class DocumentWriter(DocumentRepository documents, IndexSynchronizer index, AuditLog audit)
{
    public async Task<DocumentManifest> CreateAsync(NewDocument document, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(caller);
        var manifest = await documents.CreateAsync(document, caller, cancellationToken);
        await index.CatchUpAsync(cancellationToken);
        await audit.RecordAsync(caller, AuditActions.Create, manifest.Id, manifest.CurrentVersion, AuditActions.Allowed, cancellationToken);
        return manifest;
    }

    public async Task<SaveResult> SaveAsync(DocumentEdit edit, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(caller);
        var result = await documents.SaveAsync(edit, caller, cancellationToken);
        switch (result)
        {
            case SaveResult.Saved saved:
                await index.CatchUpAsync(cancellationToken);
                await audit.RecordAsync(caller, AuditActions.Edit, edit.Id, saved.Manifest.CurrentVersion, AuditActions.Allowed, cancellationToken);
                break;
            case SaveResult.Conflict:
                await audit.RecordAsync(caller, AuditActions.Edit, edit.Id, edit.BaseVersion, AuditActions.Conflict, cancellationToken);
                break;
        }

        return result;
    }

    /// <summary>Records a refused attempt (e.g. creating without the Contributor role): the portal audits what it denies.</summary>
    public Task RecordDeniedAsync(string action, string? documentId, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(caller);
        return audit.RecordAsync(caller, action, documentId, null, AuditActions.Denied, cancellationToken);
    }
}

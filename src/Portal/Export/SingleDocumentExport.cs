using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Export;

namespace KnowledgeHub.Portal.Export;

/// <summary>The answer to a one-document export: the document and the version the caller sees, or why not.</summary>
public abstract record SingleExport
{
    private SingleExport()
    {
    }

    /// <summary>No such document, or the caller may not read it (404).</summary>
    public sealed record NotFound : SingleExport;

    /// <summary>Readable, but Restricted without a download grant (403).</summary>
    public sealed record Forbidden : SingleExport;

    public sealed record Ready(DocumentManifest Manifest, DocumentVersion Version) : SingleExport;
}

/// <summary>One document as DOCX or printable HTML: taking a copy, so the TakeAway rule applies; every attempt is audited "export".</summary>
public sealed class SingleDocumentExport(DocumentRepository documents, DocumentExporter exporter, AuditLog audit)
{
    public async Task<SingleExport> OpenAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await documents.GetManifestAsync(id, cancellationToken) is not { } manifest)
        {
            return new SingleExport.NotFound();
        }

        if (!DocumentPolicy.Allows(manifest, caller, DocumentAction.TakeAway))
        {
            await audit.RecordAsync(caller, DocumentExporter.AuditAction, manifest.Id, null, AuditActions.Denied, cancellationToken);
            return DocumentAccess.CanRead(manifest, caller) ? new SingleExport.Forbidden() : new SingleExport.NotFound();
        }

        if (await exporter.VisibleVersionAsync(manifest, caller, cancellationToken) is not { } version)
        {
            return new SingleExport.NotFound();
        }

        await audit.RecordAsync(caller, DocumentExporter.AuditAction, manifest.Id, version.Number, AuditActions.Allowed, cancellationToken);
        return new SingleExport.Ready(manifest, version);
    }
}

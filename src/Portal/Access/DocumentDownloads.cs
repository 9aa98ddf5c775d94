using System.Text;
using KnowledgeHub.Documents;

namespace KnowledgeHub.Portal.Access;

/// <summary>The answer to a download request: a file, or why not.</summary>
public abstract record DownloadResult
{
    private DownloadResult()
    {
    }

    /// <summary>No such document, or the caller may not read it (404).</summary>
    public sealed record NotFound : DownloadResult;

    /// <summary>Readable, but a Restricted document without a download grant (403).</summary>
    public sealed record Forbidden : DownloadResult;

    public sealed record File(string ContentDisposition, byte[] Content, DocumentManifest Manifest, int Version) : DownloadResult;
}

/// <summary>
/// A document's text as a Markdown file: the version the caller may see (the current one for owners, editors and
/// reviewers; the approved one for readers while a newer draft waits). Every attempt is audited "download".
/// </summary>
public sealed class DocumentDownloads(DocumentRepository documents, AuditLog audit)
{
    public const string ContentType = "text/markdown; charset=utf-8";

    public async Task<DownloadResult> GetAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(caller);
        if (await documents.GetManifestAsync(id, cancellationToken) is not { } manifest)
        {
            return new DownloadResult.NotFound();
        }

        if (!AccessRules.CanDownload(manifest, caller))
        {
            await audit.RecordAsync(caller, AuditActions.Download, manifest.Id, null, AuditActions.Denied, cancellationToken);
            return DocumentAccess.CanRead(manifest, caller) ? new DownloadResult.Forbidden() : new DownloadResult.NotFound();
        }

        var number = DocumentAccess.CanReadVersion(manifest, caller, manifest.CurrentVersion) ? manifest.CurrentVersion : manifest.ReaderVersion;
        if (await documents.GetVersionAsync(manifest.Id, number, cancellationToken) is not { } version)
        {
            return new DownloadResult.NotFound();
        }

        await audit.RecordAsync(caller, AuditActions.Download, manifest.Id, number, AuditActions.Allowed, cancellationToken);
        var disposition = DownloadFileName.ContentDisposition(version.Title, manifest.Id + ".md");
        return new DownloadResult.File(disposition, Encoding.UTF8.GetBytes(version.Markdown), manifest, number);
    }
}

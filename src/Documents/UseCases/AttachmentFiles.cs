using KnowledgeHub.Documents.Following;

namespace KnowledgeHub.Documents.UseCases;

/// <summary>How an attachment is asked for: as a download, or inline for the sandboxed preview.</summary>
public enum AttachmentUse
{
    Download,
    Preview,
}

/// <summary>The answer to a request for an attachment's bytes.</summary>
public abstract record AttachmentFile
{
    private AttachmentFile()
    {
    }

    /// <summary>No such document or attachment, the caller may not read it, or no inline preview for this type (404).</summary>
    public sealed record NotFound : AttachmentFile;

    /// <summary>Readable, but a Restricted document without a download grant (403).</summary>
    public sealed record Forbidden : AttachmentFile;

    public sealed record Found(AttachmentContent Content) : AttachmentFile;
}

/// <summary>
/// Attachments for the pages: adding (streamed; then indexing, without waiting for text extraction), and serving with the portal's rules on top of
/// <see cref="AttachmentService"/>'s read check — a Restricted document's files need a download grant
/// (<see cref="DocumentAction.TakeAway"/>), and only images and PDFs are served inline. Every attempt is audited.
/// </summary>
public sealed class AttachmentFiles(DocumentRepository documents, AttachmentService attachments, CommitFollowUp followUp, IWriteNotice notice, AuditLog audit)
{
    /// <summary>The document when the caller may read it, else null (missing and unreadable look the same).</summary>
    public async Task<DocumentManifest?> GetReadableAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await documents.GetManifestAsync(id, cancellationToken) is { } manifest && DocumentAccess.CanRead(manifest, caller) ? manifest : null;
    }

    /// <summary>
    /// Adds an uploaded file (<paramref name="content"/> null: no file was chosen). The service hashes and checks the
    /// stream where it is (a form file is buffered to disk beyond 64 KB), audits, and commits.
    /// </summary>
    public async Task<AttachmentResult> AddAsync(string id, string? fileName, Stream? content, long length, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (content is null || fileName is null)
        {
            return await GetReadableAsync(id, caller, cancellationToken) is null
                ? new AttachmentResult.NotFound(id)
                : new AttachmentResult.Invalid("Choose a file to upload. 请选择要上传的文件。");
        }

        var result = await attachments.AddAsync(id, fileName, content, length, caller, cancellationToken);
        if (result is AttachmentResult.Added)
        {
            // After the commit: wait (bounded) for the follower to pass this change. Text extraction is not waited for:
            // the extraction queue announces the document again once its text is stored.
            notice.After(await followUp.WaitAsync(cancellationToken));
        }

        return result;
    }

    /// <summary>
    /// Why <paramref name="caller"/> may not attach files to the document (404 unreadable, 403 not an editor; the latter
    /// audited), or null when they may: checked before an upload's body is read, so a refused caller is told at once.
    /// </summary>
    public async Task<AttachmentResult?> RefusalToAttachAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await GetReadableAsync(id, caller, cancellationToken) is not { } manifest)
        {
            return new AttachmentResult.NotFound(id);
        }

        if (DocumentPolicy.Why(manifest, caller, DocumentAction.Edit) is { } why)
        {
            await audit.RecordAsync(caller, AuditActions.Attach, manifest.Id, null, AuditActions.Denied, cancellationToken);
            return new AttachmentResult.Forbidden(why);
        }

        return null;
    }

    public async Task<AttachmentFile> OpenAsync(string id, string name, AttachmentUse use, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(caller);
        if (await documents.GetManifestAsync(id, cancellationToken) is not { } manifest)
        {
            return new AttachmentFile.NotFound();
        }

        if (DocumentAccess.CanRead(manifest, caller) && !DocumentPolicy.Allows(manifest, caller, DocumentAction.TakeAway))
        {
            await audit.RecordAsync(caller, AuditActions.Download, manifest.Id, null, AuditActions.Denied, cancellationToken);
            return new AttachmentFile.Forbidden();
        }

        var entry = manifest.Attachments.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
        if (use == AttachmentUse.Preview && entry is not null && !(entry.Kind is { } kind && AttachmentTypes.CanPreviewInline(kind)))
        {
            return new AttachmentFile.NotFound();
        }

        // Reads, checks read access again on the stored manifest and audits the download (allowed or denied).
        return await attachments.ReadAsync(manifest.Id, name, caller, cancellationToken) is { } content
            ? new AttachmentFile.Found(content)
            : new AttachmentFile.NotFound();
    }
}

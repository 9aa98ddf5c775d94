using System.Text;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Documents;

/// <summary>
/// Attachments of a document. Adding checks, in order: access, declared size, actual size, name, then the
/// bytes (<see cref="FileTypeDetector"/>) — every refusal before anything is written. Accepted content goes to
/// <c>files/{sha256}</c> create-only (the same bytes twice are stored once), then the manifest lists it
/// (<see cref="DocumentManifest.Attachments"/>, unique by name: adding a name again replaces that entry).
/// Downloads follow the document's read access and are audited. Unreferenced <c>files/</c> blobs (a
/// replaced or removed entry, or a manifest write that lost a race) are harmless and left in place.
/// </summary>
public sealed partial class AttachmentService(
    IBlobStore store, DocumentRepository documents, AuditLog audit, IOptions<AttachmentOptions> options, TimeProvider time, ILogger<AttachmentService> logger)
{
    public const int MaxNameLength = 200;

    /// <summary>Calls of UpdateManifestAsync (each with its own If-Match retries) before an upload answers Busy.</summary>
    private const int ManifestRounds = 6;

    /// <summary>Adds a file. <paramref name="declaredLength"/> is the length the client announced (−1 when unknown).</summary>
    public async Task<AttachmentResult> AddAsync(string id, string fileName, Stream content, long declaredLength, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(caller);
        var limits = options.Value;
        if (await documents.GetManifestAsync(id, cancellationToken) is not { } manifest || !DocumentAccess.CanRead(manifest, caller))
        {
            return new AttachmentResult.NotFound(id);
        }

        if (EditRefusal(manifest, caller) is { } forbidden)
        {
            await audit.RecordAsync(caller, AuditActions.Attach, manifest.Id, null, AuditActions.Denied, cancellationToken);
            return new AttachmentResult.Forbidden(forbidden);
        }

        if (declaredLength > limits.MaxBytes)
        {
            return await RefuseAsync(manifest.Id, new AttachmentResult.TooLarge(limits.MaxBytes), caller, cancellationToken);
        }

        await using var spool = await AttachmentSpool.CreateAsync(content, limits.MaxBytes, cancellationToken);
        if (spool is null)
        {
            return await RefuseAsync(manifest.Id, new AttachmentResult.TooLarge(limits.MaxBytes), caller, cancellationToken);
        }

        var checkedFile = await CheckAsync(fileName, spool, declaredLength, limits, cancellationToken);
        if (checkedFile.Result is { } refused)
        {
            return await RefuseAsync(manifest.Id, refused, caller, cancellationToken);
        }

        var (name, kind) = (checkedFile.Name!, checkedFile.Kind);
        await StoreContentAsync(spool, cancellationToken);
        var info = new AttachmentInfo(name, AttachmentTypes.ContentType(kind), spool.Length, spool.Sha256, time.GetUtcNow(), caller.Principal) { UploadedByName = caller.Name };
        return await ListAsync(manifest.Id, info, caller, cancellationToken);
    }

    /// <summary>
    /// Lists the stored content on the manifest. Concurrent uploads to one document contend for its manifest:
    /// <see cref="DocumentRepository.UpdateManifestAsync(string, Func{DocumentManifest, DocumentManifest}, Caller, CancellationToken)"/>
    /// retries with If-Match, and when it gives up this tries a few more rounds before answering Busy.
    /// </summary>
    private async Task<AttachmentResult> ListAsync(string id, AttachmentInfo info, Caller caller, CancellationToken cancellationToken)
    {
        for (var round = 1; ; round++)
        {
            string? lateRefusal = null;
            DocumentManifest? stored;
            try
            {
                stored = await documents.UpdateManifestAsync(id, fresh =>
                {
                    lateRefusal = EditRefusal(fresh, caller);
                    return lateRefusal is not null ? fresh : fresh with
                    {
                        Attachments = [.. fresh.Attachments.Where(a => !SameName(a.Name, info.Name)), info],
                    };
                }, caller, cancellationToken);
            }
            catch (BlobConditionFailedException) when (round < ManifestRounds)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50 * round)), cancellationToken);
                continue;
            }
            catch (BlobConditionFailedException)
            {
                LogBusy(id, ManifestRounds);
                return new AttachmentResult.Busy();
            }

            if (stored is null)
            {
                return new AttachmentResult.NotFound(id);
            }

            if (lateRefusal is not null)
            {
                return new AttachmentResult.Forbidden(lateRefusal);
            }

            await audit.RecordAsync(caller, AuditActions.Attach, id, null, AuditActions.Allowed, CancellationToken.None);
            return new AttachmentResult.Added(info, stored);
        }
    }

    private async Task<AttachmentResult> RefuseAsync(string id, AttachmentResult refused, Caller caller, CancellationToken cancellationToken)
    {
        LogRefused(id, refused.Message);
        await audit.RecordAsync(caller, AuditActions.Attach, id, null, AuditActions.Refused, cancellationToken);
        return refused;
    }

    /// <summary>The attachment named <paramref name="name"/> with its bytes, or null when the document, the entry or read access is missing. Audited as a download.</summary>
    public async Task<AttachmentContent?> ReadAsync(string id, string name, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(caller);
        if (await documents.GetManifestAsync(id, cancellationToken) is not { } manifest)
        {
            return null;
        }

        if (!DocumentAccess.CanRead(manifest, caller))
        {
            await audit.RecordAsync(caller, AuditActions.Download, manifest.Id, null, AuditActions.Denied, cancellationToken);
            return null;
        }

        if (manifest.Attachments.FirstOrDefault(a => SameName(a.Name, name)) is not { } info
            || await ReadContentAsync(info, cancellationToken) is not { } bytes)
        {
            return null;
        }

        await audit.RecordAsync(caller, AuditActions.Download, manifest.Id, null, AuditActions.Allowed, cancellationToken);
        return new AttachmentContent(info, bytes);
    }

    /// <summary>The stored bytes of an attachment without any access check — for the indexer, never for a user's request.</summary>
    public async Task<ReadOnlyMemory<byte>?> ReadContentAsync(AttachmentInfo attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (!IsSha256(attachment.Sha256))
        {
            return null;
        }

        return await store.ReadAsync(DocumentLayout.File(attachment.Sha256), cancellationToken) is { } blob ? blob.Content : null;
    }

    /// <summary>Takes the entry named <paramref name="name"/> off the document (editors); false when there was none or the caller may not.</summary>
    public async Task<bool> RemoveAsync(string id, string name, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(caller);
        var (removed, denied) = (false, false);
        var stored = await documents.UpdateManifestAsync(id, fresh =>
        {
            denied = !DocumentAccess.CanRead(fresh, caller) || EditRefusal(fresh, caller) is not null;
            removed = !denied && fresh.Attachments.Any(a => SameName(a.Name, name));
            return removed ? fresh with { Attachments = [.. fresh.Attachments.Where(a => !SameName(a.Name, name))] } : fresh;
        }, caller, cancellationToken);
        if (stored is not null && (removed || denied))
        {
            await audit.RecordAsync(caller, AuditActions.RemoveAttachment, stored.Id, null, denied ? AuditActions.Denied : AuditActions.Allowed, CancellationToken.None);
        }

        return removed;
    }

    private static string? EditRefusal(DocumentManifest manifest, Caller caller) =>
        DocumentAccess.CanEdit(manifest, caller) ? null
            : manifest.Status == DocumentStatus.Archived ? "The document is archived and read-only; restore it before attaching files."
            : "Only the owner, the document's editors and admins can attach files.";

    /// <summary>After the declared and the actual size: whether it arrived whole, the name, then the bytes.</summary>
    private static async Task<Checked> CheckAsync(string fileName, AttachmentSpool spool, long declaredLength, AttachmentOptions limits, CancellationToken cancellationToken)
    {
        if (declaredLength >= 0 && spool.Length != declaredLength)
        {
            return new Checked(new AttachmentResult.Invalid("The file did not arrive whole; upload it again."));
        }

        if (CleanName(fileName) is not { } name)
        {
            return new Checked(new AttachmentResult.Invalid($"The file needs a name of 1 to {MaxNameLength} characters."));
        }

        if (spool.Length == 0)
        {
            return new Checked(new AttachmentResult.Invalid("The file is empty."));
        }

        var verdict = await FileTypeDetector.DetectAsync(name, spool.Rewind(), limits, cancellationToken);
        return verdict.Kind is { } kind
            ? new Checked(null, name, kind)
            : new Checked(new AttachmentResult.UnsupportedType(verdict.Refusal!));
    }

    /// <summary>The name without any path, NFC, without control or bidirectional characters (a name cannot pose as another); null when nothing usable is left.</summary>
    private static string? CleanName(string fileName)
    {
        var last = UnicodeControls.CleanFileName(fileName.Replace('\\', '/').Split('/')[^1]).Normalize(NormalizationForm.FormC);
        var name = new string(last.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length is 0 or > MaxNameLength || name.Trim('.').Length == 0 ? null : name;
    }

    private async Task StoreContentAsync(AttachmentSpool spool, CancellationToken cancellationToken)
    {
        try
        {
            await store.WriteAsync(DocumentLayout.File(spool.Sha256), spool.Rewind(), WriteCondition.IfNotExists, cancellationToken);
        }
        catch (BlobConditionFailedException)
        {
            // The same content is already stored (content-addressed): reuse it.
        }
    }

    private static bool IsSha256(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigitLower);

    private static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Attachment to document {DocumentId} not listed: its manifest kept changing through {Rounds} rounds of retries")]
    private partial void LogBusy(string documentId, int rounds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Attachment to document {DocumentId} refused: {Reason}")]
    private partial void LogRefused(string documentId, string? reason);

    private sealed record Checked(AttachmentResult? Result, string? Name = null, AttachmentKind Kind = default);
}

using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnowledgeHub.Documents.Export;

/// <summary>
/// Writes a zip of documents: <c>{id}.md</c> (<see cref="MarkdownExport"/>), <c>{id}.files/{name}</c> for each attachment,
/// and <c>manifest.json</c> (<see cref="ExportManifest"/>). Only documents the caller may take away
/// (<see cref="DocumentAction.TakeAway"/>) go in, at the version the caller may see; the others are counted in the
/// manifest, not named. Each exported document is audited ("export"), and so is the export itself.
/// </summary>
public sealed class DocumentExporter(DocumentRepository documents, AttachmentService attachments, AuditLog audit, TimeProvider time)
{
    public const string AuditAction = "export";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes the zip of <paramref name="candidates"/> to <paramref name="output"/> (a seekable or write-only stream).</summary>
    public async Task<ExportSummary> WriteZipAsync(
        IAsyncEnumerable<DocumentManifest> candidates, ExportScope scope, Caller caller, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(output);
        var exported = new List<ExportedDocument>();
        var leftOut = 0;
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            await foreach (var manifest in candidates.WithCancellation(cancellationToken))
            {
                if (!DocumentPolicy.Allows(manifest, caller, DocumentAction.TakeAway)
                    || await VisibleVersionAsync(manifest, caller, cancellationToken) is not { } version)
                {
                    leftOut++;
                    continue;
                }

                var path = manifest.Id + ".md";
                await WriteEntryAsync(zip, path, Encoding.UTF8.GetBytes(MarkdownExport.Write(manifest, version)), cancellationToken);
                var files = new List<ExportedAttachment>();
                foreach (var attachment in manifest.Attachments)
                {
                    if (await attachments.ReadContentAsync(attachment, cancellationToken) is { } bytes)
                    {
                        var filePath = $"{MarkdownExport.FilesFolder(manifest.Id)}/{attachment.Name}";
                        await WriteEntryAsync(zip, filePath, bytes, cancellationToken);
                        files.Add(new ExportedAttachment(attachment.Name, filePath, attachment.ContentType, attachment.Size, attachment.Sha256));
                    }
                }

                exported.Add(new ExportedDocument(manifest.Id, version.Title, manifest.Type, path, version.Number, files));
                await audit.RecordAsync(caller, AuditAction, manifest.Id, version.Number, AuditActions.Allowed, cancellationToken);
            }

            var summary = new ExportManifest("knowledgehub-export/1", time.GetUtcNow(), caller.Principal, scope, exported.Count, leftOut, exported);
            await WriteEntryAsync(zip, "manifest.json", JsonSerializer.SerializeToUtf8Bytes(summary, Json), cancellationToken);
        }

        await audit.RecordAsync(caller, AuditAction, null, null, AuditActions.Allowed, cancellationToken);
        return new ExportSummary(exported.Count, leftOut);
    }

    /// <summary>The version the caller sees (the newest for owners, editors and reviewers; the approved one for readers), or null.</summary>
    public async Task<DocumentVersion?> VisibleVersionAsync(DocumentManifest manifest, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(caller);
        var number = DocumentAccess.CanReadVersion(manifest, caller, manifest.CurrentVersion) ? manifest.CurrentVersion : manifest.ReaderVersion;
        return await documents.GetVersionAsync(manifest.Id, number, cancellationToken);
    }

    private static async Task WriteEntryAsync(ZipArchive zip, string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        await using var stream = entry.Open();
        await stream.WriteAsync(content, cancellationToken);
    }
}

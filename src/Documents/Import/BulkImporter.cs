using System.Collections.Concurrent;
using System.Security.Cryptography;
using KnowledgeHub.Documents.Following;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Documents.Import;

/// <summary>
/// Imports a batch (<see cref="ImportSource"/>) for a caller through the same steps as the editor's use cases
/// (<see cref="UseCases.DocumentWriter"/>, <see cref="UseCases.AttachmentFiles"/>): each document is created by the
/// repository and audited "create" (<see cref="CommitFollowUp"/>), each file is attached by <see cref="AttachmentService"/>
/// (checked and audited "attach"), and the change log carries both to every node's follower, which indexes them. Unlike
/// one save in the editor, a file does not wait for this node's index: the batch waits once, at its end (a per-file
/// wait made a batch seven times slower). Files are worked a few at a time; one file's failure is reported on its line
/// and the batch goes on. A file whose content was imported before (<see cref="ImportLedger"/>) or whose front matter
/// names a document id already stored is skipped, so a batch can be run again after an interruption. A dry run
/// converts everything and writes nothing. The batch itself is audited ("import", or "import-dry-run").
/// </summary>
public sealed partial class BulkImporter(
    DocumentRepository documents, AttachmentService attachments, CommitFollowUp followUp, TemplateCatalog templates, ImportLedger ledger,
    FileConverter converter, AuditLog audit, ILogger<BulkImporter> logger)
{
    public const string AuditAction = "import";
    public const string DryRunAuditAction = "import-dry-run";

    /// <summary>Files converted and written at once.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>Runs the batch. Throws <see cref="UnauthorizedAccessException"/> when the caller may not create documents.</summary>
    public async Task<ImportReport> RunAsync(ImportSource source, ImportDefaults defaults, Caller caller, ImportProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(progress);
        var action = defaults.DryRun ? DryRunAuditAction : AuditAction;
        if (!DocumentAccess.CanCreate(caller))
        {
            await audit.RecordAsync(caller, action, null, null, AuditActions.Denied, cancellationToken);
            throw new UnauthorizedAccessException("Only contributors and admins can import documents.");
        }

        var known = await templates.ListAsync(cancellationToken);
        if (defaults.Type is { } type && !known.Any(t => string.Equals(t.Key, type, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ImportRefusedException($"There is no document type '{type}'. Types: {string.Join(", ", known.Select(t => t.Key))}.");
        }

        var (documentsToImport, attachmentsOf) = Group(source.Entries);
        progress.Start(documentsToImport.Count + source.Refused.Count);
        var items = new ConcurrentBag<ImportItem>();
        foreach (var (path, reason) in source.Refused)
        {
            Report(new ImportItem(path, ImportOutcome.Failed, reason));
        }

        var started = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(documentsToImport, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (entry, token) =>
        {
            ImportItem item;
            try
            {
                item = await ImportOneAsync(source, entry, attachmentsOf.GetValueOrDefault(entry.Stem) ?? [], defaults, known, caller, token);
            }
            catch (Exception e) when (e is FormatException or ImportRefusedException or ArgumentException or DocumentAlreadyExistsException)
            {
                item = new ImportItem(entry.Path, ImportOutcome.Failed, e.Message) { Kind = FileConverter.KindOf(entry.Name) };
            }

            Report(item);
        });

        if (!defaults.DryRun)
        {
            // Once for the batch: the report comes when this node's index has taken the documents (bounded).
            await followUp.WaitAsync(cancellationToken);
        }

        progress.Finish();
        var report = new ImportReport(defaults.DryRun, [.. items.OrderBy(i => i.Path, StringComparer.Ordinal)], DateTimeOffset.UtcNow - started);
        await audit.RecordAsync(caller, action, null, null, AuditActions.Allowed, CancellationToken.None);
        LogBatch(defaults.DryRun, report.Items.Count, report.Count(ImportOutcome.Imported), report.Count(ImportOutcome.Skipped), report.Count(ImportOutcome.Failed));
        return report;

        void Report(ImportItem item)
        {
            items.Add(item);
            progress.Add(item);
        }
    }

    private async Task<ImportItem> ImportOneAsync(
        ImportSource source, SourceEntry entry, List<SourceEntry> extras, ImportDefaults defaults, IReadOnlyList<DocumentTemplate> known, Caller caller, CancellationToken cancellationToken)
    {
        if (FileConverter.KindOf(entry.Name) is null)
        {
            return new ImportItem(entry.Path, ImportOutcome.Skipped, "Not a Word (.docx), PDF or Markdown file; left out.");
        }

        var content = await source.ReadAsync(entry, cancellationToken);
        if (content is null)
        {
            return Failed(entry, $"The file is larger than the {AttachmentResult.FormatSize(source.Limits.MaxFileBytes)} allowed.");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        if (await ledger.FindAsync(sha, cancellationToken) is { } earlier && await documents.GetManifestAsync(earlier.DocumentId, cancellationToken) is not null)
        {
            return new ImportItem(entry.Path, ImportOutcome.Skipped, $"Already imported (document {earlier.DocumentId}).") { DocumentId = earlier.DocumentId, Kind = FileConverter.KindOf(entry.Name) };
        }

        var file = await converter.ReadAsync(entry, content, "-", sha, defaults.DryRun, cancellationToken);
        var id = file.Front?.GetString("id") is { } wanted && DocumentIds.IsValid(wanted) ? wanted : DocumentIds.New();
        if (file.Kind == ImportFileKind.Docx)
        {
            // Image links name the document: convert again now that its id is known (cheap next to the writes).
            file = await converter.ReadAsync(entry, content, id, sha, defaults.DryRun, cancellationToken);
        }

        if (file.Front?.GetString("id") == id && await documents.GetManifestAsync(id, cancellationToken) is not null)
        {
            return new ImportItem(entry.Path, ImportOutcome.Skipped, $"A document with the id '{id}' is already in the store.") { DocumentId = id, Kind = file.Kind };
        }

        var extra = new List<ImportAttachment>();
        foreach (var attachment in extras)
        {
            if (await source.ReadAsync(attachment, cancellationToken) is { } bytes)
            {
                extra.Add(new ImportAttachment(attachment.Name, bytes));
            }
        }

        if (file.Kind == ImportFileKind.Markdown && extras.Count > 0)
        {
            // An export links a document's files as {name}.files/...: point those links at the new document's attachments.
            file = file with { Markdown = Export.MarkdownExport.AbsoluteLinks(FileConverter.Stem(entry.Name), id, file.Markdown) };
        }

        var plan = ImportPlanner.Plan(entry, file, id, defaults, known, extra);
        if (defaults.DryRun)
        {
            return plan.Item;
        }

        if (file.Kind == ImportFileKind.Docx)
        {
            await converter.RememberTextAsync(sha, file.Markdown, cancellationToken);
        }

        var manifest = await documents.CreateAsync(plan.Document, caller, cancellationToken);
        await followUp.AuditAsync(caller, AuditActions.Create, manifest.Id, manifest.CurrentVersion, AuditActions.Allowed);
        var refused = new List<NotAttachedFile>();
        foreach (var attachment in plan.Attachments)
        {
            using var stream = new MemoryStream(attachment.Content.ToArray(), writable: false);
            var result = await attachments.AddAsync(manifest.Id, attachment.Name, stream, stream.Length, caller, cancellationToken);
            if (result is not AttachmentResult.Added)
            {
                refused.Add(new NotAttachedFile(attachment.Name, result.Message ?? ""));
            }
        }

        await ledger.RecordAsync(new LedgerEntry(sha, manifest.Id, entry.Path, DateTimeOffset.UtcNow), CancellationToken.None);
        return plan.Item with
        {
            Outcome = ImportOutcome.Imported,
            DocumentId = manifest.Id,
            Message = refused.Count == 0 ? null : "Imported; some of its files were not attached.",
            NotAttached = refused,
        };
    }

    /// <summary>Documents to import, and the files in each Markdown file's <c>{name}.files/</c> folder (its attachments, as an export writes them).</summary>
    private static (List<SourceEntry> Documents, Dictionary<string, List<SourceEntry>> AttachmentsOf) Group(IReadOnlyList<SourceEntry> entries)
    {
        var markdownStems = entries.Where(e => FileConverter.KindOf(e.Name) == ImportFileKind.Markdown).Select(e => e.Stem).ToHashSet(StringComparer.Ordinal);
        var attachmentsOf = new Dictionary<string, List<SourceEntry>>(StringComparer.Ordinal);
        var documentsToImport = new List<SourceEntry>();
        foreach (var entry in entries)
        {
            var folder = entry.Path.LastIndexOf('/') is var slash and > 0 ? entry.Path[..slash] : null;
            if (folder is not null && folder.EndsWith(".files", StringComparison.Ordinal) && markdownStems.Contains(folder[..^".files".Length]))
            {
                var owner = folder[..^".files".Length];
                (attachmentsOf.TryGetValue(owner, out var list) ? list : attachmentsOf[owner] = []).Add(entry);
            }
            else if (!(entry.Path.Equals("manifest.json", StringComparison.Ordinal)))
            {
                documentsToImport.Add(entry);
            }
        }

        return (documentsToImport, attachmentsOf);
    }

    private static ImportItem Failed(SourceEntry entry, string message) => new(entry.Path, ImportOutcome.Failed, message) { Kind = FileConverter.KindOf(entry.Name) };

    [LoggerMessage(Level = LogLevel.Information, Message = "Import batch (dry run: {DryRun}) of {Files} files: {Imported} imported, {Skipped} skipped, {Failed} failed")]
    private partial void LogBatch(bool dryRun, int files, int imported, int skipped, int failed);
}

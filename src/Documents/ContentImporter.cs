using System.Text;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Documents;

/// <summary>
/// On first start, imports <c>content/templates</c> and <c>content/samples</c> into an empty store.
/// Templates are copied create-only every time (new ones are added, stored ones stay); samples are created
/// through the repository only while the store holds no <c>docs/</c> blobs. A sample that cannot be read is
/// logged as a warning naming the file and skipped; the rest still import.
/// </summary>
public sealed partial class ContentImporter(IBlobStore store, DocumentRepository repository, TemplateCatalog templates, ILogger<ContentImporter> logger)
{
    /// <summary>Imports when the store holds no documents; returns how many documents were imported (0 when not empty).</summary>
    public async Task<int> ImportIfEmptyAsync(string contentRoot, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        if (!Directory.Exists(contentRoot))
        {
            LogNoContent(contentRoot);
            return 0;
        }

        var templateCount = await ImportTemplatesAsync(Path.Combine(contentRoot, "templates"), cancellationToken);
        await foreach (var _ in store.ListAsync(DocumentLayout.DocsPrefix, cancellationToken))
        {
            LogNotEmpty(templateCount);
            return 0;
        }

        var imported = 0;
        var skipped = 0;
        foreach (var file in Files(Path.Combine(contentRoot, "samples")))
        {
            try
            {
                var (document, owner) = SampleParser.Parse(await File.ReadAllTextAsync(file, Encoding.UTF8, cancellationToken));
                await repository.CreateAsync(document, owner, cancellationToken);
                imported++;
            }
            catch (Exception e) when (e is FormatException or ArgumentException or DocumentAlreadyExistsException)
            {
                skipped++;
                LogSkippedSample(Path.GetFileName(file), e.Message);
            }
        }

        LogImported(imported, skipped, templateCount, contentRoot);
        return imported;
    }

    /// <summary>Imports the templates only (create-only; stored ones stay), whatever the store holds; returns how many were new.</summary>
    public async Task<int> ImportTemplatesOnlyAsync(string contentRoot, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        var added = await ImportTemplatesAsync(Path.Combine(contentRoot, "templates"), cancellationToken);
        LogTemplatesImported(added, contentRoot);
        return added;
    }

    private async Task<int> ImportTemplatesAsync(string folder, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var file in Files(folder))
        {
            var key = Path.GetFileNameWithoutExtension(file);
            if (!DocumentIds.IsValid(key))
            {
                LogSkippedTemplate(Path.GetFileName(file));
                continue;
            }

            try
            {
                var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
                TemplateParser.Parse(key, Encoding.UTF8.GetString(bytes));
                await store.WriteAsync(TemplateCatalog.Prefix + key + ".md", bytes, WriteCondition.IfNotExists, cancellationToken);
                added++;
            }
            catch (FormatException e)
            {
                LogInvalidTemplate(Path.GetFileName(file), e.Message);
            }
            catch (BlobConditionFailedException)
            {
                // Already stored: stored templates win over the files (create-only by design).
            }
        }

        templates.Invalidate();
        return added;
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal)
            : [];

    [LoggerMessage(Level = LogLevel.Warning, Message = "No content folder at {ContentRoot}; nothing imported")]
    private partial void LogNoContent(string contentRoot);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store already holds documents; samples not imported ({TemplateCount} new templates added)")]
    private partial void LogNotEmpty(int templateCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped sample {File}: {Reason}")]
    private partial void LogSkippedSample(string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped template {File}: its name is not a valid template key")]
    private partial void LogSkippedTemplate(string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped template {File}: {Reason}")]
    private partial void LogInvalidTemplate(string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {TemplateCount} new templates from {ContentRoot}; samples are not imported here")]
    private partial void LogTemplatesImported(int templateCount, string contentRoot);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Imported} sample documents ({Skipped} skipped) and {TemplateCount} new templates from {ContentRoot}")]
    private partial void LogImported(int imported, int skipped, int templateCount, string contentRoot);
}

using KnowledgeHub.Documents.Export;
using KnowledgeHub.Documents.Import;
using KnowledgeHub.Portal.Import;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeHub.Portal.Export;

public static class ImportExportServiceCollectionExtensions
{
    /// <summary>
    /// Bulk import (the page's background jobs, PDF text from the isolated extractor, settings <c>Import</c> validated at
    /// start) and export (zips, DOCX, printable HTML).
    /// </summary>
    public static IServiceCollection AddPortalImportExport(this IServiceCollection services)
    {
        services.AddOptions<ImportWebOptions>()
            .BindConfiguration(ImportWebOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.RemoveAll<IPdfTextReader>();
        services.AddSingleton<IPdfTextReader, ExtractorPdfText>();
        services.AddKnowledgeHubImport();
        services.TryAddSingleton<ImportJobs>();
        services.TryAddScoped<DocumentExporter>();
        services.TryAddScoped<ExportDownloads>();
        services.TryAddScoped<SingleDocumentExport>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeHub.Documents.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>
    /// Bulk import: <see cref="BulkImporter"/> (scoped, like the use cases it calls), <see cref="FileConverter"/>,
    /// <see cref="ImportLedger"/>, and <see cref="NoPdfText"/> unless a host registered a real <see cref="IPdfTextReader"/>.
    /// </summary>
    public static IServiceCollection AddKnowledgeHubImport(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IPdfTextReader, NoPdfText>();
        services.TryAddSingleton<FileConverter>();
        services.TryAddSingleton<ImportLedger>();
        services.TryAddScoped<BulkImporter>();
        return services;
    }
}

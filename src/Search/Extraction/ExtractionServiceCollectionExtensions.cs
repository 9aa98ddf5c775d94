using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeHub.Search.Extraction;

public static class ExtractionServiceCollectionExtensions
{
    /// <summary>
    /// Text extraction of attachments: <see cref="AttachmentTextExtractor"/> (the separate extractor process),
    /// <see cref="AttachmentTextSource"/> (cached per content), the background <see cref="ExtractionQueue"/> (a hosted
    /// service) and <see cref="ExtractedAttachmentTexts"/> as the
    /// index's <see cref="IAttachmentTextProvider"/> (replacing the default, before or after AddKnowledgeHubSearch). Settings: section <c>Search:Extraction</c>
    /// (<see cref="ExtractionOptions"/>), validated at start. Needs the Storage and Documents services (IBlobStore, AttachmentService, ChangeLog, TimeProvider). The app
    /// must ship the extractor: import <c>src/Extractor/KnowledgeHub.Extractor.targets</c> into its project.
    /// </summary>
    public static IServiceCollection AddKnowledgeHubAttachmentExtraction(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ExtractionOptions>()
            .Bind(configuration.GetSection(ExtractionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<AttachmentTextExtractor>();
        services.TryAddSingleton<AttachmentTextSource>();
        services.TryAddSingleton<ExtractionMarkers>();
        services.TryAddSingleton<ExtractionQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<ExtractionQueue>());
        services.RemoveAll<IAttachmentTextProvider>();
        services.AddSingleton<IAttachmentTextProvider, ExtractedAttachmentTexts>();
        return services;
    }
}

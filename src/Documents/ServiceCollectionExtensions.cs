using KnowledgeHub.Documents.Following;
using KnowledgeHub.Documents.UseCases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Documents;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The document domain as singletons: repository, change log, the change follower, audit log, template catalog, Markdown
    /// renderer, content importer, review log, workflow, review queries, history, attachments (settings
    /// <c>Documents:Attachments</c>, validated at start), and the start-up import (<see cref="ContentImportService"/>). Needs an
    /// <c>IBlobStore</c> (AddKnowledgeHubStorage); registers <see cref="TimeProvider.System"/> unless a clock is registered.
    /// </summary>
    public static IServiceCollection AddKnowledgeHubDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLogging();
        services.AddOptions<DocumentsOptions>()
            .Bind(configuration.GetSection(DocumentsOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocumentsOptions>, DocumentsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChangeLog>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<DocumentRepository>();
        services.TryAddSingleton<TemplateCatalog>();
        services.TryAddSingleton<MarkdownRenderer>();
        services.TryAddSingleton<ContentImporter>();
        services.AddOptions<AttachmentOptions>()
            .Bind(configuration.GetSection(AttachmentOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ReviewLog>();
        services.TryAddSingleton<DocumentWorkflow>();
        services.TryAddSingleton<DocumentHistory>();
        services.TryAddSingleton<AttachmentService>();
        services.AddHostedService<ContentImportService>();

        // After the import: the follower loads (rebuilds) what needs it, in the background, then follows the log.
        services.AddKnowledgeHubChangeFollower(configuration);
        services.AddKnowledgeHubUseCases();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using KnowledgeHub.Portal.Access;
using Microsoft.Extensions.Options;

// In the portal's root namespace, next to AddKnowledgeHubPortal, so the composition root needs no extra using.
namespace KnowledgeHub.Portal;

/// <summary>The access services: access management, collection defaults, downloads, search-hit guard, audit browsing.</summary>
public static class AccessServiceCollectionExtensions
{
    /// <summary>
    /// Registers the access services and the <c>Collections</c> settings (validated at start). Needs the document
    /// and search services and <c>DirectoryOptions</c> (registered by the portal's authentication).
    /// </summary>
    public static IServiceCollection AddPortalAccess(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CollectionOptions>()
            .Configure<IConfiguration>((o, configuration) => configuration.GetSection(CollectionOptions.SectionName).Bind(o.Collections))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CollectionOptions>, CollectionOptionsValidation>());
        services.TryAddSingleton<CollectionCatalog>();
        services.TryAddSingleton<PrincipalDirectory>();
        services.TryAddScoped<DocumentDownloads>();
        services.TryAddScoped<SearchHitGuard>();
        services.TryAddScoped<AuditBrowser>();
        return services;
    }
}

using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Following;
using KnowledgeHub.Search.Snapshots;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Search;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The search index, fed by the node's change follower (registered as its <see cref="IChangeConsumer"/>), and its
    /// reconciliation in the background. Needs the Documents services (DocumentRepository, ChangeLog).
    /// Settings: section "Search" (<see cref="SearchOptions"/>), validated at start; a relative IndexPath
    /// resolves against the content root. Adds the health check "search-index". Attachment text comes from the
    /// registered <see cref="IAttachmentTextProvider"/> (none unless one is added, before or after this call).
    /// </summary>
    public static IServiceCollection AddKnowledgeHubSearch(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SearchOptions>()
            .Bind(configuration.GetSection(SearchOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<MarkdownRenderer>();
        services.AddSingleton<SearchAnalyzer>();
        services.AddSingleton(provider => new LuceneIndex(
            provider.GetRequiredService<IOptions<SearchOptions>>().Value.ResolveIndexPath(
                provider.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory),
            provider.GetRequiredService<SearchAnalyzer>(),
            provider.GetRequiredService<ILogger<LuceneIndex>>(),
            provider.GetRequiredService<IOptions<SearchOptions>>().Value.CompactAfterIdle));
        services.AddSingleton<DocumentMapper>();
        services.TryAddSingleton<IAttachmentTextProvider>(NoAttachmentTexts.Instance);
        Querying.QueryServiceCollectionExtensions.AddKnowledgeHubQueryReading(services);
        services.AddSingleton<SearchQueryBuilder>();
        services.AddSingleton<SnippetHighlighter>();
        services.AddSingleton<SearchService>();
        services.AddKnowledgeHubChangeFollower(configuration);
        services.AddSingleton<IndexProblems>();
        services.AddKnowledgeHubIndexSnapshots(configuration);
        services.AddSingleton<IndexSynchronizer>();
        services.AddSingleton<IChangeConsumer>(provider => provider.GetRequiredService<IndexSynchronizer>());
        services.AddSingleton<IndexReconciler>();
        services.AddHostedService(provider => provider.GetRequiredService<IndexReconciler>());
        services.AddSingleton<HomeFeeds>();
        services.AddHealthChecks().AddCheck<SearchIndexHealthCheck>("search-index");
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Search.Snapshots;

public static class SnapshotServiceCollectionExtensions
{
    /// <summary>
    /// Index snapshots in the blob store (section <c>Search:Snapshots</c>, validated at start): the restorer the index
    /// synchronizer asks before a rebuild, the publisher in the background, and the health check "index-snapshot".
    /// </summary>
    public static IServiceCollection AddKnowledgeHubIndexSnapshots(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<IndexSnapshotOptions>()
            .Bind(configuration.GetSection(IndexSnapshotOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SnapshotRestorer>();
        services.AddSingleton<SnapshotPublisher>();
        services.AddHostedService(provider => provider.GetRequiredService<SnapshotPublisher>());
        services.AddHealthChecks().AddCheck<SnapshotHealthCheck>("index-snapshot");
        return services;
    }
}

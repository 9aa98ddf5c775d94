using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeHub.Documents.Following;

public static class FollowingServiceCollectionExtensions
{
    /// <summary>
    /// The node's one <see cref="ChangeFollower"/> (a hosted service), <see cref="ReadYourWrites"/> and
    /// <see cref="CommitFollowUp"/>; settings: section <c>Following</c>, validated at start. Idempotent: the documents
    /// and the search services both ask for it, and whichever asks first places it among the hosted services.
    /// Consumers register themselves as <see cref="IChangeConsumer"/>.
    /// </summary>
    public static IServiceCollection AddKnowledgeHubChangeFollower(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(ChangeFollower)))
        {
            return services;
        }

        services.AddOptions<FollowingOptions>()
            .Bind(configuration.GetSection(FollowingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChangeLog>();
        services.TryAddSingleton<AuditLog>();
        services.AddSingleton<ChangeFollower>();
        services.AddHostedService(provider => provider.GetRequiredService<ChangeFollower>());
        services.TryAddSingleton<ReadYourWrites>();
        services.TryAddSingleton<CommitFollowUp>();
        services.TryAddSingleton<UseCases.BoundedWrite>();
        return services;
    }
}

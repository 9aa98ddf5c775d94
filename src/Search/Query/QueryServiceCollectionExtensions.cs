using KnowledgeHub.Documents.Following;
using KnowledgeHub.Search.Glossary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Search.Querying;

public static class QueryServiceCollectionExtensions
{
    /// <summary>
    /// What the query builder reads queries with: the time zone of time words (<c>Search:TimeZone</c>, validated at
    /// start; replace <see cref="ISearchTimeZone"/> for per-user zones) and the published glossary, kept in step by a
    /// <see cref="GlossaryFollower"/> registered with the change follower.
    /// </summary>
    public static IServiceCollection AddKnowledgeHubQueryReading(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SearchQueryOptions>()
            .BindConfiguration(SearchQueryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ISearchTimeZone>(provider => new ConfiguredSearchTimeZone(provider.GetRequiredService<IOptions<SearchQueryOptions>>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GlossaryState>();
        services.AddSingleton<GlossaryFollower>();
        services.AddSingleton<IChangeConsumer>(provider => provider.GetRequiredService<GlossaryFollower>());
        return services;
    }
}

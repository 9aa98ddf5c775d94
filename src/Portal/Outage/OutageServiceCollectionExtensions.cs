using KnowledgeHub.Portal.Telemetry;
using KnowledgeHub.Storage;

namespace KnowledgeHub.Portal.Outage;

/// <summary>
/// Registers the outage answers: storage availability, the last-known blob cache, the index's stored documents (document
/// pages no cache holds) and the observed store around the real one.
/// </summary>
public static class OutageServiceCollectionExtensions
{
    public static IServiceCollection AddKnowledgeHubOutageAnswers(this IServiceCollection services)
    {
        services.AddSingleton<StorageAvailability>();
        services.AddSingleton<LastKnownBlobs>();
        services.AddSingleton<Search.IndexedDocuments>();
        services.TryAddSingletonTimeProvider();
        return services.ObserveBlobStore();
    }

    /// <summary>Wraps the <see cref="IBlobStore"/> registered last in <see cref="ObservedBlobStore"/> (tests that replace the store call it again).</summary>
    public static IServiceCollection ObserveBlobStore(this IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IBlobStore))
            ?? throw new InvalidOperationException("Register the blob store (AddKnowledgeHubStorage) before the portal.");
        services.Remove(registered);
        services.AddSingleton<IBlobStore>(provider => new ObservedBlobStore(
            Create(provider, registered),
            provider.GetRequiredService<StorageAvailability>(),
            provider.GetRequiredService<LastKnownBlobs>()));
        return services;
    }

    public static IApplicationBuilder UseKnowledgeHubOutageAnswers(this IApplicationBuilder app) => app.UseMiddleware<OutageAnswers>();

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    private static IBlobStore Create(IServiceProvider provider, ServiceDescriptor descriptor) =>
        descriptor switch
        {
            { ImplementationInstance: IBlobStore instance } => instance,
            { ImplementationFactory: { } factory } => (IBlobStore)factory(provider),
            { ImplementationType: { } type } => (IBlobStore)ActivatorUtilities.CreateInstance(provider, type),
            _ => throw new InvalidOperationException("The blob store registration cannot be wrapped."),
        };
}

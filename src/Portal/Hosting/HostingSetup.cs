namespace KnowledgeHub.Portal.Hosting;

/// <summary>What running as one of several nodes behind a proxy needs: a shared Data Protection key ring and forwarded headers.</summary>
public static class HostingSetup
{
    public static IServiceCollection AddPortalHosting(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPortalDataProtection(configuration).AddPortalForwardedHeaders(configuration);
}

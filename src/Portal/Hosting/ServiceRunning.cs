using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Outage;
using KnowledgeHub.Portal.RateLimits;
using KnowledgeHub.Portal.Telemetry;

namespace KnowledgeHub.Portal.Hosting;

/// <summary>Running the portal as a service: telemetry, rate limits, revocable API tokens and outage answers.</summary>
public static class ServiceRunning
{
    public static IServiceCollection AddKnowledgeHubServiceRunning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddKnowledgeHubTelemetry(configuration);
        services.AddKnowledgeHubRateLimits();
        services.AddSingleton<ApiTokenRegistry>();
        services.AddKnowledgeHubOutageAnswers();
        return services;
    }
}

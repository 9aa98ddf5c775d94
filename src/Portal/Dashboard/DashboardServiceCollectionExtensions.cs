using KnowledgeHub.Portal.Notifications;

namespace KnowledgeHub.Portal.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The home page's team dashboard, and its reporting-cadence reminders in the daily digest.</summary>
    public static IServiceCollection AddPortalDashboard(this IServiceCollection services)
    {
        services.AddSingleton<DashboardView>();
        services.AddSingleton<IDigestReminders, CadenceReminders>();
        return services;
    }
}

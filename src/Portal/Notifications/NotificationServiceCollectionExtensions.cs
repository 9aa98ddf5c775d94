using KnowledgeHub.Documents.Following;

namespace KnowledgeHub.Portal.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Notifications: settings <c>Smtp</c>, <c>Portal</c> and <c>Notifications</c> (validated at start), the in-app inbox,
    /// the change-log consumer that turns review steps and new action items into notifications, the daily digest, and the
    /// e-mail outbox with its retries.
    /// </summary>
    public static IServiceCollection AddPortalNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PortalSiteOptions>().Bind(configuration.GetSection(PortalSiteOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicUrl) || Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out _),
                "Portal:PublicUrl must be an absolute URL such as https://kb.example.com.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _),
                "Portal:TimeZone must be a time zone id such as Asia/Shanghai.")
            .ValidateOnStart();
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<Inbox>();
        services.AddSingleton<MailSender>();
        services.AddSingleton<MailOutbox>();
        services.AddHostedService<MailRetryService>();
        services.AddSingleton<NotificationComposer>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<NotificationEvents>();
        services.AddSingleton<NotificationConsumer>();
        services.AddSingleton<IChangeConsumer>(provider => provider.GetRequiredService<NotificationConsumer>());
        services.AddSingleton<DigestService>();
        services.AddHostedService(provider => provider.GetRequiredService<DigestService>());
        return services;
    }
}

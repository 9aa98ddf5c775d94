using Microsoft.AspNetCore.Authentication.Cookies;

namespace KnowledgeHub.Portal.Authentication;

/// <summary>
/// Sign-in, chosen once from <c>Authentication:Mode</c>: Entra ID (OpenID Connect + cookie for pages, bearer
/// tokens for <c>/api</c>) or the local demo users (cookie for pages, locally issued bearer tokens for <c>/api</c>).
/// A wrong combination stops the app at start with a sentence naming the setting.
/// </summary>
public static class AuthenticationSetup
{
    public const string LocalOnlyInDevelopment =
        "Local sign-in is for development only; set Authentication:Mode to EntraId in Production. Staging and every other environment but Development refuse it too.";

    public const string EntraIdNeedsClientId =
        "Authentication:Mode is EntraId but AzureAd:ClientId is not set.";

    public const string EntraIdNeedsTenantId =
        "Authentication:Mode is EntraId but AzureAd:TenantId is not set.";

    public const string EntraIdNeedsInstance =
        "Authentication:Mode is EntraId but AzureAd:Instance is not set.";

    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PortalAuthenticationOptions>()
            .BindConfiguration(PortalAuthenticationOptions.SectionName)
            .Configure(o => o.CopyEntraKeys(configuration))
            .Validate<IHostEnvironment>(
                (o, env) => o.Mode != AuthenticationMode.Local || env.IsDevelopment(),
                LocalOnlyInDevelopment)
            .Validate(o => o.Mode != AuthenticationMode.EntraId || !string.IsNullOrWhiteSpace(o.EntraClientId), EntraIdNeedsClientId)
            .Validate(o => o.Mode != AuthenticationMode.EntraId || !string.IsNullOrWhiteSpace(o.EntraTenantId), EntraIdNeedsTenantId)
            .Validate(
                o => o.Mode != AuthenticationMode.EntraId
                    || !string.IsNullOrWhiteSpace(o.EntraInstance)
                    || !string.IsNullOrWhiteSpace(o.EntraAuthority),
                EntraIdNeedsInstance)
            .ValidateOnStart();
        services.AddOptions<DirectoryOptions>().Bind(configuration);
        services.AddSingleton<GroupOverage>();

        var settings = PortalAuthenticationOptions.Read(configuration);
        if (settings.Mode == AuthenticationMode.EntraId && settings.EntraIdIsComplete)
        {
            services.AddEntraIdAuthentication(configuration);
        }
        else
        {
            // Local sign-in; also the inert registration when EntraId is chosen with keys missing,
            // which start-up validation then refuses with a sentence.
            services.AddLocalAuthentication();
        }

        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .PostConfigure<IHostEnvironment>((o, environment) =>
            {
                o.Cookie.Name = "KnowledgeHub.Auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookiePolicy.SecurePolicy(environment);
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);

                // A signed-in user who may not do something gets the friendly 403 page, not a redirect.
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.AddPortalAuthorization();
        return services;
    }
}

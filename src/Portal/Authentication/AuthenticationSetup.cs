using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;

namespace KnowledgeHub.Portal.Authentication;

/// <summary>Sign-in, chosen once from <c>Authentication:Mode</c>; a wrong combination stops the app at start with a sentence.</summary>
public static class AuthenticationSetup
{
    public const string LocalOnlyInDevelopment =
        "Local sign-in is for development only; set Authentication:Mode to EntraId in Production.";

    public const string EntraIdNeedsClientId =
        "Authentication:Mode is EntraId but AzureAd:ClientId is not set.";

    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PortalAuthenticationOptions>()
            .BindConfiguration(PortalAuthenticationOptions.SectionName)
            .Configure(o => o.EntraClientId = configuration["AzureAd:ClientId"])
            .Validate<IHostEnvironment>(
                (o, env) => o.Mode != AuthenticationMode.Local || !env.IsProduction(),
                LocalOnlyInDevelopment)
            .Validate(
                o => o.Mode != AuthenticationMode.EntraId || !string.IsNullOrWhiteSpace(o.EntraClientId),
                EntraIdNeedsClientId)
            .ValidateOnStart();
        services.AddOptions<DirectoryOptions>().Bind(configuration);

        var mode = configuration.GetValue(
            $"{PortalAuthenticationOptions.SectionName}:{nameof(PortalAuthenticationOptions.Mode)}",
            AuthenticationMode.EntraId);
        var clientId = configuration["AzureAd:ClientId"];
        if (mode == AuthenticationMode.EntraId && !string.IsNullOrWhiteSpace(clientId))
        {
            services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(configuration.GetSection("AzureAd"));

            // The cookie holds the session and answers "forbidden" with the 403 page; Entra ID is only asked to sign in.
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
                o.DefaultForbidScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            });
        }
        else
        {
            // Local sign-in; also the inert registration when EntraId is chosen without a client id,
            // which start-up validation then refuses with a sentence.
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(o =>
                {
                    o.LoginPath = "/Account/SignIn";
                    o.LogoutPath = "/Account/SignOut";
                });
        }

        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o =>
        {
            o.Cookie.Name = "KnowledgeHub.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);

            // A signed-in user who may not do something gets the friendly 403 page, not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        return services;
    }
}

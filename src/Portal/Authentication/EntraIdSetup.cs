using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeHub.Portal.Authentication;

/// <summary>
/// Entra ID through Microsoft.Identity.Web: OpenID Connect + cookie for pages, bearer tokens for <c>/api</c>.
/// After Microsoft.Identity.Web has configured both handlers, the portal applies what it decides itself:
/// Entra-shaped claim names (<c>name</c>, <c>roles</c>, unmapped), group-overage logging, and the optional keys
/// <c>AzureAd:Authority</c>, <c>AzureAd:ValidIssuer</c>, <c>AzureAd:Audience</c> and <c>AzureAd:RequireHttpsMetadata</c>
/// (Microsoft.Identity.Web does not apply the last one to every handler).
/// </summary>
public static class EntraIdSetup
{
    public static IServiceCollection AddEntraIdAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var azureAd = configuration.GetSection(EntraIdKeys.Section);
        var web = services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApp(azureAd, OpenIdConnectDefaults.AuthenticationScheme, CookieAuthenticationDefaults.AuthenticationScheme);
        if (People.GraphScopes.UsesGraph(configuration))
        {
            // The people pickers call Graph as the signed-in user: consent to the delegated scopes at sign-in, keep the tokens.
            web.EnableTokenAcquisitionToCallDownstreamApi([.. People.GraphScopes.Delegated]).AddInMemoryTokenCaches();
        }

        services.AddAuthentication()
            .AddMicrosoftIdentityWebApi(azureAd, JwtBearerDefaults.AuthenticationScheme);

        // The cookie holds the session and answers "forbidden" with the 403 page; Entra ID is only asked to sign in.
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            o.DefaultForbidScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        });

        var settings = EntraIdSettings.Read(configuration);

        // Registered after AddMicrosoftIdentityWeb*, so these run after its own Configure actions and before the
        // handlers' PostConfigure builds the metadata retrieval from Authority and RequireHttpsMetadata.
        services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure<GroupOverage>((o, overage) =>
            {
                o.MapInboundClaims = false;
                o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                if (settings.Authority is { } authority)
                {
                    o.Authority = authority;
                }

                Apply(o.TokenValidationParameters, settings, audiences: null);
                var validated = o.Events.OnTokenValidated;
                o.Events.OnTokenValidated = async context =>
                {
                    overage.Check(context.Principal, OpenIdConnectDefaults.AuthenticationScheme);
                    await validated(context);
                };
            });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<GroupOverage>((o, overage) =>
            {
                o.MapInboundClaims = false;
                o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                if (settings.Authority is { } authority)
                {
                    o.Authority = authority;
                }

                Apply(o.TokenValidationParameters, settings, settings.ApiAudiences);
                o.Events ??= new JwtBearerEvents();
                ApiBearerEvents.Attach(o.Events, overage);
            });
        return services;
    }

    private static void Apply(TokenValidationParameters parameters, EntraIdSettings settings, IReadOnlyList<string>? audiences)
    {
        parameters.NameClaimType = CallerClaims.Name;
        parameters.RoleClaimType = CallerClaims.Roles;
        if (settings.ValidIssuer is { } issuer)
        {
            // An exact issuer (a test stand-in, a sovereign cloud) instead of Microsoft.Identity.Web's Entra issuer check.
            parameters.IssuerValidator = null;
            parameters.ValidIssuer = issuer;
            parameters.ValidateIssuer = true;
        }

        if (audiences is not null)
        {
            parameters.AudienceValidator = null;
            parameters.ValidAudience = null;
            parameters.ValidAudiences = audiences;
            parameters.ValidateAudience = true;
        }
    }
}

/// <summary>The <c>AzureAd</c> keys the portal applies itself.</summary>
public sealed record EntraIdSettings(string ClientId, string? Authority, string? ValidIssuer, IReadOnlyList<string> ApiAudiences, bool RequireHttpsMetadata)
{
    public static EntraIdSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var clientId = configuration[EntraIdKeys.ClientId] ?? "";
        var audiences = new List<string> { clientId, "api://" + clientId };
        if (Value(configuration, EntraIdKeys.Audience) is { } audience && !audiences.Contains(audience, StringComparer.Ordinal))
        {
            audiences.Add(audience);
        }

        return new EntraIdSettings(
            clientId,
            Value(configuration, EntraIdKeys.Authority),
            Value(configuration, EntraIdKeys.ValidIssuer),
            audiences,
            configuration.GetValue(EntraIdKeys.RequireHttpsMetadata, true));
    }

    private static string? Value(IConfiguration configuration, string key) =>
        string.IsNullOrWhiteSpace(configuration[key]) ? null : configuration[key]!.Trim();
}

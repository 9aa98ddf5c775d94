using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeHub.Portal.Authentication;

/// <summary>
/// Local sign-in: demo users in a cookie for pages, and for <c>/api</c> only the tokens this install issues on
/// /Account/Token (HMAC-SHA256 with the per-install key; issuer, audience, lifetime and signature all checked).
/// </summary>
public static class LocalSetup
{
    public static IServiceCollection AddLocalAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<LocalTokenKeyStore>();
        services.AddHostedService(provider => provider.GetRequiredService<LocalTokenKeyStore>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LocalTokenIssuer>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/Account/SignIn";
                o.LogoutPath = "/Account/SignOut";
            })
            .AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, _ => { });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<LocalTokenKeyStore, GroupOverage>((o, keys, overage) =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = LocalTokenIssuer.Issuer,
                    ValidAudience = LocalTokenIssuer.Audience,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidateIssuerSigningKey = true,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    IssuerSigningKeyResolver = (_, _, _, _) => keys.Current is { } key ? [key] : [],
                    ClockSkew = TimeSpan.FromMinutes(1),
                    NameClaimType = CallerClaims.Name,
                    RoleClaimType = CallerClaims.Roles,
                };
                ApiBearerEvents.Attach(o.Events, overage);
            });
        return services;
    }
}

using System.Security.Cryptography;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeHub.Portal.Tests.Authentication;

/// <summary>
/// The portal in Production with Entra ID configured for a loopback stand-in issuer (as the browser test's
/// oidc-provider): Microsoft.Identity.Web does all its own configuration; only the issuer's metadata (endpoints
/// and signing key) is given statically, since no identity provider listens here.
/// </summary>
public sealed class EntraIdPortal : IDisposable
{
    public const string Tenant = "7e4a0000-0000-4000-8000-0000000000aa";
    public const string ClientId = "0c11e000-0000-4000-8000-0000000000c1";
    public const string Instance = "http://127.0.0.1:5999/";
    public const string Issuer = "http://127.0.0.1:5999/" + Tenant + "/v2.0";
    public const string AuthorizationEndpoint = Issuer + "/authorize";

    public static readonly Dictionary<string, string> Settings = new()
    {
        ["Authentication:Mode"] = "EntraId",
        ["AzureAd:Instance"] = Instance,
        ["AzureAd:TenantId"] = Tenant,
        ["AzureAd:ClientId"] = ClientId,
        ["AzureAd:RequireHttpsMetadata"] = "false",
        ["AzureAd:ValidIssuer"] = Issuer,

        // Production imports no samples by default; these tests read the test content's documents.
        ["Documents:ImportSamples"] = "true",
    };

    private readonly RSA _rsa = RSA.Create(2048);

    public EntraIdPortal()
    {
        SigningKey = new RsaSecurityKey(_rsa) { KeyId = "stand-in-key" };
        Portal = PortalFactory.With("Production", Settings, services =>
        {
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.Configuration = Metadata());
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                o.Configuration = Metadata();
                var redirect = o.Events.OnRedirectToIdentityProvider;
                o.Events.OnRedirectToIdentityProvider = async context =>
                {
                    ReturnUrls.Add(context.Properties.RedirectUri);
                    await redirect(context);
                };
            });
        });
    }

    public PortalFactory Portal { get; }

    public RsaSecurityKey SigningKey { get; }

    /// <summary>Where each sign-in challenge will return after Entra ID.</summary>
    public List<string?> ReturnUrls { get; } = [];

    /// <summary>A token as Entra ID issues it for this API (v2: audience is the client id), signed by the stand-in.</summary>
    public string Token(Dictionary<string, object> claims, string audience = ClientId, string issuer = Issuer, SecurityKey? key = null, DateTime? expires = null)
    {
        claims.TryAdd("ver", "2.0");
        var notBefore = expires is { } e && e < DateTime.UtcNow ? e.AddHours(-1) : (DateTime?)null;
        return BearerTokens.Mint(key ?? SigningKey, SecurityAlgorithms.RsaSha256, issuer, audience, claims, notBefore, expires);
    }

    public void Dispose()
    {
        Portal.Dispose();
        _rsa.Dispose();
    }

    private OpenIdConnectConfiguration Metadata()
    {
        var metadata = new OpenIdConnectConfiguration
        {
            Issuer = Issuer,
            AuthorizationEndpoint = AuthorizationEndpoint,
            TokenEndpoint = Issuer + "/token",
            EndSessionEndpoint = Issuer + "/logout",
        };
        metadata.SigningKeys.Add(SigningKey);
        return metadata;
    }
}

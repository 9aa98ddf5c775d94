using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeHub.Portal.Tests.Authentication;

/// <summary>Entra ID mode through Microsoft.Identity.Web, against a loopback issuer: configuration, sign-in challenge, API tokens.</summary>
public sealed class EntraIdTests(EntraIdPortal entra) : IClassFixture<EntraIdPortal>
{
    private const string Internal = "retro-2026-618-campaign";

    [Fact]
    public async Task Microsoft_Identity_Web_builds_the_authority_from_Instance_and_TenantId_and_the_portal_applies_its_own_keys()
    {
        await entra.Portal.CreateReadyClientAsync();
        var oidc = entra.Portal.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var bearer = entra.Portal.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

        foreach (var (authority, requireHttps, mapClaims, parameters) in new[]
        {
            (oidc.Authority, oidc.RequireHttpsMetadata, oidc.MapInboundClaims, oidc.TokenValidationParameters),
            (bearer.Authority, bearer.RequireHttpsMetadata, bearer.MapInboundClaims, bearer.TokenValidationParameters),
        })
        {
            Assert.Equal(EntraIdPortal.Issuer, authority);
            Assert.False(requireHttps);
            Assert.False(mapClaims);
            Assert.Equal("name", parameters.NameClaimType);
            Assert.Equal("roles", parameters.RoleClaimType);
            Assert.Equal(EntraIdPortal.Issuer, parameters.ValidIssuer);
            Assert.Null(parameters.IssuerValidator);
        }

        Assert.Equal(EntraIdPortal.ClientId, oidc.ClientId);
        Assert.Equal("/signin-oidc", oidc.CallbackPath);
        Assert.Equal("/signout-callback-oidc", oidc.SignedOutCallbackPath);
        Assert.Equal("id_token", oidc.ResponseType);
        Assert.Equal("form_post", oidc.ResponseMode);
        Assert.Equal([EntraIdPortal.ClientId, "api://" + EntraIdPortal.ClientId], bearer.TokenValidationParameters.ValidAudiences);
    }

    [Fact]
    public async Task Without_the_optional_keys_metadata_must_be_https_and_Entra_checks_the_issuer()
    {
        await using var portal = PortalFactory.With("Production", new Dictionary<string, string>
        {
            ["Authentication:Mode"] = "EntraId",
            ["AzureAd:TenantId"] = EntraIdPortal.Tenant,
            ["AzureAd:ClientId"] = EntraIdPortal.ClientId,
        });
        await portal.CreateReadyClientAsync();

        var oidc = portal.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var bearer = portal.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

        Assert.Equal($"https://login.microsoftonline.com/{EntraIdPortal.Tenant}/v2.0", oidc.Authority);
        Assert.Equal(oidc.Authority, bearer.Authority);
        Assert.True(oidc.RequireHttpsMetadata);
        Assert.True(bearer.RequireHttpsMetadata);
        Assert.NotNull(bearer.TokenValidationParameters.IssuerValidator);
    }

    [Fact]
    public async Task AzureAd_Authority_replaces_the_authority_built_from_Instance_and_TenantId()
    {
        var settings = new Dictionary<string, string>(EntraIdPortal.Settings) { ["AzureAd:Authority"] = "http://127.0.0.1:5998/other/v2.0" };
        await using var portal = PortalFactory.With("Production", settings);
        await portal.CreateReadyClientAsync();

        var oidc = portal.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var bearer = portal.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

        Assert.Equal("http://127.0.0.1:5998/other/v2.0", oidc.Authority);
        Assert.Equal("http://127.0.0.1:5998/other/v2.0", bearer.Authority);
    }

    [Fact]
    public async Task The_session_cookie_is_secure_http_only_and_same_site_lax_outside_Development()
    {
        await entra.Portal.CreateReadyClientAsync();

        var cookie = entra.Portal.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme).Cookie;

        Assert.Equal(CookieSecurePolicy.Always, cookie.SecurePolicy);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, cookie.SameSite);
    }

    [Theory]
    [InlineData("/Search?q=campaign", "/Search?q=campaign")]
    [InlineData("/Account/SignIn?ReturnUrl=%2FDocuments%2Fretro-2026-618-campaign", "/Documents/retro-2026-618-campaign")]
    [InlineData("/Account/SignIn?ReturnUrl=https%3A%2F%2Fevil.example%2F", "/")]
    [InlineData("/Account/SignIn?ReturnUrl=%2F%2Fevil.example%2F", "/")]
    public async Task A_visitor_is_sent_to_Entra_ID_and_comes_back_only_to_a_page_of_this_site(string url, string returnsTo)
    {
        var client = await entra.Portal.CreateReadyClientAsync();
        entra.ReturnUrls.Clear();

        var response = await client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(EntraIdPortal.AuthorizationEndpoint + "?", location.AbsoluteUri);
        Assert.Contains("client_id=" + EntraIdPortal.ClientId, location.Query);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString("http://localhost/signin-oidc"), location.Query);
        Assert.Equal(returnsTo, Assert.Single(entra.ReturnUrls));
    }

    [Fact]
    public async Task Forms_may_post_to_this_site_and_to_Entra_ID_only_so_signing_out_can_reach_its_end_session_endpoint()
    {
        var client = await entra.Portal.CreateReadyClientAsync();

        var response = await client.GetWithTokenAsync("/healthz", null);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("form-action 'self' http://127.0.0.1:5999;", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_answers_401_to_a_call_without_a_token_never_a_redirect_to_Entra_ID()
    {
        var client = await entra.Portal.CreateReadyClientAsync();

        var response = await client.GetWithTokenAsync("/api/v1/search?q=campaign", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    public static TheoryData<string, HttpStatusCode> Tokens => new()
    {
        { "app role, audience = client id", HttpStatusCode.OK },
        { "app role, audience = api://client id", HttpStatusCode.OK },
        { "delegated scope only, no app role", HttpStatusCode.OK },
        { "neither app role nor scope", HttpStatusCode.Unauthorized },
        { "wrong audience", HttpStatusCode.Unauthorized },
        { "wrong issuer", HttpStatusCode.Unauthorized },
        { "expired", HttpStatusCode.Unauthorized },
        { "tampered", HttpStatusCode.Unauthorized },
        { "signed with another key", HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(Tokens))]
    public async Task The_API_accepts_exactly_the_Entra_tokens_issued_for_it(string kind, HttpStatusCode expected)
    {
        var client = await entra.Portal.CreateReadyClientAsync();
        var token = TokenOf(kind);

        var response = await client.GetWithTokenAsync("/api/v1/documents/" + Internal, token);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_token_with_group_overage_gives_no_groups_and_logs_a_warning_with_a_hash_of_the_oid()
    {
        var client = await entra.Portal.CreateReadyClientAsync();
        var claims = BearerTokens.ClaimsOf(TestUsers.Bob with { ObjectId = "b0b0e000-0000-4000-8000-0000000000ee", Groups = [] });
        claims["_claim_names"] = new JsonObject { ["groups"] = "src1" };

        var search = await client.GetWithTokenAsync("/api/v1/search?q=quillfeather", entra.Token(claims));

        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal(0, JsonDocument.Parse(await search.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32());
        Assert.Contains(
            entra.Portal.Logs.AtLeast(LogLevel.Warning),
            e => e.Category == typeof(GroupOverage).FullName && e.Message.Contains(GroupOverage.UserHash("b0b0e000-0000-4000-8000-0000000000ee")));
    }

    [Fact]
    public async Task The_token_page_explains_where_Entra_tokens_come_from_and_issues_none()
    {
        await using var portal = PortalFactory.With("Production", EntraIdPortal.Settings, TestAuthenticationHandler.AddTo);
        var client = await portal.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Add(TestAuthenticationHandler.Header, TestAuthenticationHandler.Encode(TestUsers.Bob));

        var page = await client.GetDocumentAsync("/Account/Token");

        Assert.Contains("az account get-access-token --resource api://" + EntraIdPortal.ClientId, page.QuerySelector("pre")!.TextContent);
        Assert.Null(page.QuerySelector("form.token-form"));
    }

    private string TokenOf(string kind)
    {
        var claims = BearerTokens.ClaimsOf(TestUsers.Dave);
        return kind switch
        {
            "app role, audience = client id" => entra.Token(claims),
            "app role, audience = api://client id" => entra.Token(claims, audience: "api://" + EntraIdPortal.ClientId),
            "delegated scope only, no app role" => entra.Token(Without(claims, "roles", ("scp", "access_as_user"))),
            "neither app role nor scope" => entra.Token(Without(claims, "roles")),
            "wrong audience" => entra.Token(claims, audience: "1a2b0000-0000-4000-8000-0000000000ff"),
            "wrong issuer" => entra.Token(claims, issuer: "https://login.microsoftonline.com/" + EntraIdPortal.Tenant + "/v2.0"),
            "expired" => entra.Token(claims, expires: DateTime.UtcNow.AddMinutes(-10)),
            "tampered" => BearerTokens.Tamper(entra.Token(claims), p => p["roles"] = new JsonArray("Admin")),
            "signed with another key" => entra.Token(claims, key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "stand-in-key" }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static Dictionary<string, object> Without(Dictionary<string, object> claims, string type, (string Type, string Value)? add = null)
    {
        var copy = new Dictionary<string, object>(claims);
        copy.Remove(type);
        if (add is { } extra)
        {
            copy[extra.Type] = extra.Value;
        }

        return copy;
    }
}

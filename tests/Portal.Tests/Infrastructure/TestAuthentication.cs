using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KnowledgeHub.Portal.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Tests.Infrastructure;

/// <summary>
/// An Entra-shaped identity for the test sign-in: the claims Entra ID would put in a token (oid, tid, name,
/// preferred_username, one <c>roles</c> claim per role, one <c>groups</c> claim per group) plus any extra claims
/// (e.g. <c>_claim_names</c> for group overage).
/// </summary>
public sealed record TestIdentity
{
    public const string DemoTenant = "7e4a0000-0000-4000-8000-0000000000aa";

    public required string ObjectId { get; init; }

    public required string Name { get; init; }

    public string UserName { get; init; } = "";

    public string TenantId { get; init; } = DemoTenant;

    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlyList<string> Groups { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> ExtraClaims { get; init; } = [];

    public ClaimsPrincipal ToPrincipal(string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(CallerClaims.ObjectId, ObjectId),
            new(CallerClaims.TenantId, TenantId),
            new(CallerClaims.Name, Name),
            new(CallerClaims.PreferredUserName, UserName),
        };
        claims.AddRange(Roles.Select(r => new Claim(CallerClaims.Roles, r)));
        claims.AddRange(Groups.Select(g => new Claim(CallerClaims.Groups, g)));
        claims.AddRange(ExtraClaims.Select(c => new Claim(c.Key, c.Value)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, CallerClaims.Name, CallerClaims.Roles));
    }
}

/// <summary>The demo users of the brief (the same oids, roles and groups as appsettings.Development.json).</summary>
public static class TestUsers
{
    public const string Ops = "0a5e0000-0000-4000-8000-00000000a001";
    public const string Research = "2e5ea2c4-0000-4000-8000-00000000a002";

    public static TestIdentity Alice { get; } = new()
    {
        ObjectId = "a11ce000-0000-4000-8000-000000000001", Name = "王丽 Alice Wang", UserName = "alice",
        Roles = ["Contributor"], Groups = [Ops],
    };

    public static TestIdentity Bob { get; } = new()
    {
        ObjectId = "b0b00000-0000-4000-8000-000000000002", Name = "陈波 Bob Chen", UserName = "bob",
        Roles = ["Contributor", "Reviewer"], Groups = [Ops, Research],
    };

    public static TestIdentity Carol { get; } = new()
    {
        ObjectId = "ca201000-0000-4000-8000-000000000003", Name = "Carol Li", UserName = "carol",
        Roles = ["Admin", "Contributor"],
    };

    public static TestIdentity Dave { get; } = new()
    {
        ObjectId = "da7e0000-0000-4000-8000-000000000004", Name = "周迪 Dave Zhou", UserName = "dave",
        Roles = ["Reader"],
    };
}

/// <summary>
/// The test sign-in: a request carrying <see cref="Header"/> (a <see cref="TestIdentity"/> as base64url JSON) is
/// signed in as that identity, for pages AND for <c>/api</c> (the API policy keeps its requirements, over this
/// scheme instead of the bearer one). No header: anonymous, and a challenge answers 401.
/// </summary>
public sealed class TestAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-Identity";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Encode(TestIdentity identity) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(identity, Json))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Registers the scheme as every default and as the API policy's scheme; for <c>PortalFactory.With(..., configureServices)</c>.</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(SchemeName, _ => { });
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = SchemeName;
            o.DefaultAuthenticateScheme = SchemeName;
            o.DefaultChallengeScheme = SchemeName;
            o.DefaultForbidScheme = SchemeName;
            o.DefaultSignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.DefaultSignOutScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        });
        services.PostConfigure<AuthorizationOptions>(o => o.AddPolicy(PortalPolicies.Api, PortalPolicies.ApiPolicy(SchemeName)));
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value) || string.IsNullOrEmpty(value))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var base64 = value.ToString().Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var identity = JsonSerializer.Deserialize<TestIdentity>(Convert.FromBase64String(base64), Json)
            ?? throw new InvalidOperationException("The test identity header is empty.");
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(identity.ToPrincipal(SchemeName), SchemeName)));
    }
}

/// <summary>A portal (Development, local content) where requests sign in with <see cref="TestAuthenticationHandler.Header"/>.</summary>
public sealed class TestSignInPortalFactory : PortalFactory
{
    public TestSignInPortalFactory()
        : base("Development", null, TestAuthenticationHandler.AddTo)
    {
    }

    /// <summary>A client whose every request is signed in as <paramref name="identity"/> (cookies kept, redirects not followed).</summary>
    public HttpClient CreateClientAs(TestIdentity identity)
    {
        var client = CreatePortalClient();
        client.DefaultRequestHeaders.Add(TestAuthenticationHandler.Header, TestAuthenticationHandler.Encode(identity));
        return client;
    }

    /// <summary>As <see cref="CreateClientAs"/>, once the portal reports healthy (the index has caught up).</summary>
    public async Task<HttpClient> CreateReadyClientAsAsync(TestIdentity identity)
    {
        await CreateReadyClientAsync();
        return CreateClientAs(identity);
    }
}

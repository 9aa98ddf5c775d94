using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeHub.Portal.Tests.Authentication;

/// <summary>Local mode: the token page issues a real bearer token, the API accepts exactly that and refuses every forgery.</summary>
public sealed class LocalApiTokenTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Confidential = "retro-2026-research-pricing";
    private const string Internal = "retro-2026-618-campaign";

    [Fact]
    public async Task A_token_from_the_token_page_searches_and_reads_as_the_signed_in_user()
    {
        var bob = await portal.CreateReadyClientAsync();
        await bob.SignInAsync("bob");
        var token = await bob.CreateOnTokenPageAsync();
        var script = portal.CreatePortalClient();

        var search = await script.GetWithTokenAsync("/api/v1/search?q=quillfeather", token);
        var document = await script.GetWithTokenAsync("/api/v1/documents/" + Confidential, token);

        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal([Confidential], Ids(await Json(search)));
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Contains("quillfeather", (await Json(document)).GetProperty("markdown").GetString());
    }

    [Fact]
    public async Task A_token_acts_only_as_its_user()
    {
        var alice = await portal.CreateReadyClientAsync();
        await alice.SignInAsync("alice");
        var token = await alice.CreateOnTokenPageAsync();
        var script = portal.CreatePortalClient();

        var search = await Json(await script.GetWithTokenAsync("/api/v1/search?q=quillfeather", token));
        var document = await script.GetWithTokenAsync("/api/v1/documents/" + Confidential, token);

        Assert.Equal(0, search.GetProperty("total").GetInt32());
        Assert.Empty(Ids(search));
        Assert.Equal(HttpStatusCode.NotFound, document.StatusCode);
    }

    [Fact]
    public async Task The_token_carries_the_users_Entra_shaped_claims_and_lasts_eight_hours()
    {
        var bob = await portal.CreateReadyClientAsync();
        await bob.SignInAsync("bob");

        var payload = BearerTokens.Payload(await bob.CreateOnTokenPageAsync());

        Assert.Equal("knowledgehub-local", (string?)payload["iss"]);
        Assert.Equal("api://knowledgehub-local", (string?)payload["aud"]);
        Assert.Equal(TestUsers.Bob.ObjectId, (string?)payload["oid"]);
        Assert.Equal(TestIdentity.DemoTenant, (string?)payload["tid"]);
        Assert.Equal("陈波 Bob Chen", (string?)payload["name"]);
        Assert.Equal("bob", (string?)payload["preferred_username"]);
        Assert.Equal(["Contributor", "Reviewer"], payload["roles"]!.AsArray().Select(r => (string?)r));
        Assert.Equal([TestUsers.Ops, TestUsers.Research], payload["groups"]!.AsArray().Select(g => (string?)g));
        Assert.Equal(8 * 3600, (long)payload["exp"]! - (long)payload["iat"]!);
    }

    public static TheoryData<string> RefusedTokens =>
    [
        "none", "garbage", "tampered", "expired", "not yet valid", "wrong audience", "wrong issuer", "other key", "unsigned",
    ];

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task The_API_refuses_a_request_without_a_valid_token_with_401_and_a_Bearer_challenge(string kind)
    {
        var token = await TokenAsync(kind);
        var client = portal.CreatePortalClient();

        foreach (var url in new[] { "/api/v1/search?q=quillfeather", "/api/v1/documents/" + Internal })
        {
            var response = await client.GetWithTokenAsync(url, token);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.DoesNotContain("quillfeather", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_page_cookie_alone_never_authorizes_the_API()
    {
        var bob = await portal.CreateReadyClientAsync();
        await bob.SignInAsync("bob");

        var api = await bob.GetPageAsync("/api/v1/documents/" + Internal);
        var page = await bob.GetPageAsync("/Documents/" + Internal);

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_token_never_signs_in_a_page()
    {
        var bob = await portal.CreateReadyClientAsync();
        await bob.SignInAsync("bob");
        var token = await bob.CreateOnTokenPageAsync();

        var page = await portal.CreatePortalClient().GetWithTokenAsync("/Documents/" + Internal, token);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/SignIn", page.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_token_page_is_for_signed_in_users_only()
    {
        var anonymous = await portal.CreateReadyClientAsync();

        var page = await anonymous.GetPageAsync("/Account/Token");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/SignIn", page.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_signing_key_is_created_at_first_start_in_the_blob_store_and_is_at_least_256_bits()
    {
        await portal.CreateReadyClientAsync();

        var blob = await portal.Services.GetRequiredService<IBlobStore>().ReadAsync(LocalTokenKeyStore.BlobName, CancellationToken.None);

        Assert.NotNull(blob);
        Assert.True(Convert.FromBase64String(Encoding.ASCII.GetString(blob.Content.Span)).Length >= 32);
    }

    private async Task<string?> TokenAsync(string kind)
    {
        var key = await portal.Services.GetRequiredService<LocalTokenKeyStore>().GetAsync(CancellationToken.None);
        var claims = BearerTokens.ClaimsOf(TestUsers.Bob);
        string Mint(SecurityKey k, string issuer = LocalTokenIssuer.Issuer, string audience = LocalTokenIssuer.Audience, DateTime? notBefore = null, DateTime? expires = null) =>
            BearerTokens.Mint(k, SecurityAlgorithms.HmacSha256, issuer, audience, claims, notBefore, expires);

        return kind switch
        {
            "none" => null,
            "garbage" => "not-a-token",
            "tampered" => BearerTokens.Tamper(Mint(key), p => p["oid"] = TestUsers.Carol.ObjectId),
            "expired" => Mint(key, notBefore: DateTime.UtcNow.AddHours(-9), expires: DateTime.UtcNow.AddHours(-1)),
            "not yet valid" => Mint(key, notBefore: DateTime.UtcNow.AddHours(1), expires: DateTime.UtcNow.AddHours(9)),
            "wrong audience" => Mint(key, audience: "api://someone-else"),
            "wrong issuer" => Mint(key, issuer: "https://evil.example/"),
            "other key" => Mint(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64))),
            "unsigned" => BearerTokens.WithoutSignature(Mint(key)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static string[] Ids(JsonElement search) =>
        search.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToArray();
}

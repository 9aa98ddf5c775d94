using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeHub.Portal.Tests.Tokens;

/// <summary>API tokens are listed on the token page, each revocable; signing out revokes them all; a revoked token or one naming no user gets 401.</summary>
public sealed class TokenRevocationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Search = "/api/v1/search?q=quillfeather";

    [Fact]
    public async Task A_token_is_listed_and_once_revoked_on_the_token_page_the_API_answers_401_with_a_sentence()
    {
        var bob = await SignedInAsync("bob");
        var token = await bob.CreateOnTokenPageAsync();
        var script = portal.CreatePortalClient();
        script.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var before = await script.GetWithTokenAsync(Search, token);
        var page = await bob.GetDocumentAsync("/Account/Token");
        var row = page.QuerySelector($"tr.api-token[data-token-id='{(string)BearerTokens.Payload(token)["jti"]!}']");

        var revoked = await HtmlHelpers.GetDocumentAsync(await bob.SubmitAsync(row!.QuerySelector<IHtmlFormElement>("form.token-revoke")!));
        var after = await script.GetWithTokenAsync(Search, token);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("active", row.GetAttribute("data-state"));
        Assert.Equal("revoked", revoked.QuerySelector($"tr.api-token[data-token-id='{(string)BearerTokens.Payload(token)["jti"]!}']")!.GetAttribute("data-state"));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("revoked", JsonDocument.Parse(await after.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Signing_out_revokes_every_token_of_the_user_and_only_theirs()
    {
        var alice = await SignedInAsync("alice");
        var first = await alice.CreateOnTokenPageAsync();
        var second = await alice.CreateOnTokenPageAsync();
        var dave = await SignedInAsync("dave");
        var davesToken = await dave.CreateOnTokenPageAsync();
        var script = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await script.GetWithTokenAsync(Search, first)).StatusCode);

        var signOut = await alice.GetDocumentAsync("/Account/SignOut");
        var response = await alice.SubmitAsync(signOut.QuerySelector<IHtmlFormElement>("main form")!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetWithTokenAsync(Search, first)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetWithTokenAsync(Search, second)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetWithTokenAsync(Search, davesToken)).StatusCode);

        // Signed in again, a new token works: the sign-out refused what came before it only.
        await alice.SignInAsync("alice");
        Assert.Equal(HttpStatusCode.OK, (await script.GetWithTokenAsync(Search, await alice.CreateOnTokenPageAsync())).StatusCode);
    }

    [Fact]
    public async Task A_correctly_signed_token_without_an_oid_gets_401_naming_the_missing_claim()
    {
        await portal.CreateReadyClientAsync();
        var key = await portal.Services.GetRequiredService<LocalTokenKeyStore>().GetAsync(CancellationToken.None);
        var claims = BearerTokens.ClaimsOf(TestUsers.Bob);
        claims.Remove("oid");
        var token = BearerTokens.Mint(key, SecurityAlgorithms.HmacSha256, LocalTokenIssuer.Issuer, LocalTokenIssuer.Audience, claims);
        var script = portal.CreatePortalClient();
        script.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await script.GetWithTokenAsync(Search, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("oid", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_token_signed_with_the_key_but_never_issued_gets_401()
    {
        await portal.CreateReadyClientAsync();
        var key = await portal.Services.GetRequiredService<LocalTokenKeyStore>().GetAsync(CancellationToken.None);
        var claims = BearerTokens.ClaimsOf(TestUsers.Bob);
        claims["jti"] = "0123456789abcdef0123456789abcdef";
        var token = BearerTokens.Mint(key, SecurityAlgorithms.HmacSha256, LocalTokenIssuer.Issuer, LocalTokenIssuer.Audience, claims);

        var response = await portal.CreatePortalClient().GetWithTokenAsync(Search, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_list_is_kept_in_the_blob_store_so_a_revocation_on_one_node_holds_on_another()
    {
        // A second portal process over the same storage (its own index), as a second node would be.
        await using var other = PortalFactory.With("Development", new Dictionary<string, string>
        {
            ["Storage:FileSystem:RootPath"] = Path.Combine(portal.Root, "blobs"),
        });
        var carol = await SignedInAsync("carol");
        var token = await carol.CreateOnTokenPageAsync();
        var otherScript = other.CreatePortalClient();
        await other.CreateReadyClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await otherScript.GetWithTokenAsync(Search, token)).StatusCode);

        await portal.Services.GetRequiredService<ApiTokenRegistry>().RevokeAsync(
            TestUsers.Carol.ObjectId, (string)BearerTokens.Payload(token)["jti"]!, CancellationToken.None);

        // The other node caches the list briefly (ApiTokenRegistry.CacheFor); it refuses the token once that is over.
        var deadline = DateTime.UtcNow + ApiTokenRegistry.CacheFor + TimeSpan.FromSeconds(10);
        HttpStatusCode status;
        do
        {
            status = (await otherScript.GetWithTokenAsync(Search, token)).StatusCode;
            await Task.Delay(200);
        }
        while (status == HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.NotNull(await other.Services.GetRequiredService<KnowledgeHub.Storage.IBlobStore>()
            .ReadAsync(ApiTokenRegistry.BlobName(TestUsers.Carol.ObjectId), CancellationToken.None));
    }

    [Theory]
    [InlineData("no-such-token")]
    [InlineData("")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Revoking_an_id_that_is_none_of_the_users_tokens_answers_404_with_a_sentence_and_writes_nothing(string id)
    {
        var dave = await SignedInAsync("dave");
        var token = await dave.CreateOnTokenPageAsync();
        var store = portal.Services.GetRequiredService<KnowledgeHub.Storage.IBlobStore>();
        var blob = ApiTokenRegistry.BlobName(TestUsers.Dave.ObjectId);
        var before = await store.ReadAsync(blob, CancellationToken.None);
        var page = await dave.GetDocumentAsync("/Account/Token");
        var form = page.QuerySelector<IHtmlFormElement>("form.token-revoke")!;

        var response = await dave.SubmitAsync(form, values: new Dictionary<string, string> { ["id"] = id });
        var answer = await HtmlHelpers.GetDocumentAsync(response);
        var after = await store.ReadAsync(blob, CancellationToken.None);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(answer.QuerySelector(".notice, [role=status], .status-sentence")?.TextContent), "The 404 page says nothing about the token.");
        Assert.Equal(before!.ETag, after!.ETag);
        Assert.Equal(HttpStatusCode.OK, (await portal.CreatePortalClient().GetWithTokenAsync(Search, token)).StatusCode);
    }

    [Fact]
    public async Task Revoking_a_token_twice_writes_once_and_says_it_is_revoked_both_times()
    {
        var dave = await SignedInAsync("dave");
        var token = await dave.CreateOnTokenPageAsync();
        var jti = (string)BearerTokens.Payload(token)["jti"]!;
        var registry = portal.Services.GetRequiredService<ApiTokenRegistry>();
        var store = portal.Services.GetRequiredService<KnowledgeHub.Storage.IBlobStore>();
        var blob = ApiTokenRegistry.BlobName(TestUsers.Dave.ObjectId);

        Assert.True(await registry.RevokeAsync(TestUsers.Dave.ObjectId, jti, CancellationToken.None));
        var once = await store.ReadAsync(blob, CancellationToken.None);
        Assert.True(await registry.RevokeAsync(TestUsers.Dave.ObjectId, jti, CancellationToken.None));
        var twice = await store.ReadAsync(blob, CancellationToken.None);

        Assert.Equal(once!.ETag, twice!.ETag);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.CreatePortalClient().GetWithTokenAsync(Search, token)).StatusCode);
    }

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync(user);
        return client;
    }
}

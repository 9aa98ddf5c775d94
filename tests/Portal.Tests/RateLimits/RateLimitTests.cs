using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.RateLimits;

/// <summary>
/// Rate limits answer 429 with Retry-After and a sentence (the page in the user's language, ProblemDetails on the API).
/// Each test sets its own tight limit; the defaults are far above anything the suite does.
/// </summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Searching_past_the_per_user_limit_gets_429_with_Retry_After_and_a_page_in_the_users_language()
    {
        await using var portal = Portal(("RateLimits:Search:PerUser", "3"));
        var bob = await portal.CreateReadyClientAsync();
        bob.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await bob.SignInAsync("bob");
        var alice = await portal.CreateReadyClientAsync();
        await alice.SignInAsync("alice");

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add((await bob.GetPageAsync("/Search?q=复盘")).StatusCode);
        }

        var refused = await bob.GetPageAsync("/Search?q=复盘");
        var page = await HtmlHelpers.GetDocumentAsync(refused);
        var other = await alice.GetPageAsync("/Search?q=复盘");
        var reading = await bob.GetPageAsync("/Documents/retro-2026-checkout-latency");

        Assert.All(allowed, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("too many requests", page.QuerySelector(".status-sentence")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode); // per user: Alice still searches
        Assert.Equal(HttpStatusCode.OK, reading.StatusCode); // and Bob still reads
    }

    [Fact]
    public async Task Forged_token_calls_past_the_per_address_limit_get_429_ProblemDetails()
    {
        await using var portal = Portal(("RateLimits:Api:PerAddress", "5"));
        var script = portal.CreatePortalClient();
        await portal.CreateReadyClientAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await script.GetWithTokenAsync("/api/v1/search?q=x", "forged." + i + ".token")).StatusCode);
        }

        var refused = await script.GetWithTokenAsync("/api/v1/search?q=x", "forged.6.token");
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Sign_ins_past_the_per_address_limit_get_429_and_token_minting_has_its_own_limit()
    {
        await using var portal = Portal(("RateLimits:SignIn:PerAddress", "2"), ("RateLimits:TokenMinting:PerUser", "1"));
        var first = await portal.CreateReadyClientAsync();
        await first.SignInAsync("carol");
        var second = portal.CreatePortalClient();
        await second.SignInAsync("dave");
        await first.CreateOnTokenPageAsync();

        var third = portal.CreatePortalClient();
        var signIn = await third.GetDocumentAsync("/Account/SignIn");
        var refused = await third.SubmitAsync(signIn.QuerySelector<IHtmlFormElement>("form.user-picker")!, signIn.QuerySelector<IHtmlButtonElement>("button[value='bob']"));
        var tokenPage = await first.GetDocumentAsync("/Account/Token");
        var secondToken = await first.SubmitAsync(tokenPage.QuerySelector<IHtmlFormElement>("form.token-form")!);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.TooManyRequests, secondToken.StatusCode);
    }

    private static PortalFactory Portal(params (string Key, string Value)[] settings) =>
        PortalFactory.With("Development", settings.ToDictionary(s => s.Key, s => s.Value));
}

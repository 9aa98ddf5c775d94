using System.Net;
using AngleSharp.Html.Dom;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Pages;

public sealed class SignInTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Search?q=复盘")]
    [InlineData("/Documents/retro-2026-618-campaign")]
    [InlineData("/Documents/New")]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page(string url)
    {
        var client = await portal.CreateReadyClientAsync();

        var response = await client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/SignIn", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_sign_in_page_says_it_is_local_and_lists_every_demo_user()
    {
        var client = await portal.CreateReadyClientAsync();

        var page = await client.GetDocumentAsync("/Account/SignIn");

        Assert.Contains("Local sign-in (development only)", page.QuerySelector(".dev-warning")!.TextContent);
        var users = page.QuerySelectorAll<IHtmlButtonElement>("form.user-picker button").Select(b => b.Value).ToArray();
        Assert.Equal(["alice", "bob", "carol", "dave"], users);
        Assert.Contains("运营组 Operations", page.QuerySelector("#sign-in-bob")!.TextContent);
    }

    [Fact]
    public async Task Signing_in_as_alice_returns_to_the_page_asked_for_and_shows_her_name()
    {
        var client = await portal.CreateReadyClientAsync();

        var location = await client.SignInAsync("alice", "/Search?q=campaign");
        var page = await client.GetDocumentAsync(location.OriginalString);

        Assert.Equal("/Search?q=campaign", location.OriginalString);
        Assert.Equal("王丽 Alice Wang", page.QuerySelector(".site-nav .user-name")!.TextContent);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    public async Task Sign_in_ignores_a_return_url_that_leaves_the_site(string returnUrl)
    {
        var client = await portal.CreateReadyClientAsync();

        var location = await client.SignInAsync("bob", returnUrl);

        Assert.Equal("/", location.OriginalString);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("carol");
        var home = await client.GetDocumentAsync("/");

        var signOut = await client.SubmitAsync(home.QuerySelector<IHtmlFormElement>("form[action='/Account/SignOut']")!);
        var after = await client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/Account/SignIn", after.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Sign_out_refuses_a_post_without_the_antiforgery_token()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("carol");

        var signOut = await client.PostAsync(new Uri("/Account/SignOut", UriKind.Relative), new FormUrlEncodedContent([]));
        var after = await client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}

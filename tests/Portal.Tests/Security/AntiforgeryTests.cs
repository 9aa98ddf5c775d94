using System.Net;
using AngleSharp.Html.Dom;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Security;

/// <summary>Every form that posts carries an antiforgery token, and the portal refuses the post without it.</summary>
public sealed class AntiforgeryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string TokenField = "__RequestVerificationToken";

    [Fact]
    public async Task Every_form_post_without_its_antiforgery_token_is_refused_with_400()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("carol");
        var forms = (await PageCrawler.CrawlAsync(client))
            .SelectMany(p => p.Document.QuerySelectorAll<IHtmlFormElement>("form").Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)))
            .Select(f => (Action: new Uri(f.Action).PathAndQuery, Form: f))
            .DistinctBy(f => f.Action)
            .ToList();
        var signIn = (await portal.CreatePortalClient().GetDocumentAsync("/Account/SignIn")).QuerySelector<IHtmlFormElement>("form.user-picker")!;
        forms.Add(("/Account/SignIn", signIn));

        var refused = new List<string>();
        var missingToken = new List<string>();
        foreach (var (action, form) in forms)
        {
            if (form.Elements.All(e => e.GetAttribute("name") != TokenField))
            {
                missingToken.Add(action);
            }

            var fields = form.Elements
                .Where(e => e.GetAttribute("name") is { } name && name != TokenField && e is not IHtmlButtonElement)
                .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, (e as IHtmlInputElement)?.Value ?? (e as IHtmlTextAreaElement)?.Value ?? ""));
            var response = await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                refused.Add($"{action}: {(int)response.StatusCode}");
            }
        }

        Assert.True(forms.Count >= 4, "Only these forms were found: " + string.Join(", ", forms.Select(f => f.Action)));
        Assert.Empty(missingToken);
        Assert.Empty(refused);
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/")).StatusCode); // the sign-out form was not obeyed
    }

    [Fact]
    public async Task The_live_preview_refuses_a_post_without_the_antiforgery_header()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");

        var response = await client.PostAsync(
            new Uri("/Documents/Preview", UriKind.Relative),
            new FormUrlEncodedContent([new("markdown", "# hello")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("http://localhost/", false)]
    [InlineData("https://localhost/", true)]
    public async Task Sign_in_and_antiforgery_cookies_are_http_only_and_secure_over_https(string baseAddress, bool secure)
    {
        await portal.CreateReadyClientAsync();
        var client = portal.CreateClient(new() { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false, HandleCookies = false });

        var page = await client.GetAsync(new Uri("/Account/SignIn", UriKind.Relative));
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var document = await HtmlHelpers.GetDocumentAsync(page);
        var form = document.QuerySelector<IHtmlFormElement>("form.user-picker")!;
        var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/SignIn", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("UserName", "alice"), new(TokenField, form.Elements.Single(e => e.GetAttribute("name") == TokenField).GetAttribute("value")!)]),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signIn = await client.SendAsync(post);
        var session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("KnowledgeHub.Auth=", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        foreach (var cookie in new[] { antiforgery, session })
        {
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
    }
}

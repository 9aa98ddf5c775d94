using System.Net;
using AngleSharp.Html.Dom;

namespace KnowledgeHub.Portal.Tests.Infrastructure;

/// <summary>A signed-in browser-like session: a cookie-keeping client that signs in through the real form.</summary>
public static class PortalSession
{
    /// <summary>Signs in as a demo user by pressing their button on /Account/SignIn, and returns where it redirected.</summary>
    public static async Task<Uri> SignInAsync(this HttpClient client, string userName, string returnUrl = "/")
    {
        var page = await client.GetAsync(new Uri("/Account/SignIn?ReturnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative));
        if (page.StatusCode != HttpStatusCode.OK)
        {
            var body = await page.Content.ReadAsStringAsync();
            Assert.Fail($"GET /Account/SignIn answered {(int)page.StatusCode}: {body[..Math.Min(body.Length, 3000)]}");
        }

        var document = await HtmlHelpers.GetDocumentAsync(page);
        var form = document.QuerySelector<IHtmlFormElement>("form.user-picker")!;
        var button = form.QuerySelector<IHtmlButtonElement>($"button[value='{userName}']")
            ?? throw new InvalidOperationException($"No sign-in button for '{userName}'.");
        var response = await client.SubmitAsync(form, button);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    public static async Task<HttpResponseMessage> GetPageAsync(this HttpClient client, string url) =>
        await client.GetAsync(new Uri(url, UriKind.Relative));

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetPageAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return await HtmlHelpers.GetDocumentAsync(response);
    }

    /// <summary>Follows one redirect (POST-redirect-GET) and returns the page it lands on.</summary>
    public static async Task<IHtmlDocument> FollowAsync(this HttpClient client, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return await client.GetDocumentAsync(redirect.Headers.Location!.OriginalString);
    }
}

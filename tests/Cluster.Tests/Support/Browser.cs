using System.Net;
using AngleSharp.Html.Dom;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Cluster.Tests.Support;

/// <summary>What a browser does on the portal: sign in through the form, open pages, submit forms (antiforgery included).</summary>
public static class Browser
{
    public static async Task SignInAsync(this HttpClient client, string userName)
    {
        var page = await client.GetDocumentAsync("/Account/SignIn?ReturnUrl=%2F");
        var form = page.QuerySelector<IHtmlFormElement>("form.user-picker")!;
        var button = form.QuerySelector<IHtmlButtonElement>($"button[value='{userName}']")
            ?? throw new InvalidOperationException($"No sign-in button for '{userName}'.");
        using var response = await client.SubmitAsync(form, button);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} from {Node(response)}");
        return await HtmlHelpers.GetDocumentAsync(response);
    }

    /// <summary>Creates a draft from the retrospective template; returns the POST's response (302 to the document when saved).</summary>
    public static async Task<HttpResponseMessage> CreateDocumentAsync(this HttpClient client, IHtmlDocument newPage, string title)
    {
        var form = newPage.QuerySelector<IHtmlFormElement>("form.doc-form")!;
        var markdown = newPage.QuerySelector<IHtmlTextAreaElement>("textarea[name='Form.Markdown']")!.Value;
        return await client.SubmitAsync(form, values: new Dictionary<string, string>
        {
            ["Form.Title"] = title,
            ["Form.Markdown"] = markdown + "\n\n" + title + "\n",
        });
    }

    /// <summary>The node that answered, from the proxy's header ("direct" without a proxy).</summary>
    public static string Node(HttpResponseMessage response) =>
        response.Headers.TryGetValues(ClusterProxy.NodeHeader, out var values) ? values.First() : "direct";

    /// <summary>True when a search for <paramref name="word"/> lists a hit linking to <paramref name="documentPath"/>.</summary>
    public static async Task<bool> FindsAsync(this HttpClient client, string word, string documentPath)
    {
        var page = await client.GetDocumentAsync("/Search?q=" + Uri.EscapeDataString(word));
        return page.QuerySelectorAll($".hit a[href='{documentPath}']").Length > 0;
    }

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public static HttpClient Create(Uri baseAddress) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
}

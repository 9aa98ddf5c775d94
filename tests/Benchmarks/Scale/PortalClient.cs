using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>
/// A signed-in browser-like client of the portal: one cookie container, no automatic redirects, as many connections
/// as there are requests in flight. Forms are read from the real pages (AngleSharp), antiforgery token included.
/// </summary>
public sealed class PortalClient : IDisposable
{
    private readonly HtmlParser parser = new();

    public PortalClient(Uri baseAddress)
    {
        Http = new HttpClient(
            new SocketsHttpHandler
            {
                CookieContainer = new CookieContainer(),
                UseCookies = true,
                AllowAutoRedirect = false,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                MaxConnectionsPerServer = int.MaxValue,
            })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public HttpClient Http { get; }

    /// <summary>Presses the demo user's button on /Account/SignIn (local sign-in); throws when it is not a redirect.</summary>
    public async Task SignInAsync(string userName, CancellationToken cancellationToken)
    {
        var (fields, action) = await ReadFormAsync("/Account/SignIn", "form.user-picker", cancellationToken);
        fields["UserName"] = userName;
        using var response = await Http.PostAsync(action, new FormUrlEncodedContent(fields), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {userName} answered {(int)response.StatusCode}, not a redirect.");
        }
    }

    /// <summary>
    /// Saves document <paramref name="id"/> through its edit form with <paramref name="word"/> appended to the Markdown;
    /// returns the status of the POST (302 saved, 409 conflict...) and when the POST was sent (a Stopwatch timestamp).
    /// </summary>
    public async Task<(HttpStatusCode Status, long PostedAt)> AppendWordAsync(string id, string word, CancellationToken cancellationToken)
    {
        var (fields, action) = await ReadFormAsync($"/Documents/{id}/Edit", "form.doc-form", cancellationToken);
        fields["Form.Markdown"] = fields.GetValueOrDefault("Form.Markdown", "").TrimEnd() + "\n\n" + word + "\n";
        fields["Form.ChangeNote"] = "scale benchmark";
        using var content = new FormUrlEncodedContent(fields);
        var postedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        using var response = await Http.PostAsync(action, content, cancellationToken);
        return (response.StatusCode, postedAt);
    }

    /// <summary>True when the search page for <paramref name="query"/> links to document <paramref name="id"/>.</summary>
    public async Task<bool> SearchFindsAsync(string query, string id, CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync(new Uri("/Search?q=" + Uri.EscapeDataString(query), UriKind.Relative), cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return false;
        }

        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        return html.Contains($"href=\"/Documents/{id}\"", StringComparison.Ordinal);
    }

    public void Dispose() => Http.Dispose();

    private async Task<(Dictionary<string, string> Fields, Uri Action)> ReadFormAsync(string url, string selector, CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync(new Uri(url, UriKind.Relative), cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}.");
        }

        using var document = parser.ParseDocument(await response.Content.ReadAsStringAsync(cancellationToken));
        var form = document.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"{url} has no {selector}.");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            fields[input.Name!] = input.Value;
        }

        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
        {
            fields[area.Name!] = area.Value;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        return (fields, new Uri(action, UriKind.Relative));
    }
}

using AngleSharp.Html.Dom;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Security;

/// <summary>A page the crawler fetched, parsed.</summary>
public sealed record CrawledPage(string Url, IHtmlDocument Document);

/// <summary>
/// Follows same-site links from a few seeds (GET only; not the API, static files or downloads), so pages added
/// later are checked without naming them here.
/// </summary>
public static class PageCrawler
{
    public static readonly string[] Seeds =
    [
        "/", "/Search?q=复盘", "/Search?q=campaign", "/Documents/New", "/Documents/New?type=retrospective",
        "/Account/Token", "/Account/SignOut", "/Account/SignedOut", "/Status/404", "/Status/403", "/Admin/Audit",
    ];

    private static readonly string[] Skipped = ["/api", "/openapi", "/css", "/js", "/healthz", "/signin-oidc"];

    public static async Task<IReadOnlyList<CrawledPage>> CrawlAsync(HttpClient client, int maxPages = 60)
    {
        var queue = new Queue<string>(Seeds);
        var seen = new HashSet<string>(Seeds, StringComparer.Ordinal);
        var pages = new List<CrawledPage>();
        while (queue.Count > 0 && pages.Count < maxPages)
        {
            var url = queue.Dequeue();
            var response = await client.GetPageAsync(url);
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var document = await HtmlHelpers.GetDocumentAsync(response);
            pages.Add(new CrawledPage(url, document));
            foreach (var link in document.QuerySelectorAll<IHtmlAnchorElement>("a[href]"))
            {
                var href = link.GetAttribute("href")!;
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
                    && !Skipped.Any(s => href.StartsWith(s, StringComparison.OrdinalIgnoreCase))
                    && !href.Contains("Download", StringComparison.OrdinalIgnoreCase)
                    && seen.Add(href))
                {
                    queue.Enqueue(href);
                }
            }
        }

        return pages;
    }
}

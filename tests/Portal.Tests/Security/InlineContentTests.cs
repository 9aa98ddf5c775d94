using AngleSharp.Html.Dom;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Security;

/// <summary>The Content-Security-Policy allows no inline script or style, so no page may contain any.</summary>
public sealed class InlineContentTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("carol")]
    [InlineData("bob")]
    public async Task No_page_has_inline_script_inline_style_or_event_handler_attributes(string user)
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync(user);
        var pages = (await PageCrawler.CrawlAsync(client)).ToList();
        var token = await HtmlHelpers.GetDocumentAsync(
            await client.SubmitAsync((await client.GetDocumentAsync("/Account/Token")).QuerySelector<IHtmlFormElement>("form.token-form")!));
        pages.Add(new CrawledPage("/Account/Token (after POST)", token));
        var anonymous = portal.CreatePortalClient();
        pages.Add(new CrawledPage("/Account/SignIn", await anonymous.GetDocumentAsync("/Account/SignIn")));

        var problems = pages.SelectMany(Problems).ToList();

        Assert.True(pages.Count >= 10, $"Only {pages.Count} pages were crawled: " + string.Join(", ", pages.Select(p => p.Url)));
        Assert.Contains(pages, p => p.Url.StartsWith("/Documents/", StringComparison.Ordinal) && p.Document.QuerySelector("textarea") is not null);
        Assert.Empty(problems);
    }

    private static IEnumerable<string> Problems(CrawledPage page)
    {
        foreach (var script in page.Document.QuerySelectorAll("script"))
        {
            if (string.IsNullOrEmpty(script.GetAttribute("src")))
            {
                yield return $"{page.Url}: inline <script> {script.TextContent.Trim()[..Math.Min(60, script.TextContent.Trim().Length)]}";
            }
        }

        foreach (var style in page.Document.QuerySelectorAll("style"))
        {
            yield return $"{page.Url}: <style> element";
        }

        foreach (var element in page.Document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name == "style")
                {
                    yield return $"{page.Url}: style attribute on <{element.LocalName}>";
                }
                else if (attribute.Name.StartsWith("on", StringComparison.Ordinal))
                {
                    yield return $"{page.Url}: {attribute.Name} handler on <{element.LocalName}>";
                }
                else if (attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"{page.Url}: javascript: URL in {attribute.Name}";
                }
            }
        }
    }
}

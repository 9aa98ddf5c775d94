using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Localization;

/// <summary>
/// Every page in both UI languages, as an admin, a reader and a contributor: the pages come from the app's own route
/// list (so pages added later are crawled too), with the document, version, attachment and status-code routes filled
/// in. Outside document content (elements marked <c>data-content</c> or with a <c>lang</c> of their own, and code), an
/// English page holds no Chinese character and a Chinese page no English word of the English resource files.
/// </summary>
public sealed partial class LanguageCrawlTests(LanguageWorld world) : IClassFixture<LanguageWorld>
{
    /// <summary>
    /// Pages another change owns and localizes (the home page becomes the team dashboard of the "ux-features" work);
    /// remove an entry once its page takes its text from resources.
    /// </summary>
    private static readonly HashSet<string> OwnedElsewhere = ["/", "/Index"];

    private static readonly string[] StatusCodes = ["400", "403", "404", "409", "413", "415", "429", "500", "503"];

    public static TheoryData<string, string> Visitors => new()
    {
        { "carol", "en" }, { "carol", "zh-CN" },
        { "dave", "en" }, { "dave", "zh-CN" },
        { "alice", "en" }, { "alice", "zh-CN" },
    };

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Every_page_speaks_only_the_ui_language_outside_document_content(string user, string language)
    {
        var client = await world.Portal.CreateReadyClientAsync(language);
        await client.SignInAsync(user);
        var problems = new List<string>();
        var checkedPages = new List<string>();
        foreach (var url in Urls())
        {
            var response = await client.GetPageAsync(url);
            Assert.False(response.StatusCode == HttpStatusCode.InternalServerError && !url.StartsWith("/Status/", StringComparison.Ordinal), $"{url} answered 500");
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue; // a download, a redirect (POST-only pages), the bytes of a preview
            }

            var page = await HtmlHelpers.GetDocumentAsync(response);
            Assert.Equal(language == "en" ? "en" : "zh-Hans", page.DocumentElement.GetAttribute("lang"));
            checkedPages.Add(url);
            problems.AddRange(Foreign(UiText(page), language).Select(found => $"{url}: {found}"));
        }

        Assert.Contains($"/Documents/{world.DocumentId}", checkedPages);
        Assert.Contains("/Status/404", checkedPages);
        if (user != "dave")
        {
            Assert.Contains($"/Documents/{world.DocumentId}/Edit", checkedPages);
        }

        Assert.True(checkedPages.Count >= 20, $"Only {checkedPages.Count} pages were checked: {string.Join(", ", checkedPages)}");
        Assert.True(problems.Count == 0, $"{user} in {language} met text of the other language:\n" + string.Join('\n', problems.Distinct()));
    }

    [Fact]
    public void The_route_list_holds_the_pages_the_crawl_fills_in()
    {
        var routes = world.PageRoutes();

        Assert.Contains("Documents/{id}", routes);
        Assert.Contains("Documents/{id}/Versions/{n:int}", routes);
        Assert.Contains("Status/{code:int}", routes);
        Assert.All(Urls(), url => Assert.DoesNotContain('{', url));
    }

    /// <summary>Every page route with its parameters filled in, plus the query strings that show more of a page.</summary>
    private IEnumerable<string> Urls()
    {
        var id = Uri.EscapeDataString(world.DocumentId);
        foreach (var route in world.PageRoutes())
        {
            var path = "/" + Parameter().Replace(route, m => m.Groups[1].Value switch
            {
                "id" => id,
                "n" => "1",
                "name" => LanguageWorld.Attachment,
                "code" => "{code}",
                _ => "",
            }).TrimEnd('/');
            path = path.Length == 0 ? "/" : path;
            if (OwnedElsewhere.Contains(path))
            {
                continue;
            }

            if (path.Contains("{code}", StringComparison.Ordinal))
            {
                foreach (var code in StatusCodes)
                {
                    yield return path.Replace("{code}", code, StringComparison.Ordinal);
                }
            }
            else
            {
                yield return path;
            }
        }

        yield return "/Search?q=" + Uri.EscapeDataString("复盘");
        yield return "/Search?q=language&archived=1&sort=newest";
        yield return "/Search?q=" + Uri.EscapeDataString("复盘") + "&type=retrospective&from=2020-01-01";
        yield return "/Lessons?q=" + Uri.EscapeDataString("容量");
        // Notes on what was not searched as typed: syntax searched as words, filters and dates ignored, text cut.
        yield return "/Search?q=" + Uri.EscapeDataString("复盘 ((( *盘 title:[a TO b] status:finished year:26 after:yesterday updated:[2026] foo:bar") + "&to=31-12-2026";
        yield return "/Search?q=" + Uri.EscapeDataString("复盘 " + new string('x', 600));
        yield return "/Lessons?q=" + Uri.EscapeDataString("容量 year:二〇二六 \"unclosed");
        yield return "/Actions?all=1&done=1";
        yield return "/Admin/Audit?action=view";
        yield return "/Documents/New?type=retrospective";
        yield return $"/Documents/{id}/Compare?from=1&to=2";
        yield return $"/Documents/{id}/Compare";
        yield return $"/Documents/{id}/Versions/2";
        yield return "/Preferences?ReturnUrl=%2FSearch";
    }

    /// <summary>The page's UI text: the body without document content, code and script, and the texts of its labelling attributes.</summary>
    private static string UiText(IHtmlDocument page)
    {
        foreach (var content in page.Body!.QuerySelectorAll("[data-content], [lang], script, style, code, pre, textarea, template").ToList())
        {
            content.Remove();
        }

        var text = new StringBuilder(page.Body.TextContent);
        foreach (var element in page.Body.QuerySelectorAll("*"))
        {
            foreach (var name in (string[])["title", "aria-label", "placeholder", "alt"])
            {
                if (element.GetAttribute(name) is { } value)
                {
                    text.Append('\n').Append(value);
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Chinese characters in an English page; English words of the resource files in a Chinese page.</summary>
    private static IEnumerable<string> Foreign(string text, string language)
    {
        if (language == "en")
        {
            foreach (Match match in Chinese().Matches(text))
            {
                yield return $"Chinese \"{Around(text, match.Index)}\"";
            }

            yield break;
        }

        foreach (Match match in Word().Matches(text))
        {
            if (ResourceText.EnglishOnlyWords.Contains(match.Value))
            {
                yield return $"English \"{match.Value}\" in \"{Around(text, match.Index)}\"";
            }
        }
    }

    private static string Around(string text, int index)
    {
        var start = Math.Max(0, index - 30);
        return Regex.Replace(text.Substring(start, Math.Min(70, text.Length - start)), @"\s+", " ").Trim();
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\u3000-\u303F\uFF00-\uFFEF]+")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"[A-Za-z][A-Za-z']+")]
    private static partial Regex Word();
}

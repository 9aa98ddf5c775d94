using System.Net;
using AngleSharp.Html.Dom;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Pages;

public sealed class NewDocumentTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task New_lists_the_templates_to_start_from()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");

        var page = await client.GetDocumentAsync("/Documents/New");

        var links = page.QuerySelectorAll<IHtmlAnchorElement>(".template-list a").Select(a => a.GetAttribute("href")).ToArray();
        Assert.Equal(["/Documents/New?type=retrospective", "/Documents/New?type=weekly-report"], links.Order());
        Assert.Contains("Retrospective", page.QuerySelector(".template-list")!.TextContent);
    }

    [Fact]
    public async Task A_document_created_from_a_template_is_shown_and_found_by_search_at_once()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");
        var form = await client.GetDocumentAsync("/Documents/New?type=retrospective");
        var markdown = form.QuerySelector<IHtmlTextAreaElement>("textarea[name='Form.Markdown']")!;
        Assert.Contains("## 经验教训 Lessons", markdown.Value);

        var created = await client.SubmitAsync(form.QuerySelector<IHtmlFormElement>("form.doc-form")!, values: new Dictionary<string, string>
        {
            ["Form.Title"] = "双十二会员日复盘 Zephyrine member day",
            ["Form.Fields[project]"] = "双十二会员日",
            ["Form.Tags"] = "会员, member day",
            ["Form.Markdown"] = markdown.Value + "\n\n- 会员日的 zephyrine 玩法要提前两周预热。\n",
        });
        var page = await client.FollowAsync(created);
        var search = await client.GetDocumentAsync("/Search?q=zephyrine");

        Assert.StartsWith("/Documents/", created.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("双十二会员日复盘 Zephyrine member day", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("双十二会员日", page.QuerySelector(".metadata")!.TextContent);
        Assert.Contains("Draft", page.QuerySelector(".metadata")!.TextContent);
        Assert.Equal(["会员", "member day"], page.QuerySelectorAll(".tags li").Select(t => t.TextContent));
        Assert.Single(search.QuerySelectorAll($".hit a[href='{created.Headers.Location.OriginalString}']"));
    }

    [Fact]
    public async Task An_empty_title_is_a_form_error_and_creates_nothing()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");
        var form = await client.GetDocumentAsync("/Documents/New?type=weekly-report");
        var before = await portal.CountDocumentsAsync();

        var response = await client.SubmitAsync(form.QuerySelector<IHtmlFormElement>("form.doc-form")!, values: new Dictionary<string, string>
        {
            ["Form.Title"] = "   ",
            ["Form.Markdown"] = "本周没有标题。",
        });
        var page = await HtmlHelpers.GetDocumentAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A title is required.", page.QuerySelector("[data-valmsg-for='Form.Title']")!.TextContent.Trim());
        Assert.Equal("本周没有标题。", page.QuerySelector<IHtmlTextAreaElement>("textarea[name='Form.Markdown']")!.Value.Trim());
        Assert.Equal(before, await portal.CountDocumentsAsync());
    }

    [Fact]
    public async Task A_reader_may_not_create_documents()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("dave");
        var home = await client.GetDocumentAsync("/");
        var token = home.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var before = await portal.CountDocumentsAsync();

        var form = await client.GetPageAsync("/Documents/New?type=retrospective");
        var forbiddenPage = await HtmlHelpers.GetDocumentAsync(form);
        var post = await client.PostAsync(
            new Uri("/Documents/New?type=retrospective", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Form.Title"] = "Dave's document",
                ["Form.Markdown"] = "should not exist",
            }));

        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Contains("you do not have permission", forbiddenPage.QuerySelector(".status-sentence")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Null(home.QuerySelector("main a[href='/Documents/New']"));
        Assert.Equal(before, await portal.CountDocumentsAsync());
    }
}

using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Pages;

public sealed class EditTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static IHtmlFormElement EditForm(IHtmlDocument page) => page.QuerySelector<IHtmlFormElement>("form.doc-form")!;

    [Fact]
    public async Task Saving_an_edit_makes_version_2_and_keeps_version_1()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("bob");
        var edit = await client.GetDocumentAsync("/Documents/retro-2026-checkout-latency/Edit");
        var text = edit.QuerySelector<IHtmlTextAreaElement>("textarea[name='Form.Markdown']")!.Value;

        var saved = await client.SubmitAsync(EditForm(edit), values: new Dictionary<string, string>
        {
            ["Form.Markdown"] = text + "\n- Rehearse the failover every quarter.\n",
            ["Form.ChangeNote"] = "Added a lesson",
        });
        var page = await client.FollowAsync(saved);
        var second = await client.GetDocumentAsync("/Documents/retro-2026-checkout-latency/Versions/2");
        var first = await client.GetDocumentAsync("/Documents/retro-2026-checkout-latency/Versions/1");

        // The document is published: its page keeps showing v1 (what readers see) and points the owner at the new draft.
        Assert.Equal("/Documents/retro-2026-checkout-latency", saved.Headers.Location!.OriginalString);
        Assert.NotNull(page.QuerySelector(".pending-draft a[href='/Documents/retro-2026-checkout-latency/Versions/2']"));
        Assert.Contains("Rehearse the failover every quarter.", second.QuerySelector(".markdown-body")!.TextContent);
        Assert.Contains("2 / 2", second.QuerySelector(".metadata")!.TextContent);
        Assert.Contains("Added a lesson", second.QuerySelector(".version-list")!.TextContent);
        Assert.NotNull(second.QuerySelector("a[href='/Documents/retro-2026-checkout-latency/Versions/1']"));
        Assert.DoesNotContain("Rehearse the failover", first.QuerySelector(".markdown-body")!.TextContent);
    }

    [Fact]
    public async Task A_stale_edit_is_a_409_page_with_both_texts_and_nothing_is_lost()
    {
        var alice = await portal.CreateReadyClientAsync();
        await alice.SignInAsync("alice");
        var bob = await portal.CreateReadyClientAsync();
        await bob.SignInAsync("bob");
        var aliceForm = await alice.GetDocumentAsync("/Documents/weekly-2026-w47-growth/Edit");
        var bobForm = await bob.GetDocumentAsync("/Documents/weekly-2026-w47-growth/Edit");

        var first = await alice.SubmitAsync(EditForm(aliceForm), values: new Dictionary<string, string>
        {
            ["Form.Markdown"] = "Alice 的版本：DAU 回落到 93%。",
        });
        var second = await bob.SubmitAsync(EditForm(bobForm), values: new Dictionary<string, string>
        {
            ["Form.Markdown"] = "Bob 的版本：新客首单转化率连续三周提升。",
        });
        var conflict = await HtmlHelpers.GetDocumentAsync(second);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("Someone saved a newer version while you were editing", conflict.QuerySelector(".conflict")!.TextContent);
        Assert.Contains("Alice 的版本：DAU 回落到 93%。", conflict.QuerySelector(".their-text")!.TextContent);
        Assert.Contains("王丽 Alice Wang", conflict.QuerySelector(".their-version")!.TextContent);
        var yours = conflict.QuerySelector<IHtmlTextAreaElement>("form.doc-form textarea[name='Form.Markdown']")!;
        Assert.Equal("Bob 的版本：新客首单转化率连续三周提升。", yours.Value.Trim());
        Assert.Equal("2", conflict.QuerySelector<IHtmlInputElement>("input[name='Form.BaseVersion']")!.Value);

        // Saving again from the conflict page deliberately replaces Alice's version with Bob's text.
        var resaved = await bob.SubmitAsync(EditForm(conflict));
        Assert.Equal(HttpStatusCode.Redirect, resaved.StatusCode);
        var page = await bob.GetDocumentAsync("/Documents/weekly-2026-w47-growth/Versions/3"); // a draft of a published document
        Assert.Contains("新客首单转化率连续三周提升", page.QuerySelector(".markdown-body")!.TextContent);
        Assert.Contains("3 / 3", page.QuerySelector(".metadata")!.TextContent);
    }

    [Theory]
    [InlineData("dave")] // a Reader
    [InlineData("alice")] // a Contributor who is neither owner nor editor
    public async Task Someone_who_may_read_but_not_edit_gets_a_403_page(string user)
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync(user);

        var view = await client.GetDocumentAsync("/Documents/weekly-2026-w46-content");
        var edit = await client.GetPageAsync("/Documents/weekly-2026-w46-content/Edit");
        var page = await HtmlHelpers.GetDocumentAsync(edit);

        Assert.Null(view.QuerySelector("a[href='/Documents/weekly-2026-w46-content/Edit']"));
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Contains("you do not have permission", page.QuerySelector(".status-sentence")!.TextContent);
    }

    [Fact]
    public async Task The_edit_page_loads_the_preview_script_without_inline_scripts()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");

        var page = await client.GetDocumentAsync("/Documents/retro-2026-618-campaign/Edit");
        var scripts = page.QuerySelectorAll("script");
        Assert.All(scripts, s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
        var src = scripts.Select(s => s.GetAttribute("src")!).Single(s => s.StartsWith("/js/editor.js?v=", StringComparison.Ordinal));
        var script = await client.GetPageAsync(src);

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("fetch(url", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/Documents/Preview", page.QuerySelector("textarea[name='Form.Markdown']")!.GetAttribute("data-preview-url"));
    }

    [Fact]
    public async Task Preview_returns_sanitized_HTML_and_needs_the_antiforgery_token()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");
        var edit = await client.GetDocumentAsync("/Documents/retro-2026-618-campaign/Edit");
        var token = edit.QuerySelector<IHtmlInputElement>("form.doc-form input[name='__RequestVerificationToken']")!.Value;
        const string markdown = "## 经验教训\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2))";

        // As editor.js sends it: FormData (multipart) with the token in the RequestVerificationToken header.
        using var withToken = new HttpRequestMessage(HttpMethod.Post, "/Documents/Preview")
        {
            Content = new MultipartFormDataContent { { new StringContent(markdown), "markdown" } },
        };
        withToken.Headers.Add("RequestVerificationToken", token);
        var preview = await client.SendAsync(withToken);
        var html = await preview.Content.ReadAsStringAsync();
        var withoutToken = await client.PostAsync(
            new Uri("/Documents/Preview", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["markdown"] = markdown }));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("text/html") { CharSet = "utf-8" }, preview.Content.Headers.ContentType);
        Assert.Contains("经验教训</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// What the README promises a newcomer, in a real Chromium against the real portal process with the
/// repository's sample content: sign in, search Chinese and English, open a hit, create from a
/// template, find it, edit it, and meet the conflict page on a stale edit.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class NewcomerFlowTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_newcomer_signs_in_searches_opens_a_hit_creates_finds_and_edits_a_document()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/SignIn"));
        await Expect(page.GetByText("本地登录（仅限开发）")).ToBeVisibleAsync();
        await page.ClickAsync("#sign-in-alice");
        await Expect(page.Locator("header")).ToContainTextAsync("Alice Wang");

        // Chinese: 复盘 finds retrospectives, with the word highlighted as one mark.
        await SearchAsync(page, "复盘");
        await Expect(page.Locator("article.hit").First).ToBeVisibleAsync();
        await Expect(page.Locator("article.hit mark", new() { HasTextString = "复盘" }).First).ToBeVisibleAsync();
        await Expect(page.Locator("article.hit a[href$='/Documents/meeting-2026-06-02-cart-incident']")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("search-zh.png"), FullPage = false });

        // English: an inflected word finds its stem.
        await SearchAsync(page, "campaigns");
        await Expect(page.Locator("article.hit").First).ToBeVisibleAsync();
        await page.Locator("article.hit h3 a").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Documents/[a-z0-9-]+$"));
        await Expect(page.Locator(".markdown-body").First).ToBeVisibleAsync();

        // New document from the retrospective template.
        await page.GotoAsync("/Documents/New");
        await page.Locator("a[href='/Documents/New?type=retrospective']").ClickAsync();
        await Expect(page.Locator("textarea[name='Form.Markdown']")).Not.ToBeEmptyAsync();
        var title = "直播带货复盘 E2E " + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("input[name='Form.Title']", title);
        await page.FillAsync("#field-project", "直播带货");
        await page.FillAsync("#field-period", "2026-11");
        await page.FillAsync("textarea[name='Form.Markdown']", "## 经验教训 Lessons\n\n- 主播选品要提前两周确认 zebracrossing\n");
        await Expect(page.Locator("#preview h2")).ToHaveCountAsync(1); // the live preview followed the typing
        await Expect(page.Locator("#preview h2")).ToContainTextAsync("经验教训");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync(title);
        var documentUrl = page.Url;

        // Found by search right away, by a word inside it.
        await SearchAsync(page, "zebracrossing");
        await Expect(page.Locator("article.hit h3")).ToContainTextAsync(title);

        // Edit: two tabs start from the same version; the first saves, the second meets the conflict page.
        var second = await page.Context.NewPageAsync();
        await page.GotoAsync(documentUrl + "/Edit");
        await second.GotoAsync(documentUrl + "/Edit");
        await page.FillAsync("textarea[name='Form.Markdown']", "## 经验教训 Lessons\n\n- 第一位编辑的内容 first editor\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(page.Locator(".markdown-body")).ToContainTextAsync("first editor");

        await second.FillAsync("textarea[name='Form.Markdown']", "## 经验教训 Lessons\n\n- 第二位编辑的内容 second editor\n");
        await second.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(second.Locator("#conflict-heading")).ToBeVisibleAsync();
        await Expect(second.Locator(".their-text")).ToContainTextAsync("first editor");
        await Expect(second.Locator("textarea[name='Form.Markdown']")).ToHaveValueAsync(new Regex("second editor"));
        await second.ScreenshotAsync(new() { Path = ScreenshotPath("conflict.png") });
    }

    [Fact]
    public async Task An_unknown_document_shows_a_not_found_page_with_a_sentence()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.ClickAsync("#sign-in-dave");

        var response = await page.GotoAsync("/Documents/no-such-document");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("main")).ToContainTextAsync(new Regex("not found|找不到|不存在", RegexOptions.IgnoreCase));
    }

    private static async Task SearchAsync(IPage page, string query)
    {
        await page.FillAsync("#nav-q", query);
        await page.PressAsync("#nav-q", "Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/Search\\?q="));
    }

    private static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}

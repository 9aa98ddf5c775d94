using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// axe-core (npm package <c>axe-core</c>, installed by scripts/install-test-tools.sh) over the pages people use most,
/// after their scripts have run: no violation of impact "serious" or "critical" anywhere.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AccessibilityTests(PortalFixture fixture)
{

    [Fact]
    public async Task The_main_pages_have_no_serious_or_critical_accessibility_violations()
    {
        // The portal's Content-Security-Policy forbids injected script; only this test's context bypasses it.
        var page = await fixture.SignedInAsync("carol", Browsing.Options(fixture, bypassCsp: true));
        await Axe.LoadIntoAsync(page.Context);
        var report = new StringBuilder();
        Task CheckAsync(string name) => Axe.CheckAsync(page, name, report);

        await page.GotoAsync("/");
        await CheckAsync("home");
        await page.Locator("#nav-q").PressSequentiallyAsync("campa");
        await Expect(page.Locator("#nav-q-suggestions [role=option]").First).ToBeVisibleAsync();
        await CheckAsync("header search with suggestions open");

        await page.SearchAsync("复盘");
        await Expect(page.Locator("article.hit").First).ToBeVisibleAsync();
        await CheckAsync("search results");

        await page.GotoAsync("/Documents/retro-2026-618-campaign");
        await Expect(page.Locator(".markdown-body")).ToBeVisibleAsync();
        await CheckAsync("document page");

        // The new-document editor once its scripts have drawn the live check, the preview and the related lessons.
        await page.GotoAsync("/Documents/New?type=retrospective");
        await page.FillAsync("input[name='Form.Title']", "无障碍检查复盘 a11y");
        await page.FillAsync("textarea[name='Form.Markdown']", "## 经验教训 Lessons\n\n- 直播选品要提前确认，控制退货率。\n");
        await Expect(page.Locator("#preview h2")).ToHaveCountAsync(1); // the preview followed the typing
        await Expect(page.Locator("#preview h2")).ToHaveTextAsync("经验教训 Lessons");
        await Expect(page.Locator("#conformance .conformance-problems li").First).ToBeVisibleAsync();
        await Expect(page.Locator(".related-lesson-list li").First).ToBeVisibleAsync();
        await CheckAsync("new-document editor");

        await page.GetByRole(AriaRole.Button, new() { Name = "创建", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("无障碍检查复盘 a11y");
        var documentUrl = new Uri(page.Url).AbsolutePath;
        await page.GotoAsync(documentUrl + "/Edit");
        await page.FillAsync("textarea[name='Form.Markdown']", "## 经验教训 Lessons\n\n- 直播选品要提前两周确认，控制退货率。\n");
        await Expect(page.Locator("#preview")).ToContainTextAsync("提前两周");
        await CheckAsync("editor");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(page.Locator(".markdown-body")).ToContainTextAsync("提前两周");

        await page.GotoAsync(documentUrl + "/History");
        await Expect(page.Locator(".history-entry")).ToHaveCountAsync(2);
        await CheckAsync("history");
        await page.GetByRole(AriaRole.Button, new() { Name = "比较", Exact = true }).ClickAsync();
        await Expect(page.Locator(".compare-body ins.diff-ins").First).ToBeVisibleAsync();
        await CheckAsync("compare");

        await page.GotoAsync("/Lessons");
        await Expect(page.Locator(".lesson-list li").First).ToBeVisibleAsync();
        await CheckAsync("lessons");

        await page.GotoAsync("/Actions");
        await Expect(page.Locator(".results-total")).ToBeVisibleAsync();
        await CheckAsync("action items");

        await page.GotoAsync("/Admin/Audit");
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await CheckAsync("admin audit");

        Assert.True(report.Length == 0, "axe-core found serious or critical violations (page: rule (impact) help — targets):\n" + report);
    }
}

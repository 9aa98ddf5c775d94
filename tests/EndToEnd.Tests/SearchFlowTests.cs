using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// The search features that run in the browser: type-ahead suggestions in the header box (suggest.js), facets that
/// narrow the results, and the editor's related lessons while a new campaign plan is written (related.js).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class SearchFlowTests(PortalFixture fixture)
{
    [Fact]
    public async Task Typing_in_the_header_box_suggests_titles_and_choosing_one_with_the_mouse_opens_that_document()
    {
        var page = await fixture.SignedInAsync("dave");
        var box = page.Locator("#nav-q");
        var suggestions = page.Locator("#nav-q-suggestions");

        await box.PressSequentiallyAsync("Spring Fest");
        var title = suggestions.Locator("[role=option].suggestion-title", new() { HasTextString = "Spring Festival 2026 campaign plan" });
        await Expect(title).ToBeVisibleAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(title.Locator(".suggestion-kind")).ToHaveTextAsync("文档");
        await title.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/Documents/campaign-2026-spring-festival-plan$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Spring Festival 2026 campaign plan: New Year Goods");
    }

    [Fact]
    public async Task The_suggestions_follow_the_arrow_keys_close_on_escape_and_enter_opens_a_tag_filter_that_can_be_taken_off()
    {
        var page = await fixture.SignedInAsync("dave");
        var box = page.Locator("#nav-q");
        var suggestions = page.Locator("#nav-q-suggestions");
        var options = suggestions.Locator("[role=option]");

        await box.PressSequentiallyAsync("直播");
        await Expect(options.First).ToBeVisibleAsync();
        await box.PressAsync("Escape");
        await Expect(suggestions).ToBeHiddenAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");

        await box.PressSequentiallyAsync("间"); // 直播间: the list comes back for the new text
        await box.PressAsync("Backspace");
        await Expect(options.First).ToBeVisibleAsync();
        var tag = options.Filter(new() { Has = page.Locator(".suggestion-kind", new() { HasTextString = "标签" }) }).First;
        await Expect(tag).ToHaveTextAsync(new Regex("直播$"));
        await box.PressAsync("ArrowDown");
        await Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", "nav-q-option-0");
        await box.PressAsync("ArrowUp"); // wraps to the last
        await Expect(options.Last).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(options.First).ToHaveAttributeAsync("aria-selected", "false");
        await box.PressAsync("ArrowDown");
        await box.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/Search\\?tag=%E7%9B%B4%E6%92%AD$"));
        await Expect(page.Locator("article.hit").First).ToBeVisibleAsync();
        var tagFacet = page.Locator(".facet-group[data-dimension='tags'] a.facet-value[data-value='直播']");
        await Expect(tagFacet).ToHaveAttributeAsync("aria-checked", "true");

        // The tag came in as a clicked filter, so the same facet value takes it off again.
        await tagFacet.ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("tag="));
    }

    [Fact]
    public async Task Clicking_a_facet_value_narrows_the_results_to_it_and_the_total_follows_its_count()
    {
        var page = await fixture.SignedInAsync("dave");
        await page.SearchAsync("campaign");
        var total = page.Locator(".results-total");
        var before = await CountAsync(total);
        var retrospectives = page.Locator(".facet-group[data-dimension='type'] a.facet-value[data-value='retrospective']");
        var expected = int.Parse(await retrospectives.Locator(".facet-count").TextContentAsync() ?? "", CultureInfo.InvariantCulture);
        Assert.InRange(expected, 1, before - 1);

        await retrospectives.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("[?&]type=retrospective"));
        await Expect(total).ToHaveAttributeAsync("data-total", expected.ToString(CultureInfo.InvariantCulture));
        await Expect(retrospectives).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(page.Locator("article.hit")).ToHaveCountAsync(Math.Min(expected, 10));
        Assert.All(await page.Locator("article.hit .type-label").AllTextContentsAsync(), label => Assert.Equal("复盘", label)); // the type in the UI language

        await page.Locator(".facet-group[data-dimension='type'] a.facet-clear").ClickAsync();
        await Expect(total).ToHaveAttributeAsync("data-total", before.ToString(CultureInfo.InvariantCulture));
        await Expect(retrospectives).ToHaveAttributeAsync("aria-checked", "false");
    }

    [Fact]
    public async Task A_new_campaign_plan_shows_the_lessons_of_past_retrospectives_on_its_topic_while_it_is_written()
    {
        var page = await fixture.SignedInAsync("alice");
        await page.GotoAsync("/Documents/New?type=campaign-plan");
        var lessons = page.Locator(".related-lessons[data-related-url] .related-lesson-list li");

        await page.FillAsync("input[name='Form.Title']", "直播带货专场活动策划");
        await page.FillAsync("textarea[name='Form.Markdown']",
            "## 背景与目标 Background and goals\n\n下个季度做服饰类直播带货专场，和达人合作，控制退货率，做好选品。\n");

        var pilot = lessons.Filter(new() { Has = page.Locator("a[href='/Documents/retro-2026-live-streaming-pilot']") });
        await Expect(pilot.First).ToBeVisibleAsync();
        await Expect(pilot.First.Locator(".lesson-text")).Not.ToBeEmptyAsync();
        await Expect(pilot.First.Locator("a")).ToHaveTextAsync("直播带货试点复盘（2026 Q2）");
    }

    private static async Task<int> CountAsync(ILocator total)
    {
        await Expect(total).ToHaveAttributeAsync("data-total", new Regex("^[0-9]+$"));
        return int.Parse(await total.GetAttributeAsync("data-total") ?? "", CultureInfo.InvariantCulture);
    }
}

using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.SearchPages;

public sealed class LessonAndActionPageTests(SearchPagesWorld world) : IClassFixture<SearchPagesWorld>
{
    [Fact]
    public async Task The_lessons_page_finds_a_lesson_and_links_its_document()
    {
        var client = await world.SignedInAsync("alice");
        var page = await client.GetDocumentAsync("/Lessons?q=connection+pool");

        var hit = Assert.Single(page.QuerySelectorAll(".lesson-hit"));
        Assert.Contains("saturation", hit.QuerySelector(".lesson-text")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(hit.QuerySelector(".lesson-text mark"));
        Assert.Equal("/Documents/retro-2026-checkout-latency", hit.QuerySelector("a.lesson-doc")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_misspelt_lesson_word_offers_a_did_you_mean_link_to_the_lessons_page()
    {
        var client = await world.SignedInAsync("alice");
        var page = await client.GetDocumentAsync("/Lessons?q=saturatoin");

        Assert.Empty(page.QuerySelectorAll(".lesson-hit"));
        var link = page.QuerySelector(".did-you-mean a")!;
        Assert.Equal("saturation", link.TextContent);
        Assert.Equal("/Lessons?q=saturation", link.GetAttribute("href"));
        var corrected = await client.GetDocumentAsync(link.GetAttribute("href")!);
        Assert.Contains("saturation", Assert.Single(corrected.QuerySelectorAll(".lesson-hit")).TextContent, StringComparison.Ordinal);
    }

    /// <summary>A quoted phrase no lesson has: the lessons page says how many lessons have its words and links to them there.</summary>
    [Fact]
    public async Task A_quoted_phrase_no_lesson_has_links_to_the_lessons_with_its_words()
    {
        var client = await world.SignedInAsync("alice");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = await client.GetDocumentAsync("/Lessons?q=" + Uri.EscapeDataString("\"saturation pool\""));

        Assert.Empty(page.QuerySelectorAll(".lesson-hit"));
        var note = page.QuerySelector(".query-note[data-note=AsTypedFoundNothing]")!;
        Assert.Equal("No lesson matches this as typed, with its quotes and operators. Lessons with all of its words: 1. Search the words without quotes and operators", note.TextContent.Trim());
        var link = note.QuerySelector("a.search-as-words")!.GetAttribute("href")!;
        Assert.StartsWith("/Lessons?", link, StringComparison.Ordinal);
        var words = await client.GetDocumentAsync(link);
        Assert.Contains("saturation", Assert.Single(words.QuerySelectorAll(".lesson-hit")).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lessons_page_filters_by_type_facet_and_never_shows_an_unreadable_documents_lesson()
    {
        var bob = await (await world.SignedInAsync("bob")).GetDocumentAsync("/Lessons?type=retrospective");
        var dave = await (await world.SignedInAsync("dave")).GetDocumentAsync("/Lessons?type=retrospective");

        static string[] Docs(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("a.lesson-doc").Select(a => a.GetAttribute("href")!).ToArray();
        Assert.Contains("/Documents/retro-2026-research-pricing", Docs(bob));
        Assert.DoesNotContain("/Documents/retro-2026-research-pricing", Docs(dave));
        Assert.Contains("/Documents/retro-2026-618-campaign", Docs(dave));
        Assert.Equal("true", dave.QuerySelector(".facet-group[data-dimension=type] a[data-value=retrospective]")!.GetAttribute("aria-checked"));
    }

    [Fact]
    public async Task The_actions_page_lists_my_items_overdue_first_and_marked()
    {
        var page = await (await world.SignedInAsync("bob")).GetDocumentAsync("/Actions");

        var rows = page.QuerySelectorAll(".action-row").Select(r => (Text: r.QuerySelector(".action-text")!.TextContent, Overdue: r.ClassList.Contains("overdue"))).ToList();
        var late = rows.FindIndex(r => r.Text == world.LateTask);
        var later = rows.FindIndex(r => r.Text == world.LaterTask);
        Assert.True(late >= 0 && later > late, "the overdue item comes before the later one");
        Assert.True(rows[late].Overdue);
        Assert.False(rows[later].Overdue);
        Assert.Equal(rows.OrderByDescending(r => r.Overdue).Select(r => r.Overdue), rows.Select(r => r.Overdue));
        Assert.StartsWith("/Documents/", page.QuerySelector(".action-row a.action-doc")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_actions_page_shows_only_mine_by_default_and_everyones_with_the_switch_trimmed()
    {
        var client = await world.SignedInAsync("dave");
        var mine = await client.GetDocumentAsync("/Actions");
        Assert.Empty(mine.QuerySelectorAll(".action-row"));

        var everyone = await client.GetDocumentAsync(mine.QuerySelector("a.scope-everyone")!.GetAttribute("href")!);
        var texts = everyone.QuerySelectorAll(".action-text").Select(t => t.TextContent).ToArray();
        Assert.Contains(world.LateTask, texts);
        Assert.DoesNotContain("Rerun the survey with a balanced panel", texts); // the Confidential research retrospective
        Assert.All(everyone.QuerySelectorAll(".action-owner"), o => Assert.Equal("@bob", o.TextContent));
    }
}

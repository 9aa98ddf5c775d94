using Bunit;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Components;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Search;

namespace KnowledgeHub.Portal.Tests.Components;

[UseCulture("en")]
public sealed class ComponentTests : BunitContext
{
    public ComponentTests() => this.WithPortalServices();

    private static SearchHit Hit(string id = "retro-2026-618-campaign") => new(
        id,
        "2026 年 618 大促复盘",
        "2026 年 618 大促<mark>复盘</mark>",
        "retrospective",
        DocumentStatus.Published,
        new DateTimeOffset(2026, 6, 25, 8, 0, 0, TimeSpan.Zero),
        "本次<mark>复盘</mark>覆盖 618 大促 &lt;预热期&gt;",
        1.5f);

    [Theory]
    [InlineData("zh-CN", DocumentStatus.Draft, "草稿", "badge-draft")]
    [InlineData("zh-CN", DocumentStatus.InReview, "审阅中", "badge-inreview")]
    [InlineData("zh-CN", DocumentStatus.Published, "已发布", "badge-published")]
    [InlineData("zh-CN", DocumentStatus.Archived, "已归档", "badge-archived")]
    [InlineData("en", DocumentStatus.Draft, "Draft", "badge-draft")]
    [InlineData("en", DocumentStatus.InReview, "In review", "badge-inreview")]
    [InlineData("en", DocumentStatus.Published, "Published", "badge-published")]
    [InlineData("en", DocumentStatus.Archived, "Archived", "badge-archived")]
    public void Status_badge_shows_the_status_in_the_ui_language_with_its_class(string culture, DocumentStatus status, string text, string cssClass)
    {
        using var scope = CultureScope.Use(culture);
        var badge = Render<StatusBadge>(p => p.Add(c => c.Item, status));

        Assert.Equal(text, badge.Find("span").TextContent);
        Assert.Contains(cssClass, badge.Find("span").ClassList);
        Assert.Equal(status.ToString(), badge.Find("span").GetAttribute("data-status"));
    }

    [Fact]
    public void Search_hit_renders_the_marked_snippet_as_markup_and_links_to_the_document()
    {
        var card = Render<SearchHitCard>(p => p.Add(c => c.Item, Hit()).Add(c => c.TypeLabel, "Retrospective"));

        Assert.Equal("/Documents/retro-2026-618-campaign", card.Find("h3 a").GetAttribute("href"));
        Assert.Equal("复盘", card.Find("h3 mark").TextContent);
        Assert.Equal("复盘", card.Find(".snippet mark").TextContent);
        Assert.Equal("本次复盘覆盖 618 大促 <预热期>", card.Find(".snippet").TextContent);
        Assert.Empty(card.FindAll(".snippet 预热期"));
        Assert.Equal("Retrospective", card.Find(".type-label").TextContent);
        Assert.Equal("6/25/2026", card.Find("time").TextContent); // more than a month before "now": the date
        Assert.Equal("2026-06-25T08:00:00Z", card.Find("time").GetAttribute("datetime"));
        Assert.Equal(new DateTime(2026, 6, 25, 16, 0, 0).ToString("g", System.Globalization.CultureInfo.GetCultureInfo("en")) + " (Asia/Shanghai)", card.Find("time").GetAttribute("title"));
        Assert.Equal("Published", card.Find(".badge").TextContent);
    }

    [Fact]
    public void Search_result_list_shows_the_total_and_every_hit()
    {
        var results = new SearchResults("复盘", 2, 1, 10, [Hit(), Hit("retro-2025-double11")]);

        var list = Render<SearchResultList>(p => p.Add(c => c.Item, results));

        Assert.Equal("2 results for “复盘”", list.Find(".results-total").TextContent.Trim());
        Assert.Equal("复盘", list.Find(".results-total [data-content]").TextContent);
        Assert.Equal(2, list.FindAll(".hit").Count);
    }

    [Fact]
    public void Search_result_list_says_so_when_nothing_was_found()
    {
        var list = Render<SearchResultList>(p => p.Add(c => c.Item, new SearchResults("zzz", 0, 1, 10, [])));

        Assert.Equal("No results for “zzz”", list.Find(".results-total").TextContent.Trim());
        Assert.Empty(list.FindAll(".hit"));
    }

    [Theory]
    [InlineData(1, 3, new[] { "1", "2", "3", "Next ›" })]
    [InlineData(2, 3, new[] { "‹ Previous", "1", "2", "3", "Next ›" })]
    [InlineData(3, 3, new[] { "‹ Previous", "1", "2", "3" })]
    [InlineData(9, 12, new[] { "‹ Previous", "7", "8", "9", "10", "11", "Next ›" })]
    public void Pager_links_previous_next_and_nearby_pages(int page, int pageCount, string[] expected)
    {
        var results = new SearchResults("大促", pageCount * 10, page, 10, []);

        var pager = Render<Pager>(p => p.Add(c => c.Item, results));

        Assert.Equal(expected, pager.FindAll("nav a, nav span").Select(e => e.TextContent.Trim()));
        Assert.Equal(page.ToString(), pager.Find("[aria-current=page]").TextContent);
        Assert.All(pager.FindAll("nav a"), a => Assert.StartsWith("/Search?q=%E5%A4%A7%E4%BF%83&page=", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public void Pager_is_absent_for_a_single_page()
    {
        var pager = Render<Pager>(p => p.Add(c => c.Item, new SearchResults("x", 3, 1, 10, [])));

        Assert.Empty(pager.FindAll("nav"));
    }

    [Fact]
    public void Document_card_shows_title_type_status_and_owner()
    {
        var manifest = new DocumentManifest
        {
            Id = "weekly-2026-w47-growth",
            Type = "weekly-report",
            Title = "增长组周报 2026 W47",
            Owner = "user:a11ce000-0000-4000-8000-000000000001",
            OwnerName = "王丽 Alice Wang",
            Status = DocumentStatus.InReview,
            UpdatedUtc = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero),
        };

        var card = Render<DocumentCard>(p => p.Add(c => c.Item, manifest).Add(c => c.TypeLabel, "Weekly report"));

        Assert.Equal("/Documents/weekly-2026-w47-growth", card.Find("a").GetAttribute("href"));
        Assert.Equal("增长组周报 2026 W47", card.Find("a").TextContent);
        Assert.Equal("Weekly report", card.Find(".type-label").TextContent);
        Assert.Equal("In review", card.Find(".badge").TextContent);
        Assert.Equal("8 days ago", card.Find("time").TextContent);
        Assert.Equal("王丽 Alice Wang", card.Find(".owner").TextContent);
    }
}

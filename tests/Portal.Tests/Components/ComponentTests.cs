using Bunit;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Components;
using KnowledgeHub.Search;

namespace KnowledgeHub.Portal.Tests.Components;

public sealed class ComponentTests : BunitContext
{
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
    [InlineData(DocumentStatus.Draft, "草稿 Draft", "badge-draft")]
    [InlineData(DocumentStatus.InReview, "审阅中 In review", "badge-inreview")]
    [InlineData(DocumentStatus.Published, "已发布 Published", "badge-published")]
    [InlineData(DocumentStatus.Archived, "已归档 Archived", "badge-archived")]
    public void Status_badge_shows_the_status_in_both_languages_with_its_class(DocumentStatus status, string text, string cssClass)
    {
        var badge = Render<StatusBadge>(p => p.Add(c => c.Item, status));

        Assert.Equal(text, badge.Find("span").TextContent);
        Assert.Contains(cssClass, badge.Find("span").ClassList);
    }

    [Fact]
    public void Search_hit_renders_the_marked_snippet_as_markup_and_links_to_the_document()
    {
        var card = Render<SearchHitCard>(p => p.Add(c => c.Item, Hit()).Add(c => c.TypeLabel, "复盘 Retrospective"));

        Assert.Equal("/Documents/retro-2026-618-campaign", card.Find("h3 a").GetAttribute("href"));
        Assert.Equal("复盘", card.Find("h3 mark").TextContent);
        Assert.Equal("复盘", card.Find(".snippet mark").TextContent);
        Assert.Equal("本次复盘覆盖 618 大促 <预热期>", card.Find(".snippet").TextContent);
        Assert.Empty(card.FindAll(".snippet 预热期"));
        Assert.Equal("复盘 Retrospective", card.Find(".type-label").TextContent);
        Assert.Equal("2026-06-25", card.Find("time").TextContent);
        Assert.Equal("已发布 Published", card.Find(".badge").TextContent);
    }

    [Fact]
    public void Search_result_list_shows_the_total_the_notice_and_every_hit()
    {
        var results = new SearchResults("复盘", 2, 1, 10, [Hit(), Hit("retro-2025-double11")], "The query could not be read as written.");

        var list = Render<SearchResultList>(p => p.Add(c => c.Item, results));

        Assert.Contains("2 条结果", list.Find(".results-total").TextContent);
        Assert.Equal("The query could not be read as written.", list.Find(".notice").TextContent);
        Assert.Equal(2, list.FindAll(".hit").Count);
    }

    [Fact]
    public void Search_result_list_says_so_when_nothing_was_found()
    {
        var list = Render<SearchResultList>(p => p.Add(c => c.Item, new SearchResults("zzz", 0, 1, 10, [], null)));

        Assert.Contains("No results", list.Find(".results-total").TextContent);
        Assert.Empty(list.FindAll(".notice"));
        Assert.Empty(list.FindAll(".hit"));
    }

    [Theory]
    [InlineData(1, 3, new[] { "1", "2", "3", "下一页 Next ›" })]
    [InlineData(2, 3, new[] { "‹ 上一页 Previous", "1", "2", "3", "下一页 Next ›" })]
    [InlineData(3, 3, new[] { "‹ 上一页 Previous", "1", "2", "3" })]
    [InlineData(9, 12, new[] { "‹ 上一页 Previous", "7", "8", "9", "10", "11", "下一页 Next ›" })]
    public void Pager_links_previous_next_and_nearby_pages(int page, int pageCount, string[] expected)
    {
        var results = new SearchResults("大促", pageCount * 10, page, 10, [], null);

        var pager = Render<Pager>(p => p.Add(c => c.Item, results));

        Assert.Equal(expected, pager.FindAll("nav a, nav span").Select(e => e.TextContent.Trim()));
        Assert.Equal(page.ToString(), pager.Find("[aria-current=page]").TextContent);
        Assert.All(pager.FindAll("nav a"), a => Assert.StartsWith("/Search?q=%E5%A4%A7%E4%BF%83&page=", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public void Pager_is_absent_for_a_single_page()
    {
        var pager = Render<Pager>(p => p.Add(c => c.Item, new SearchResults("x", 3, 1, 10, [], null)));

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

        var card = Render<DocumentCard>(p => p.Add(c => c.Item, manifest).Add(c => c.TypeLabel, "周报 Weekly report"));

        Assert.Equal("/Documents/weekly-2026-w47-growth", card.Find("a").GetAttribute("href"));
        Assert.Equal("增长组周报 2026 W47", card.Find("a").TextContent);
        Assert.Equal("周报 Weekly report", card.Find(".type-label").TextContent);
        Assert.Equal("审阅中 In review", card.Find(".badge").TextContent);
        Assert.Equal("王丽 Alice Wang", card.Find(".owner").TextContent);
    }
}

using System.Net;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Pages;

public sealed class HomeAndSearchTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Home_lists_the_documents_alice_may_read_newest_first()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");

        var home = await client.GetDocumentAsync("/");

        var titles = home.QuerySelectorAll(".doc-list .doc-title").Select(t => t.TextContent.Trim()).ToArray();
        Assert.Equal(
            ["增长组周报 2026 W47", "Content team weekly report 2026 W46", "2026 年 618 大促复盘", "Checkout latency incident retrospective"],
            titles);
        Assert.NotNull(home.QuerySelector("a[href='/Documents/New']"));
    }

    [Fact]
    public async Task Home_shows_a_confidential_document_to_a_member_of_its_reader_group()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("bob");

        var home = await client.GetDocumentAsync("/");

        Assert.Contains(home.QuerySelectorAll(".doc-list .doc-title"), t => t.TextContent.Contains("会员定价研究复盘", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("复盘", "retro-2026-618-campaign", "复盘")]
    [InlineData("大促", "retro-2026-618-campaign", "大促")]
    [InlineData("throttling", "retro-2026-checkout-latency", "throttling")]
    [InlineData("storyboard", "weekly-2026-w46-content", "storyboard")]
    public async Task Search_finds_the_document_and_marks_the_words_in_its_snippet(string query, string expectedId, string marked)
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");

        var page = await client.GetDocumentAsync("/Search?q=" + Uri.EscapeDataString(query));

        var hit = page.QuerySelectorAll(".hit").FirstOrDefault(h => h.QuerySelector($"a[href='/Documents/{expectedId}']") is not null);
        Assert.NotNull(hit);
        Assert.Contains(hit.QuerySelectorAll("mark"), m => m.TextContent.Contains(marked, StringComparison.OrdinalIgnoreCase));
        Assert.Matches(@"\d+ results? for", page.QuerySelector(".results-total")!.TextContent);
    }

    [Fact]
    public async Task Search_never_shows_a_confidential_document_to_someone_outside_its_readers()
    {
        var alice = await portal.CreateReadyClientAsync();
        await alice.SignInAsync("alice");
        var bob = await portal.CreateReadyClientAsync();
        await bob.SignInAsync("bob");

        var hidden = await alice.GetDocumentAsync("/Search?q=quillfeather");
        var shown = await bob.GetDocumentAsync("/Search?q=quillfeather");

        Assert.Empty(hidden.QuerySelectorAll(".hit"));
        Assert.Contains("No results", hidden.QuerySelector(".results-total")!.TextContent);
        Assert.Single(shown.QuerySelectorAll(".hit a[href='/Documents/retro-2026-research-pricing']"));
    }

    [Fact]
    public async Task An_empty_search_shows_a_tip_instead_of_results()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");

        var page = await client.GetDocumentAsync("/Search?q=");

        Assert.NotNull(page.QuerySelector(".tip"));
        Assert.Null(page.QuerySelector(".results"));
    }

    [Fact]
    public async Task The_search_box_in_the_navigation_submits_to_the_search_page()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");
        var home = await client.GetDocumentAsync("/");

        var response = await client.SubmitAsync(
            (AngleSharp.Html.Dom.IHtmlFormElement)home.QuerySelector("form.nav-search")!,
            values: new Dictionary<string, string> { ["q"] = "复盘" });
        var results = await HtmlHelpers.GetDocumentAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(results.QuerySelectorAll(".hit"));
    }

    [Fact]
    public async Task Chinese_is_served_as_readable_UTF8_not_as_character_entities()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");

        var response = await client.GetPageAsync("/Documents/retro-2026-618-campaign");
        var html = await response.Content.ReadAsStringAsync();
        var home = await (await client.GetPageAsync("/")).Content.ReadAsStringAsync(); // document cards are Razor components

        Assert.Contains("2026 年 618 大促复盘", html, StringComparison.Ordinal);
        Assert.Contains("王丽 Alice Wang", html, StringComparison.Ordinal);
        Assert.Contains(">增长组周报 2026 W47</a>", home, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x590D;", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("&#x[4-9][0-9A-F]{3};", home); // CJK as entities
        Assert.Equal("utf-8", response.Content.Headers.ContentType!.CharSet);
    }
}

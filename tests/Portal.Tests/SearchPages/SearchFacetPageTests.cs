using AngleSharp.Html.Dom;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.SearchPages;

public sealed class SearchFacetPageTests(SearchPagesWorld world) : IClassFixture<SearchPagesWorld>
{
    private static int Count(IHtmlDocument page, string dimension, string value) =>
        int.Parse(page.QuerySelector($".facet-group[data-dimension={dimension}] a[data-value='{value}'] .facet-count")!.TextContent);

    private static string[] Titles(IHtmlDocument page) => page.QuerySelectorAll(".hit-title").Select(t => t.TextContent.Trim()).ToArray();

    [Fact]
    public async Task Facet_counts_only_count_documents_the_user_may_read()
    {
        var bob = await (await world.SignedInAsync("bob")).GetDocumentAsync("/Search?type=retrospective");
        var dave = await (await world.SignedInAsync("dave")).GetDocumentAsync("/Search?type=retrospective");

        // The Confidential research retrospective (tags research, pricing; collection Research) is bob's to read, not dave's.
        Assert.Equal(Count(bob, "type", "retrospective") - 1, Count(dave, "type", "retrospective"));
        Assert.NotNull(bob.QuerySelector(".facet-group[data-dimension=tags] a[data-value=pricing]"));
        Assert.Null(dave.QuerySelector(".facet-group[data-dimension=tags] a[data-value=pricing]"));
        Assert.Null(dave.QuerySelector(".facet-group[data-dimension=collection] a[data-value=Research]"));
        Assert.DoesNotContain(Titles(dave), t => t.Contains("Membership pricing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Clicking_facet_values_narrows_the_results_keeps_the_words_and_selects_several_values()
    {
        var client = await world.SignedInAsync("alice");
        var all = await client.GetDocumentAsync("/Search?q=zephyrine");
        Assert.Contains("Zephyrine weekly report", Titles(all));
        Assert.Equal(1, Count(all, "type", "weekly-report"));

        var weeklyLink = all.QuerySelector(".facet-group[data-dimension=type] a[data-value=weekly-report]")!.GetAttribute("href")!;
        Assert.Contains("q=zephyrine", weeklyLink, StringComparison.Ordinal);
        var weekly = await client.GetDocumentAsync(weeklyLink);
        Assert.Equal(["Zephyrine weekly report"], Titles(weekly));
        Assert.Equal("true", weekly.QuerySelector(".facet-group[data-dimension=type] a[data-value=weekly-report]")!.GetAttribute("aria-checked"));

        var bothLink = weekly.QuerySelector(".facet-group[data-dimension=type] a[data-value=retrospective]")!.GetAttribute("href")!;
        Assert.Equal("/Search?q=zephyrine&type=weekly-report&type=retrospective", bothLink);
        var both = await client.GetDocumentAsync(bothLink);
        Assert.Equal(["Zephyrine retrospective", "Zephyrine weekly report"], Titles(both).Where(t => t.StartsWith("Zephyrine", StringComparison.Ordinal)).Order().ToArray());
        Assert.DoesNotContain("Zephyrine data report", Titles(both));
        Assert.Equal("zephyrine", both.QuerySelector<IHtmlInputElement>("#search-q")!.Value);

        var cleared = await client.GetDocumentAsync(both.QuerySelector(".facet-group[data-dimension=type] .facet-clear")!.GetAttribute("href")!);
        Assert.Contains("Zephyrine data report", Titles(cleared));
    }

    [Fact]
    public async Task Sorting_by_newest_lists_the_last_updated_document_first()
    {
        var client = await world.SignedInAsync("alice");
        var relevance = await client.GetDocumentAsync("/Search?q=zephyrine+report");
        var newest = await client.GetDocumentAsync(relevance.QuerySelector("a.sort-newest")!.GetAttribute("href")!);

        var order = Titles(newest).Where(t => t.Contains("report", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["Zephyrine data report", "Zephyrine weekly report"], order);
        Assert.Contains("Newest", newest.QuerySelector(".sort-current")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archived_documents_are_hidden_until_the_toggle_includes_them_and_are_marked()
    {
        var client = await world.SignedInAsync("alice");
        var hidden = await client.GetDocumentAsync("/Search?q=quokkaline");
        Assert.Empty(Titles(hidden));

        var toggle = hidden.QuerySelector("a.archived-toggle")!.GetAttribute("href")!;
        Assert.Equal("/Search?q=quokkaline&archived=1", toggle);
        var shown = await client.GetDocumentAsync(toggle);
        Assert.Equal(["Quokkaline old report"], Titles(shown));
        Assert.NotNull(shown.QuerySelector(".hit.archived .badge-archived"));
    }

    [Fact]
    public async Task A_misspelled_word_offers_a_did_you_mean_link_that_keeps_the_filters()
    {
        var client = await world.SignedInAsync("alice");
        var page = await client.GetDocumentAsync("/Search?q=checkuot&sort=newest");

        var link = page.QuerySelector(".did-you-mean a")!;
        Assert.Equal("checkout", link.TextContent);
        Assert.Equal("/Search?q=checkout&sort=newest", link.GetAttribute("href"));
        var corrected = await client.GetDocumentAsync(link.GetAttribute("href")!);
        Assert.Contains("Checkout latency incident retrospective", Titles(corrected));
    }
}

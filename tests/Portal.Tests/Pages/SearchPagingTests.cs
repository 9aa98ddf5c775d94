using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Search;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Pages;

public sealed class SearchPagingTests
{
    [Fact]
    public async Task The_second_page_of_results_shows_the_rest_and_links_back()
    {
        await using var portal = new PortalFactory();
        var client = await portal.CreateReadyClientAsync();
        var repository = portal.Services.GetRequiredService<DocumentRepository>();
        var carol = new Caller { ObjectId = "ca201000-0000-4000-8000-000000000003", Name = "Carol Li", Roles = [AppRoles.Admin, AppRoles.Contributor] };
        for (var i = 1; i <= 12; i++)
        {
            await repository.CreateAsync(
                new NewDocument { Type = "weekly-report", Title = $"Marmalade report {i}", Markdown = $"The marmalade numbers of week {i}." },
                carol,
                CancellationToken.None);
        }

        await portal.Services.GetRequiredService<IndexSynchronizer>().CatchUpAsync(CancellationToken.None);
        await client.SignInAsync("alice");

        var first = await client.GetDocumentAsync("/Search?q=marmalade");
        var second = await client.GetDocumentAsync("/Search?q=marmalade&page=2");

        Assert.Equal(10, first.QuerySelectorAll(".hit").Length);
        Assert.Contains("12 results for", first.QuerySelector(".results-total")!.TextContent);
        Assert.Equal("/Search?q=marmalade&page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(2, second.QuerySelectorAll(".hit").Length);
        Assert.Equal("2", second.QuerySelector(".pager [aria-current=page]")!.TextContent);
        Assert.Equal("/Search?q=marmalade&page=1", second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("marmalade", second.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#search-q")!.Value);
    }
}

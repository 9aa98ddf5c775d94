namespace KnowledgeHub.Search.Tests.Query;

/// <summary>
/// Documents with the words together as typed rank above documents that have them apart, more often or in the title,
/// through the search service as the pages and the API call it: the bonus of <see cref="RescoredQuery"/> reaches the
/// first page and the pages after it stay disjoint. A sort by date finds the same documents.
/// </summary>
public sealed class WordsTogetherTests : IAsyncLifetime
{
    private readonly SearchHost host = SearchHost.Create();

    public async Task InitializeAsync()
    {
        // Apart, and more often: without the bonus these rank first.
        for (var i = 0; i < 12; i++)
        {
            await host.AddAsync(
                new TestDoc($"apart-{i:00}", "Quarterly numbers", "The table lists each pivot point. A pivot moves the table; the table keeps the pivot."),
                catchUp: false);
        }

        await host.AddAsync(new TestDoc("together", "Quarterly numbers", "Build a pivot table from the sales sheet, then group the rows by the month."), catchUp: false);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public void The_words_together_rank_above_the_words_apart()
    {
        var results = host.Search("pivot table");

        Assert.Equal(13, results.Total);
        Assert.Equal("together", results.Hits[0].DocumentId);
    }

    [Fact]
    public void Pages_of_a_ranking_with_the_bonus_share_their_total_and_never_repeat_a_hit()
    {
        var pages = Enumerable.Range(1, 3).Select(p => host.Search("pivot table", page: p, pageSize: 5)).ToList();

        Assert.All(pages, p => Assert.Equal(13, p.Total));
        var ids = pages.SelectMany(p => p.Hits).Select(h => h.DocumentId).ToList();
        Assert.Equal(13, ids.Count);
        Assert.Equal(13, ids.Distinct().Count());
        Assert.Equal("together", ids[0]);
    }

    [Fact]
    public void A_sort_by_date_finds_the_same_documents()
    {
        var byDate = host.Search(new SearchRequest { Query = "pivot table", Caller = TestCallers.Carol, Sort = SearchSort.Newest, PageSize = 50 });

        Assert.Equal(13, byDate.Total);
        Assert.Equal(
            host.Search("pivot table", pageSize: 50).Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal),
            byDate.Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
    }
}

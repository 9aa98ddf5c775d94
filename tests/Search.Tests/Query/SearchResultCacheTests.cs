using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests.Query;

/// <summary>
/// Pages kept for the index version they were computed on: a repeat is answered from the cache, a change to the index
/// is seen by the next search, and no user is ever served a page computed for another.
/// </summary>
public sealed class SearchResultCacheTests : IAsyncLifetime
{
    private readonly SearchHost host = SearchHost.Create();

    public async Task InitializeAsync()
    {
        await host.AddAsync(new TestDoc("open-retro", "Wombat retrospective", "everyone reads about the wombat launch"), TestCallers.Alice, catchUp: false);
        await host.AddAsync(
            new TestDoc("research-only", "Wombat research", "the research group's wombat interviews") { Confidentiality = Confidentiality.Confidential, Readers = [Caller.GroupPrincipal(TestCallers.ResearchGroup)] },
            TestCallers.Bob,
            catchUp: false);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public void A_repeated_search_on_an_unchanged_index_is_answered_from_the_cache()
    {
        var first = host.Search("wombat", TestCallers.Bob);

        Assert.Same(first, host.Search("wombat", TestCallers.Bob));
        Assert.NotSame(first, host.Search("wombat", TestCallers.Bob, page: 2));
        Assert.NotSame(first, host.Search(new SearchRequest { Query = "wombat", Caller = TestCallers.Bob, Sort = SearchSort.Newest }));
        Assert.NotSame(first, host.Search(new SearchRequest { Query = "wombat", Caller = TestCallers.Bob, Filters = new Dictionary<string, IReadOnlyList<string>> { ["type"] = ["retrospective"] } }));
    }

    [Fact]
    public async Task A_change_to_the_index_is_seen_by_the_next_search()
    {
        Assert.Equal(["open-retro"], host.Ids("wombat", TestCallers.Alice));

        await host.AddAsync(new TestDoc("new-retro", "Second wombat retrospective", "another wombat"), TestCallers.Alice);

        Assert.Equal(["new-retro", "open-retro"], host.Ids("wombat", TestCallers.Alice));
    }

    [Fact]
    public async Task A_permission_change_is_seen_by_the_next_search_of_the_same_user()
    {
        Assert.DoesNotContain("research-only", host.Ids("wombat", TestCallers.Dave));

        await host.Repository.UpdateManifestAsync("research-only", m => m with { Readers = [.. m.Readers, TestCallers.Dave.Principal] }, TestCallers.Bob, CancellationToken.None);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);

        Assert.Contains("research-only", host.Ids("wombat", TestCallers.Dave));
    }

    [Fact]
    public void No_user_is_served_a_page_computed_for_another()
    {
        var bobs = host.Search("wombat", TestCallers.Bob);
        var alices = host.Search("wombat", TestCallers.Alice);
        var strangers = host.Search("wombat", new Caller { ObjectId = "00000000-0000-4000-8000-0000000000ff", Name = "Stranger", Groups = [TestCallers.OpsGroup] });

        Assert.Equal(2, bobs.Total);
        Assert.Equal(["open-retro"], alices.Hits.Select(h => h.DocumentId));
        Assert.NotSame(alices, strangers);
    }

    [Fact]
    public void The_cache_keeps_at_most_its_capacity_and_can_be_turned_off()
    {
        host.ResultCacheEntries = 2;
        host.ReopenIndex();
        var first = host.Search("wombat", TestCallers.Bob);
        host.Search("research", TestCallers.Bob);
        Assert.Same(first, host.Search("wombat", TestCallers.Bob));
        host.Search("launch", TestCallers.Bob);
        host.Search("interviews", TestCallers.Bob);
        Assert.NotSame(first, host.Search("wombat", TestCallers.Bob));

        host.ResultCacheEntries = 0;
        host.ReopenIndex();
        var uncached = host.Search("wombat", TestCallers.Bob);
        Assert.NotSame(uncached, host.Search("wombat", TestCallers.Bob));
        Assert.Equal(uncached.Hits.Select(h => h.DocumentId), host.Search("wombat", TestCallers.Bob).Hits.Select(h => h.DocumentId));
    }
}

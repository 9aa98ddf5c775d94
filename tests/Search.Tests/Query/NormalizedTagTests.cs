namespace KnowledgeHub.Search.Tests.Query;

/// <summary>
/// A tag filter matches a tag whatever form either was written in, both ways: saved in traditional characters or with a
/// word processor's apostrophe, typed simplified or with the keyboard's — as the words of a search are.
/// </summary>
public sealed class NormalizedTagTests : IAsyncLifetime
{
    private readonly SearchHost host = SearchHost.Create();

    public async Task InitializeAsync()
    {
        await host.AddAsync(new TestDoc("traditional", "雙十一覆盤", "活動結果") { Tags = ["雙十一", "team\u2019s pick"] }, catchUp: false);
        await host.AddAsync(new TestDoc("simplified", "双十一复盘", "活动结果") { Tags = ["双十一"] }, catchUp: false);
        await host.AddAsync(new TestDoc("straight", "Team notes", "notes") { Tags = ["team's pick"] }, catchUp: false);
        await host.AddAsync(new TestDoc("other", "Other", "notes") { Tags = ["618"] }, catchUp: false);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("tag:双十一")]
    [InlineData("tag:雙十一")]
    [InlineData("标签：雙十一")]
    public void A_tag_in_either_script_selects_both(string query) =>
        Assert.Equal(["simplified", "traditional"], host.Ids(query));

    [Theory]
    [InlineData("tag:\"team's pick\"")]
    [InlineData("tag:\"team\u2019s pick\"")]
    [InlineData("tag:\"TEAM'S PICK\"")]
    public void A_tag_with_either_apostrophe_selects_both(string query) =>
        Assert.Equal(["straight", "traditional"], host.Ids(query));

    [Fact]
    public void A_clicked_tag_facet_selects_both_forms_too()
    {
        var results = host.Search(new SearchRequest
        {
            Query = "",
            Caller = TestCallers.Carol,
            PageSize = 50,
            Filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Tags] = ["双十一"] },
        });

        Assert.Equal(["simplified", "traditional"], results.Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
    }
}

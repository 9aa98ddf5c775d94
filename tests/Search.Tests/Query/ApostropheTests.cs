namespace KnowledgeHub.Search.Tests.Query;

/// <summary>
/// Apostrophes as people type and paste them: a possessive finds its word (<c>campaign's</c> → the campaign documents),
/// a word processor's ’ and the keyboard's ' find the same documents on either side, a contraction of a common word
/// (<c>it's</c>) is a common word, and a possessive in quotes is searched as typed — through the search service, on a real
/// index on disk.
/// </summary>
public sealed class ApostropheTests : IAsyncLifetime
{
    private readonly SearchHost host = SearchHost.Create();

    public async Task InitializeAsync()
    {
        await host.AddAsync(new TestDoc("plain", "Spring campaign budget", "The campaign budget was split between paid media and the stores."), catchUp: false);
        await host.AddAsync(new TestDoc("straight", "Autumn review", "The campaign's budget ran out in week two; we didn't stop the coupons."), catchUp: false);
        await host.AddAsync(new TestDoc("curly", "Winter review", "The team\u2019s retention work paid off, and the campaign\u2019s coupons didn\u2019t leak."), catchUp: false);
        await host.AddAsync(new TestDoc("other", "Warehouse notes", "Stock counts for the northern warehouse, week by week."), catchUp: false);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("campaign's")]
    [InlineData("campaign\u2019s")]
    [InlineData("campaignʼs")]
    [InlineData("campaign\u2018s")]
    [InlineData("campaign\uFF07s")]
    [InlineData("CAMPAIGN'S")]
    [InlineData("campaign's budget")]
    [InlineData("the campaign\u2019s")]
    public void A_possessive_finds_its_word_in_either_form(string query)
    {
        var ids = host.Ids(query);

        Assert.Equal(host.Ids(query.Contains("budget", StringComparison.Ordinal) ? "campaign budget" : "campaign"), ids);
        Assert.Contains("plain", ids);
        Assert.DoesNotContain(host.Search(query).Notes, n => n.Kind == QueryNoteKind.MostWords);
    }

    [Theory]
    [InlineData("didn't")]
    [InlineData("didn\u2019t")]
    [InlineData("didnʼt")]
    [InlineData("didn\u2018t")]
    [InlineData("didn\uFF07t")]
    public void A_contraction_finds_both_spellings_and_nothing_else(string query) =>
        Assert.Equal(["curly", "straight"], host.Ids(query));

    [Theory]
    [InlineData("\"campaign's\"")]
    [InlineData("\"campaign\u2019s\"")]
    [InlineData("\u201Ccampaign\u2019s\u201D")]
    public void A_possessive_in_quotes_is_searched_as_typed(string query) =>
        Assert.Equal(["curly", "straight"], host.Ids(query));

    [Fact]
    public void A_possessive_with_syntax_around_it_is_its_word_too()
    {
        Assert.Equal(["curly", "plain", "straight"], host.Ids("campaign's OR warehouse's").Except(["other"]).ToArray());
        Assert.Contains("other", host.Ids("campaign's OR warehouse's"));
        Assert.Equal(["curly", "straight"], host.Ids("campaign's -spring"));
    }

    [Fact]
    public void A_contraction_of_a_common_word_is_a_common_word()
    {
        var results = host.Search("it's the team\u2019s retention");

        Assert.Equal(["curly"], results.Hits.Select(h => h.DocumentId));
        var ignored = Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.IgnoredWords);
        Assert.Contains("it's", ignored.Words);
        Assert.DoesNotContain(ignored.Words, w => w.StartsWith("team", StringComparison.Ordinal));
    }

    [Fact]
    public void A_closing_quotation_mark_is_still_punctuation()
    {
        Assert.Equal(host.Ids("retention"), host.Ids("\u2018retention\u2019"));
        Assert.Equal(["curly"], host.Ids("team\u2019 retention"));
    }

    [Theory]
    [InlineData("campaign's", "campaign")]
    [InlineData("PinPinLe's", "PinPinLe")]
    [InlineData("Q3's", "Q3")]
    [InlineData("users'", null)]
    [InlineData("it's", null)]
    [InlineData("That's", null)]
    [InlineData("let's", null)]
    [InlineData("he's", null)]
    [InlineData("A's", null)]
    [InlineData("O'Brien", null)]
    [InlineData("don't", null)]
    [InlineData("2026's", null)]
    [InlineData("复盘's", null)]
    [InlineData("'s", null)]
    public void The_owner_of_a_possessive(string word, string? owner) =>
        Assert.Equal(owner, KnowledgeHub.Search.Querying.PlainWords.Possessor(word));
}

namespace KnowledgeHub.Search.Tests.Query;

/// <summary>
/// A prefix reaches words whose stem is shorter than the prefix: the body is indexed stemmed (tags → tag, notes →
/// note), so <c>tags*</c> also matches the prefix's own stem as a word — not every word starting with the stem
/// (<c>notes*</c> does not find notebook).
/// </summary>
public sealed class PrefixTests : IAsyncLifetime
{
    private readonly SearchHost host = SearchHost.Create();

    public async Task InitializeAsync()
    {
        await host.AddAsync(new TestDoc("tags", "Report hygiene", "Add tags to every weekly report before it is published."), catchUp: false);
        await host.AddAsync(new TestDoc("notes", "Meeting hygiene", "Keep the notes of each meeting in the shared folder."), catchUp: false);
        await host.AddAsync(new TestDoc("noted", "Follow-ups", "As noted last week, the plan stays."), catchUp: false);
        await host.AddAsync(new TestDoc("notebook", "Office", "The notebook stays in the office."), catchUp: false);
        await host.AddAsync(new TestDoc("notesheet", "Templates", "The notesheet template has three columns."), catchUp: false);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("tags*", "tags")]
    [InlineData("notes*", "noted notes notesheet")] // noted is indexed as note, as notes is: the word notes finds it too
    [InlineData("note*", "notebook noted notes notesheet")]
    [InlineData("body:tags*", "tags")]
    [InlineData("hygiene tags*", "tags")]
    public void A_prefix_finds_the_words_that_start_with_it_in_the_stemmed_text(string query, string expected)
    {
        var results = host.Search(query);

        Assert.Equal(expected.Split(' '), results.Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(results.Notes, n => n.NotAsTyped);
    }
}

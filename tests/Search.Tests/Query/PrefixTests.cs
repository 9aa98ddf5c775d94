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
        await host.AddAsync(new TestDoc("streaming", "Live sales", "Streaming on two channels doubled the viewers."), catchUp: false);
        await host.AddAsync(new TestDoc("retention", "Q3 numbers", "Retention of new members fell in September."), catchUp: false);
        await host.AddAsync(new TestDoc("happiness", "Survey", "Customer happiness rose after the change."), catchUp: false);
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

    [Theory]
    [InlineData("streami*", "streaming")] // streaming is indexed as stream
    [InlineData("retenti*", "retention")] // retention as retent
    [InlineData("happin*", "happiness")] // happiness as happi
    [InlineData("body:streami*", "streaming")]
    [InlineData("channels streami*", "streaming")]
    [InlineData("stream*", "streaming")]
    public void A_prefix_longer_than_the_stem_of_its_word_finds_the_word(string query, string expected)
    {
        var results = host.Search(query);

        Assert.Equal([expected], results.Hits.Select(h => h.DocumentId));
        Assert.DoesNotContain(results.Notes, n => n.NotAsTyped);
    }

    [Theory]
    [InlineData("streami", "streaming")]
    [InlineData("members retenti", "retention")]
    [InlineData("customer happin", "happiness")]
    public void A_word_cut_past_its_stem_at_the_end_is_searched_as_the_start_of_a_word(string query, string expected)
    {
        var results = host.Search(query);

        Assert.Equal([expected], results.Hits.Select(h => h.DocumentId));
        Assert.Contains(results.Notes, n => n.Kind == QueryNoteKind.LastWordAsPrefix);
    }

    [Fact]
    public void A_document_both_forms_find_scores_as_one_either_form_finds()
    {
        // stream* matches streaming stemmed (stream) and as written; streami* only as written: the better of the two
        // counts, not their sum, so the word scores alike whichever way the prefix reaches it.
        var both = Assert.Single(host.Search("stream*").Hits);
        var unstemmedOnly = Assert.Single(host.Search("streami*").Hits);

        Assert.Equal(both.DocumentId, unstemmedOnly.DocumentId);
        Assert.Equal(both.Score, unstemmedOnly.Score, 4);
        Assert.Contains("<mark>Streaming</mark>", unstemmedOnly.SnippetHtml, StringComparison.Ordinal);
    }
}

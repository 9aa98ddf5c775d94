using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests.Query;

/// <summary>
/// A name or title cut mid-word — <c>ConvertF</c> for ConvertFromURL, pasted or typed ahead of the suggestions — is
/// searched as the start of a word when nothing else finds anything and no document has it as a word, with a note; a
/// word that is there, or that starts no word either, is left as typed.
/// </summary>
public sealed class CutWordTests(CutWordCorpus corpus) : IClassFixture<CutWordCorpus>
{
    private readonly SearchHost host = corpus.Host;

    [Theory]
    [InlineData("CDateFrom", "convert-date")]
    [InlineData("function ConvertFr", "convert-url")]
    [InlineData("Converts ConvertF", "convert-url")] // with the other words as typed
    public void A_word_no_document_has_at_the_end_is_searched_as_the_start_of_a_word(string query, string expected)
    {
        var results = host.Search(query, TestCallers.Carol);

        Assert.Equal([expected], results.Hits.Select(h => h.DocumentId));
        Assert.Equal([query.Split(' ')[^1]], Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.LastWordAsPrefix).Words);
    }

    [Theory]
    [InlineData("conversion")] // a word documents have: found as written
    [InlineData("onboard")] // found by its stem (onboarding)
    [InlineData("ConvertF 2026")] // the cut word is not the last
    [InlineData("conversion ConvertF")] // no document has both: most of the words, as for any words
    [InlineData("Zzqxvbu")] // starts no word either
    [InlineData("\"ConvertF\"")] // quoted: meant as written
    [InlineData("ConvertF -function")] // ends with an exclusion
    public void Other_words_are_searched_as_typed(string query)
    {
        Assert.DoesNotContain(host.Search(query, TestCallers.Carol).Notes, n => n.Kind == QueryNoteKind.LastWordAsPrefix);
    }

    [Fact]
    public void Lessons_read_a_cut_word_the_same_way()
    {
        var results = host.Service.SearchLessons(new LessonQuery { Query = "ConvertF", Caller = TestCallers.Carol });

        Assert.Equal("lesson-url", Assert.Single(results.Hits).DocumentId);
        Assert.Equal(["ConvertF"], Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.LastWordAsPrefix).Words);
    }

    /// <summary>The start of a word finds only documents the caller may read: ConvertibleX is in a restricted document.</summary>
    [Fact]
    public void The_start_of_a_word_finds_only_readable_documents()
    {
        Assert.Empty(host.Search("Convertib", TestCallers.Dave).Hits);
        Assert.Equal(["secret"], host.Search("Convertib", TestCallers.Alice).Hits.Select(h => h.DocumentId));
    }
}

/// <summary>Names, a lesson and a restricted document for <see cref="CutWordTests"/>.</summary>
public sealed class CutWordCorpus : HostFixture
{
    protected override IEnumerable<TestDoc> Documents =>
    [
        new("convert-url", "ConvertFromURL function", "Converts a file address to a system path."),
        new("convert-date", "CDateFromUnoDate function", "Converts a UNO date to a date value."),
        new("onboarding", "Onboarding checklist", "Welcome mail, first order coupon and a push on day three."),
        new("convert-plan", "Conversion plan", "Raise the conversion rate of new users in the first week."),
        new("lesson-url", "Help desk retrospective", "## 经验教训\n\n- Link the ConvertFromURL page from the FAQ.\n"),
        new("secret", "Convertible pricing", "Research only: ConvertibleX pricing model.") { Confidentiality = Confidentiality.Restricted, Readers = [TestCallers.Alice.Principal] },
    ];
}

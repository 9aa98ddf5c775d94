using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests;

public sealed class SpellingCorpus : HostFixture
{
    protected override IEnumerable<TestDoc> Documents =>
    [
        new("campaign-playbook", "Campaign playbook", "Running campaigns for new users. Retention improved after the campaign launch."),
        new("campaign-review", "Campaign review", "The campaign met its retention goals."),
        new("retro-chinese", "大促复盘", "复盘 campaign 大促"),
        new("node-site", "Landing site", "The campaign site runs on node."),
        new("ok-notes", "Launch notes", "Ok, the launch went fine."),
        new("retro-onboarding", "Signup retrospective", "## Lessons\n\n- Onboarding emails need a named owner.\n"),
        new("retro-secret", "Pricing test retrospective", "## Lessons\n\n- Quokkaberry bundles confused buyers.\n")
        {
            Confidentiality = Confidentiality.Confidential,
            Readers = [Caller.GroupPrincipal(TestCallers.ResearchGroup)],
        },
        new("zebra-secret", "Zebracorn pricing", "zebracorn pricing notes")
        {
            Confidentiality = Confidentiality.Confidential,
            Readers = [Caller.GroupPrincipal(TestCallers.ResearchGroup)],
        },
    ];
}

/// <summary>"Did you mean" corrects misspelt English words when there are few hits, never from unreadable documents.</summary>
public sealed class DidYouMeanTests(SpellingCorpus corpus) : IClassFixture<SpellingCorpus>
{
    [Theory]
    [InlineData("campaing", "campaign")]
    [InlineData("Campaing retention", "campaign retention")]
    [InlineData("retension", "retention")]
    [InlineData("复盘 campaing", "复盘 campaign")]
    [InlineData("campaing type:retrospective", "campaign type:retrospective")]
    [InlineData("playbok", "playbook")]
    public void A_misspelt_word_is_corrected_when_the_correction_finds_something(string query, string expected)
    {
        var results = corpus.Host.Search(query, TestCallers.Carol);

        Assert.Equal(expected, results.DidYouMean);
        if (results.Notes.Any(n => n.Kind == QueryNoteKind.MostWords))
        {
            // No document has every word: the hits have most of them, and the correction is offered beside them.
            Assert.Contains(results.Notes, n => n.Kind == QueryNoteKind.MostWords && n.Words.Contains("campaing", StringComparer.OrdinalIgnoreCase));
            return;
        }

        Assert.True(results.Total < 3);
        Assert.True(corpus.Host.Search(expected, TestCallers.Carol).Total > results.Total);
    }

    /// <summary>
    /// The correction is counted as its own page reads it: with an unknown word beside it (most words), or a word joined by
    /// signs that no document has as written (its parts), it finds what the misspelt query did not.
    /// </summary>
    [Theory]
    [InlineData("zzqxv campaing", "zzqxv campaign", QueryNoteKind.MostWords)]
    [InlineData("node.js campaing", "node.js campaign", QueryNoteKind.JoinedWordsSplit)]
    public void A_correction_is_offered_when_its_page_finds_more_by_a_fallback(string query, string expected, QueryNoteKind fallback)
    {
        var results = corpus.Host.Search(query, TestCallers.Carol);

        Assert.Equal(0, results.Total);
        Assert.Equal(expected, results.DidYouMean);
        var corrected = corpus.Host.Search(expected, TestCallers.Carol);
        Assert.True(corrected.Total > 0);
        Assert.Contains(corrected.Notes, n => n.Kind == fallback);
    }

    [Fact]
    public void No_correction_when_its_page_finds_nothing_either()
    {
        // Most of three words is two: campaign alone is not enough, so the corrected page would be as empty as this one.
        Assert.Null(corpus.Host.Search("zzqxv wqqpl campaing", TestCallers.Carol).DidYouMean);
    }

    [Theory]
    [InlineData("campaign")]
    [InlineData("campaigns review")]
    [InlineData("kangaroo")]
    [InlineData("campa*")]
    [InlineData("-campaing")]
    [InlineData("title:campaing")]
    [InlineData("复盘")]
    public void No_correction_without_a_misspelt_word_or_with_enough_hits(string query)
    {
        Assert.Null(corpus.Host.Search(query, TestCallers.Carol).DidYouMean);
    }

    /// <summary>An address, a file name, a path or a wildcard is written as it is: none of its words is "corrected" (example.com is not example.crm).</summary>
    [Theory]
    [InlineData("campaing@example.com")]
    [InlineData("ops@campaing")]
    [InlineData("campaing@ops")]
    [InlineData("ops@campaing.org")]
    [InlineData("campaing.docx")]
    [InlineData("https://wiki.example.com/campaing")]
    [InlineData("/srv/share/campaing")]
    [InlineData("ops\\campaing\\2026")]
    [InlineData("ca?paing")]
    public void No_word_of_an_address_a_name_with_dots_or_a_wildcard_is_corrected(string query)
    {
        Assert.Null(corpus.Host.Search(query, TestCallers.Carol).DidYouMean);
    }

    [Theory]
    [InlineData("campaing.", "campaign.")]
    [InlineData("how did the campaing go?", "how did the campaign go?")]
    [InlineData("campaing?", "campaign?")]
    [InlineData("campaing at ops@example.com", "campaign at ops@example.com")]
    [InlineData("retension, campaing.docx", "retention, campaing.docx")]
    public void A_word_beside_an_address_or_ending_a_sentence_is_still_corrected(string query, string expected)
    {
        Assert.Equal(expected, corpus.Host.Search(query, TestCallers.Carol).DidYouMean);
    }

    /// <summary>A word of five letters or fewer is corrected by one edit, never two (covid is not "copied"); a longer one by two.</summary>
    [Theory]
    [InlineData("lanch", "launch")]
    [InlineData("ownre", "owner")]
    [InlineData("lanxh", null)]
    [InlineData("ownxs", null)]
    [InlineData("retantoin", "retention")]
    public void A_short_word_is_corrected_by_one_edit_at_most(string query, string? expected)
    {
        Assert.Equal(expected, corpus.Host.Search(query, TestCallers.Carol).DidYouMean);
    }

    /// <summary>An acronym as written (OKR, five capitals at most) is a name to search, not a misspelt word; in lower case, or longer (caps lock), it is corrected.</summary>
    [Fact]
    public void An_acronym_in_capitals_is_not_corrected()
    {
        Assert.Null(corpus.Host.Search("OKR launch", TestCallers.Carol).DidYouMean);
        Assert.Equal("ok launch", corpus.Host.Search("okr launch", TestCallers.Carol).DidYouMean);
        Assert.Equal("campaign", corpus.Host.Search("CAMPAING", TestCallers.Carol).DidYouMean);
    }

    [Fact]
    public void A_word_only_in_a_document_the_user_may_not_read_is_never_suggested()
    {
        Assert.Equal("zebracorn", corpus.Host.Search("zebracorm", TestCallers.Bob).DidYouMean);
        Assert.Null(corpus.Host.Search("zebracorm", TestCallers.Dave).DidYouMean);
        Assert.Null(corpus.Host.Search("zebracorm pricing", TestCallers.Dave).DidYouMean);
    }

    /// <summary>The lessons page corrects as the search page does, from lessons the caller may read.</summary>
    [Fact]
    public void A_misspelt_lesson_word_is_corrected_from_lessons_the_user_may_read()
    {
        var misspelt = corpus.Host.Service.SearchLessons(new LessonQuery { Query = "onboardng", Caller = TestCallers.Carol });
        Assert.Equal(0, misspelt.Total);
        Assert.Equal("onboarding", misspelt.DidYouMean);
        Assert.Equal(["Onboarding emails need a named owner."], corpus.Host.Service.SearchLessons(new LessonQuery { Query = "onboarding", Caller = TestCallers.Carol }).Hits.Select(h => h.Text));

        // Quokkaberry is only in a lesson of a Confidential document: Bob (research) is offered it, Dave never.
        Assert.Equal("quokkaberry", corpus.Host.Service.SearchLessons(new LessonQuery { Query = "quokkabery", Caller = TestCallers.Bob }).DidYouMean);
        Assert.Null(corpus.Host.Service.SearchLessons(new LessonQuery { Query = "quokkabery", Caller = TestCallers.Dave }).DidYouMean);
    }

    [Fact]
    public void A_word_in_documents_but_in_no_lesson_is_not_offered_for_lessons()
    {
        // "playbook" is in a document's title and text, not in any lesson: correcting to it would find no lesson either.
        Assert.Equal("playbook", corpus.Host.Search("playbok", TestCallers.Carol).DidYouMean);
        Assert.Null(corpus.Host.Service.SearchLessons(new LessonQuery { Query = "playbok", Caller = TestCallers.Carol }).DidYouMean);
    }
}

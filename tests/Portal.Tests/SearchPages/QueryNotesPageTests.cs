using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.SearchPages;

/// <summary>The search page shows how a query was read: the time filter as a removable chip, and notes in the user's language.</summary>
public sealed class QueryNotesPageTests(SearchPagesWorld world) : IClassFixture<SearchPagesWorld>
{
    [Fact]
    public async Task A_time_word_is_a_chip_whose_link_searches_the_other_words_without_it()
    {
        var client = await world.SignedInAsync("carol");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var page = await client.GetDocumentAsync("/Search?q=zephyrine+this+year");

        var chip = page.QuerySelector(".time-chip")!;
        Assert.Contains("this year", chip.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("-01-01", chip.GetAttribute("data-from"), StringComparison.Ordinal);
        Assert.Equal(4, page.QuerySelectorAll(".hit").Length); // three zephyrine documents and the follow-up meeting, all created this year
        var removed = await client.GetDocumentAsync(chip.QuerySelector("a.chip-remove")!.GetAttribute("href")!);
        Assert.Null(removed.QuerySelector(".time-chip"));
        Assert.Equal("zephyrine", removed.QuerySelector("#search-q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_time_filter_that_would_empty_the_page_is_not_applied_and_says_so()
    {
        var client = await world.SignedInAsync("carol");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var page = await client.GetDocumentAsync("/Search?q=zephyrine+last+year");

        // Nothing was written last year: the page shows what "zephyrine" finds at any time, without a time chip.
        Assert.Equal(4, page.QuerySelectorAll(".hit").Length);
        Assert.Null(page.QuerySelector(".time-chip"));
        var note = page.QuerySelector(".query-note[data-note=TimeFilterEmptied]")!;
        Assert.Equal("Nothing in “last year”, so these 4 results are from any time. Search “last year” as words", note.TextContent.Trim());
        var words = await client.GetDocumentAsync(note.QuerySelector("a.search-time-as-words")!.GetAttribute("href")!);
        Assert.Null(words.QuerySelector(".time-chip"));
        Assert.Equal("zephyrine \"last year\"", words.QuerySelector("#search-q")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("en", "Common words not searched for: how to")]
    [InlineData("zh-CN", "已忽略常用词：how to")]
    public async Task Left_out_question_words_are_named_in_the_users_language(string language, string expected)
    {
        var client = await world.SignedInAsync("carol");
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var page = await client.GetDocumentAsync("/Search?q=how+to+zephyrine");

        Assert.NotEmpty(page.QuerySelectorAll(".hit"));
        Assert.Contains(expected, page.QuerySelector(".query-note[data-note=IgnoredWords]")!.TextContent, StringComparison.Ordinal);
    }
}

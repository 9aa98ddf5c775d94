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

    /// <summary>Words never found together: the empty page says so and names the word nothing has, in the page's language.</summary>
    [Theory]
    [InlineData("en", "No document has most of these words together: try fewer words. No document has: qqzvx wwqpz")]
    [InlineData("zh-CN", "没有文档同时包含其中大部分词语，可以减少一些词再试。 没有任何文档包含：qqzvx wwqpz")]
    public async Task Words_never_found_together_are_said_on_the_empty_page(string language, string expected)
    {
        var client = await SignedInAsync("carol", language);

        var page = await client.GetDocumentAsync("/Search?q=zephyrine+qqzvx+wwqpz");

        Assert.Empty(page.QuerySelectorAll(".hit"));
        Assert.Equal(expected, Assert.Single(page.QuerySelectorAll(".query-note[data-note=NoneTogether]")).TextContent.Trim());
    }

    /// <summary>A filter value nothing readable has: the empty page names the filter, typed or clicked, on search and lessons.</summary>
    [Theory]
    [InlineData("en", "/Search?q=zephyrine+tag:qqzvx", "No document you may read matches tag:qqzvx: check the filter's value.")]
    [InlineData("zh-CN", "/Search?q=zephyrine&tag=qqzvx", "你可以查看的文档中没有符合 tag:qqzvx 的，请检查筛选的值。")]
    [InlineData("en", "/Lessons?q=connection+pool+owner:qqzvx", "No lesson you may read matches owner:qqzvx: check the filter's value.")]
    [InlineData("zh-CN", "/Lessons?q=connection+pool+tag:qqzvx", "你可以查看的经验中没有符合 tag:qqzvx 的，请检查筛选的值。")]
    public async Task A_filter_value_nothing_has_is_named_on_the_empty_page(string language, string url, string expected)
    {
        var client = await SignedInAsync("alice", language);

        var page = await client.GetDocumentAsync(url);

        Assert.Empty(page.QuerySelectorAll(".hit, .lesson-hit"));
        var note = Assert.Single(page.QuerySelectorAll(".query-note[data-note=FilterMatchesNothing]"));
        Assert.Equal(expected, note.TextContent.Trim());
        Assert.NotNull(note.QuerySelector("[data-content]"));
    }

    /// <summary>A search that finds only archived documents says how many and links to the search with them.</summary>
    [Theory]
    [InlineData("en", "Only archived documents match (1). Include archived")]
    [InlineData("zh-CN", "只有已归档的文档符合（1 篇）。 包含已归档")]
    public async Task An_empty_page_whose_matches_are_archived_links_to_them(string language, string expected)
    {
        var client = await SignedInAsync("alice", language);
        var archived = await client.GetDocumentAsync("/Search?q=status:archived");
        var title = archived.QuerySelectorAll("article.hit .hit-title a").Select(a => a.TextContent.Trim()).First();

        var page = await client.GetDocumentAsync("/Search?q=" + Uri.EscapeDataString("\"" + title + "\""));

        Assert.Empty(page.QuerySelectorAll(".hit"));
        var note = Assert.Single(page.QuerySelectorAll(".query-note[data-note=OnlyArchived]"));
        Assert.Equal(expected, note.TextContent.Trim());
        var withArchived = await client.GetDocumentAsync(note.QuerySelector("a.search-include-archived")!.GetAttribute("href")!);
        Assert.Contains(title, withArchived.QuerySelectorAll("article.hit .hit-title a").Select(a => a.TextContent.Trim()));
        Assert.Empty(withArchived.QuerySelectorAll(".query-note"));
    }

    /// <summary>Only the archived report has both words, others have "report": the most-words page says so and links to the search with archived documents.</summary>
    [Theory]
    [InlineData("en", "Only archived documents have every word (1); these results have most of them. Include archived")]
    [InlineData("zh-CN", "只有已归档的文档包含全部词语（1 篇），以下结果包含其中大部分。 包含已归档")]
    public async Task A_page_of_most_words_whose_every_word_an_archived_document_has_links_to_it(string language, string expected)
    {
        var client = await SignedInAsync("carol", language);

        var page = await client.GetDocumentAsync("/Search?q=quokkaline+report");

        Assert.NotEmpty(page.QuerySelectorAll(".hit"));
        Assert.Null(page.QuerySelector(".query-note[data-note=MostWords]"));
        var note = Assert.Single(page.QuerySelectorAll(".query-note[data-note=ArchivedHaveEveryWord]"));
        Assert.Equal(expected, note.TextContent.Trim());
        var withArchived = await client.GetDocumentAsync(note.QuerySelector("a.search-include-archived")!.GetAttribute("href")!);
        Assert.Equal("Quokkaline old report", withArchived.QuerySelectorAll("article.hit .hit-title a").Select(a => a.TextContent.Trim()).First());
        Assert.Empty(withArchived.QuerySelectorAll(".query-note"));
    }

    /// <summary>Most words, and one of them only the archived report has: it is named as such, with the link to include archived documents.</summary>
    [Theory]
    [InlineData("en", "Only archived documents have: quokkaline Include archived")]
    [InlineData("zh-CN", "只有已归档的文档包含：quokkaline 包含已归档")]
    public async Task A_word_only_archived_documents_have_is_named_as_such(string language, string expected)
    {
        var client = await SignedInAsync("carol", language);

        var page = await client.GetDocumentAsync("/Search?q=quokkaline+zephyrine");

        Assert.NotEmpty(page.QuerySelectorAll(".hit"));
        Assert.NotNull(page.QuerySelector(".query-note[data-note=MostWords]"));
        var note = Assert.Single(page.QuerySelectorAll(".query-note[data-note=OnlyArchivedHave]"));
        Assert.Equal(expected, note.TextContent.Trim());
        Assert.NotNull(note.QuerySelector("a.search-include-archived"));
    }

    /// <summary>A pasted line with a quotation that nothing has as written: its words are searched, and the page says so.</summary>
    [Theory]
    [InlineData("en", "Nothing matched your search with its quotes and operators, so we searched its words.")]
    [InlineData("zh-CN", "按引号和运算符原样搜索没有结果，已按其中的词语搜索。")]
    public async Task A_long_query_whose_syntax_finds_nothing_is_searched_as_words_with_a_note(string language, string expected)
    {
        var client = await SignedInAsync("carol", language);

        var page = await client.GetDocumentAsync("/Search?q=" + Uri.EscapeDataString("\"zephyrine numbers\" notes about the figures we saw"));

        Assert.NotEmpty(page.QuerySelectorAll(".hit"));
        Assert.Equal(expected, Assert.Single(page.QuerySelectorAll(".query-note[data-note=SyntaxAsWords]")).TextContent.Trim());
    }

    /// <summary>
    /// A short quoted phrase nothing has: the empty page says how many documents have its words and links to that search,
    /// which keeps the typed filter and finds them.
    /// </summary>
    [Theory]
    [InlineData("en", "Nothing matches this as typed, with its quotes and operators. Documents with all of its words: 3. Search the words without quotes and operators")]
    [InlineData("zh-CN", "按引号和运算符原样搜索没有结果。包含其中全部词语的文档：3 篇。 不带引号和运算符搜索这些词语")]
    public async Task A_short_quoted_phrase_nothing_has_links_to_its_words(string language, string expected)
    {
        var client = await SignedInAsync("carol", language);

        var page = await client.GetDocumentAsync("/Search?q=" + Uri.EscapeDataString("\"numbers zephyrine\""));

        Assert.Empty(page.QuerySelectorAll(".hit"));
        var note = Assert.Single(page.QuerySelectorAll(".query-note"));
        Assert.Equal("AsTypedFoundNothing", note.GetAttribute("data-note"));
        Assert.Equal(expected, note.TextContent.Trim());
        var words = await client.GetDocumentAsync(note.QuerySelector("a.search-as-words")!.GetAttribute("href")!);
        Assert.Equal("numbers zephyrine", words.QuerySelector("#search-q")!.GetAttribute("value"));
        Assert.Equal(3, words.QuerySelectorAll(".hit").Length);
        Assert.Empty(words.QuerySelectorAll(".query-note"));
    }

    /// <summary>A word joined by signs that no document writes so is searched as its parts, and the page says so, quoting it.</summary>
    [Theory]
    [InlineData("en", "No document has “zephyrine→numbers” as written, so we searched the parts its signs join as separate words.")]
    [InlineData("zh-CN", "没有文档包含原样的“zephyrine→numbers”，已把其中被符号连起来的各部分当作单独的词搜索。")]
    public async Task A_joined_word_no_document_writes_so_is_searched_as_its_parts_with_a_note(string language, string expected)
    {
        var client = await SignedInAsync("carol", language);

        var page = await client.GetDocumentAsync("/Search?q=" + Uri.EscapeDataString("zephyrine→numbers"));

        Assert.Equal(3, page.QuerySelectorAll(".hit").Length);
        Assert.Equal(expected, Assert.Single(page.QuerySelectorAll(".query-note[data-note=JoinedWordsSplit]")).TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "Common words not searched for: how to")]
    [InlineData("zh-CN", "已忽略常用词：how to")]
    public async Task Left_out_question_words_are_named_in_the_users_language(string language, string expected)
    {
        var client = await SignedInAsync("carol", language);

        var page = await client.GetDocumentAsync("/Search?q=how+to+zephyrine");

        Assert.NotEmpty(page.QuerySelectorAll(".hit"));
        Assert.Contains(expected, page.QuerySelector(".query-note[data-note=IgnoredWords]")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>What was not searched as typed (syntax, a filter, a date) is said in the page's language, quoting what was typed.</summary>
    [Theory]
    [InlineData("zh-CN", "q=zephyrine+(((", "SyntaxError", "搜索语法有误，已改为按词语搜索。")]
    [InlineData("en", "q=zephyrine+(((", "SyntaxError", "Your search had a syntax error, so we searched for the words instead.")]
    [InlineData("zh-CN", "q=zephyrine+status:finished", "UnknownStatus", "没有“finished”这个状态（可用 草稿、审阅中、已发布、已归档），已忽略此筛选。")]
    [InlineData("zh-CN", "q=zephyrine+type:复盘报告", "UnknownType", "没有“复盘报告”这个文档类型（可用 复盘、周报），已忽略此筛选。")]
    [InlineData("en", "q=zephyrine+-type:retro", "UnknownType", "There is no document type “retro” (use Retrospective, Weekly report), so we ignored it.")]
    [InlineData("en", "q=zephyrine+status:已完成", "UnknownStatus", "There is no status “已完成” (use draft, in-review, published, archived), so we ignored it.")]
    [InlineData("zh-CN", "q=*zephyrine", "LeadingWildcard", "不支持以通配符开头的词（*word），已改为按词语搜索。")]
    [InlineData("zh-CN", "q=zephyrine+after:yesterday", "UnreadableDate", "无法识别“after:”中的日期“yesterday”（请用 YYYY-MM-DD），已忽略此筛选。")]
    [InlineData("zh-CN", "q=zephyrine&from=2026-13-45", "UnreadableDate", "无法识别“从”中的日期“2026-13-45”（请用 YYYY-MM-DD），已忽略此筛选。")]
    [InlineData("en", "q=zephyrine&to=tomorrow", "UnreadableDate", "We could not read the date “tomorrow” in “To” (use YYYY-MM-DD), so we ignored it.")]
    [InlineData("zh-CN", "q=zephyrine+%E7%B1%BB%E5%9E%8B%EF%BC%9A%22%22", "EmptyFilter", "筛选 类型: 没有填写值，已忽略此筛选。")]
    [InlineData("en", "q=zephyrine+type:%22%22", "EmptyFilter", "The filter type: has no value, so we ignored it.")]
    [InlineData("en", "q=zephyri", "LastWordAsPrefix", "No document has the word “zephyri”, so we searched for words that start with it.")]
    [InlineData("zh-CN", "q=zephyri", "LastWordAsPrefix", "没有文档包含“zephyri”这个词，已搜索以它开头的词。")]
    public async Task What_was_not_searched_as_typed_is_said_in_the_users_language(string language, string query, string kind, string expected)
    {
        var client = await SignedInAsync("carol", language);

        var page = await client.GetDocumentAsync("/Search?" + query);

        Assert.Equal(expected, Assert.Single(page.QuerySelectorAll($".query-note[data-note={kind}]")).TextContent.Trim());
        Assert.NotEmpty(page.QuerySelectorAll(".hit"));
    }

    [Theory]
    [InlineData("zh-CN", "“26”不是年份（请用四位数字，如 year:2026），已忽略此筛选。")]
    [InlineData("en", "“26” is not a year (use four digits, e.g. year:2026), so we ignored it.")]
    public async Task The_lessons_page_says_what_was_not_searched_as_typed_in_the_users_language(string language, string expected)
    {
        var client = await SignedInAsync("alice", language);

        var page = await client.GetDocumentAsync("/Lessons?q=connection+pool+year:26");

        Assert.Equal(expected, Assert.Single(page.QuerySelectorAll(".query-note[data-note=NotAYear]")).TextContent.Trim());
        Assert.Single(page.QuerySelectorAll(".lesson-hit"));
    }

    [Fact]
    public async Task The_lessons_page_reads_time_words_and_most_words_as_the_search_page_does()
    {
        var client = await world.SignedInAsync("alice");

        var thisYear = await client.GetDocumentAsync("/Lessons?q=connection+pool+this+year");
        var lastYear = await client.GetDocumentAsync("/Lessons?q=connection+pool+last+year");
        var most = await client.GetDocumentAsync("/Lessons?q=connection+pool+quuxbarnacle");

        // The lesson's document was written this year: a chip for the time filter, whose link drops the time words.
        Assert.Single(thisYear.QuerySelectorAll(".lesson-hit"));
        Assert.StartsWith("/Lessons?q=connection%20pool", thisYear.QuerySelector(".time-chip a.chip-remove")!.GetAttribute("href"), StringComparison.Ordinal);
        // Last year has no such lesson: the lessons of any time, with a note and a link searching the phrase as words.
        Assert.Single(lastYear.QuerySelectorAll(".lesson-hit"));
        Assert.Null(lastYear.QuerySelector(".time-chip"));
        Assert.StartsWith("/Lessons?q=", lastYear.QuerySelector(".query-note[data-note=TimeFilterEmptied] a.search-time-as-words")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Single(most.QuerySelectorAll(".lesson-hit"));
        Assert.Contains("quuxbarnacle", most.QuerySelector(".query-note[data-note=MostWords]")!.TextContent, StringComparison.Ordinal);
        // It names what was searched: lessons here, documents on the search page.
        Assert.StartsWith("No lesson has every word", most.QuerySelector(".query-note[data-note=MostWords]")!.TextContent.Trim(), StringComparison.Ordinal);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = await client.GetDocumentAsync("/Lessons?q=connection+pool+quuxbarnacle");
        Assert.Equal("没有经验包含全部词语，以下经验包含其中大部分。 没有任何经验包含：quuxbarnacle", chinese.QuerySelector(".query-note[data-note=MostWords]")!.TextContent.Trim());
    }

    /// <summary>A type filter by the type's name in either language (the test store holds two templates) selects what its key selects.</summary>
    [Theory]
    [InlineData("type:复盘", "retrospective")]
    [InlineData("type:周报", "weekly-report")]
    [InlineData("type:\"weekly report\"", "weekly-report")]
    [InlineData("type:Weekly-Report", "weekly-report")]
    public async Task A_type_typed_by_its_name_selects_that_type(string filter, string key)
    {
        var client = await world.SignedInAsync("carol");

        var byName = await client.GetDocumentAsync("/Search?q=" + Uri.EscapeDataString("zephyrine " + filter));
        var byKey = await client.GetDocumentAsync("/Search?q=" + Uri.EscapeDataString("zephyrine type:" + key));
        var lessons = await client.GetDocumentAsync("/Lessons?q=" + Uri.EscapeDataString(filter));
        var lessonsByKey = await client.GetDocumentAsync("/Lessons?q=" + Uri.EscapeDataString("type:" + key));

        static string[] Hits(AngleSharp.Html.Dom.IHtmlDocument page) => [.. page.QuerySelectorAll("article.hit .hit-title a").Select(a => a.GetAttribute("href")!)];
        Assert.NotEmpty(Hits(byKey));
        Assert.Equal(Hits(byKey), Hits(byName));
        Assert.Equal(byKey.QuerySelector(".results-total")!.GetAttribute("data-total"), byName.QuerySelector(".results-total")!.GetAttribute("data-total"));
        Assert.Equal(lessonsByKey.QuerySelector(".results-total")!.GetAttribute("data-total"), lessons.QuerySelector(".results-total")!.GetAttribute("data-total"));
        // Read by name as by key: the same notes (weekly reports have no lessons: both say nothing matches the type).
        Assert.Empty(lessons.QuerySelectorAll(".query-note[data-note=UnknownType]"));
        Assert.Equal(
            lessonsByKey.QuerySelectorAll(".query-note").Select(n => n.GetAttribute("data-note")),
            lessons.QuerySelectorAll(".query-note").Select(n => n.GetAttribute("data-note")));
        if (key == "retrospective")
        {
            Assert.NotEmpty(lessons.QuerySelectorAll(".lesson-hit"));
        }
    }

    /// <summary>A client signed in as <paramref name="user"/> whose browser asks for <paramref name="language"/>.</summary>
    private async Task<HttpClient> SignedInAsync(string user, string language)
    {
        var client = await world.SignedInAsync(user);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }
}

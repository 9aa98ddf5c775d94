using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests.Query;

/// <summary>
/// A word whose parts signs join — <c>GMV↑20%</c>, <c>node.js</c>, <c>KPI≥95%</c>, <c>ROI=3</c> — is a phrase of its parts,
/// and when no document has it so (with the other words), its parts are searched as words, with a note: never an empty
/// page without a word of why. Slashes beside Chinese part words as they do Latin ones; Markdown strikethrough and an
/// asterisk for "times" beside Chinese are no syntax.
/// </summary>
public sealed class JoinedWordTests : IAsyncLifetime
{
    private readonly SearchHost host = SearchHost.Create();

    public async Task InitializeAsync()
    {
        foreach (var doc in Documents)
        {
            await host.AddAsync(doc, catchUp: false);
        }

        await host.Synchronizer.CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static IEnumerable<TestDoc> Documents =>
    [
        new("gmv-apart", "大促复盘", "本次大促 GMV 同比提升 20%，客单价为去年的 1.2 倍。"),
        new("gmv-written", "周报", "本周 GMV↑20% 达成，转化率持平。"),
        new("runtime", "Build notes", "The build server runs Node.js 20 since March."),
        new("runtime-apart", "Tooling survey", "Teams asked whether node tooling or a js bundler should come first."),
        new("qa", "Support session", "The Q and A session covered refunds."),
        new("sales", "March review", "Sales cost rose in March."),
        new("roi", "投放复盘", "投放 ROI 稳定，3 个渠道高于目标。"),
        new("lesson-gmv", "会员日复盘", "## 经验教训\n\n- 老客复购让 GMV 同比提升 20%。\n"),
        new("double11", "大促节奏", "618 预热要早，双11 尾款要提醒。"),
        new("b2b", "Channel plan", "B2B leads stay flat while B2C grows."),
        new("strike", "方案修订", "旧方案作废，新方案上线。"),
        new("times", "客单价目标", "客单价 1.2 倍目标。"),
        new("standup", "Standup", "Standup at 10 sharp, 31 people came."),
        new("drag-guide", "Editing guide", "Drag-and-Drop moves a table.") { Status = DocumentStatus.Archived },
        new("drag-apart", "Upload tips", "Drop the file here, then drag the handle."),
        new("review-points", "大促复盘会", "这次复盘的要点：预热要早，尾款要提醒。"),
        new("points-whole", "周会纪要", "本周复盘要点已整理好。"),
        new("notable", "实验结论", "二单率差异显著，下周确认显著性。"),
    ];

    [Theory]
    [InlineData("GMV↑20%", "gmv-written")]
    [InlineData("node.js", "runtime")]
    [InlineData("Node.js 20", "runtime")]
    [InlineData("Q&A", "qa")] // the sign holds a word's place in the phrase: "Q and A"
    public void A_joined_word_written_so_finds_only_documents_that_write_it_so(string query, string expected)
    {
        var results = host.Search(query);

        Assert.Equal([expected], results.Hits.Select(h => h.DocumentId));
        Assert.DoesNotContain(results.Notes, n => n.Kind == QueryNoteKind.JoinedWordsSplit);
    }

    [Theory]
    [InlineData("GMV↑20% 大促", "GMV↑20%", "gmv-apart")] // lesson-gmv has GMV and 20 too, not 大促: 同比 here left the two tied

    [InlineData("GMV×1.2 客单价", "GMV×1.2", "gmv-apart")]
    [InlineData("ROI=3", "ROI=3", "roi")]
    [InlineData("node.js tooling", "node.js", "runtime-apart")]
    [InlineData("(KPI≥95%) 转化率 GMV", "KPI≥95%", "gmv-written")]
    public void A_joined_word_no_document_writes_so_is_searched_as_its_parts_with_a_note(string query, string joined, string expected)
    {
        var results = host.Search(query);

        Assert.Equal(expected, results.Hits[0].DocumentId);
        Assert.Equal([joined], Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.JoinedWordsSplit).Words);
    }

    [Fact]
    public void A_part_that_is_a_common_word_is_left_out_and_named()
    {
        var results = host.Search("cost-of-sales");

        Assert.Equal(["sales"], results.Hits.Select(h => h.DocumentId));
        Assert.Equal(["cost-of-sales"], Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.JoinedWordsSplit).Words);
        Assert.Equal(["of"], Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.IgnoredWords).Words);
    }

    /// <summary>Split, <c>R&amp;D</c> would search nothing, <c>Q&amp;A</c> Q alone: a word with one part that is no common word or single letter stays whole.</summary>
    [Fact]
    public void A_word_of_one_meaningful_part_is_not_split()
    {
        var results = host.Search("R&D tooling");

        Assert.Equal(["runtime-apart"], results.Hits.Select(h => h.DocumentId));
        Assert.Equal(["R&D"], Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.MostWords).Words);
        Assert.DoesNotContain(results.Notes, n => n.Kind == QueryNoteKind.JoinedWordsSplit);
    }

    [Theory]
    [InlineData("zzqv↑qqzx")]
    [InlineData("2031-10-31")]
    [InlineData("10-31")]
    [InlineData("1.2→3.1")]
    [InlineData("10:31")]
    [InlineData("https://example.org/node.js")]
    public void Parts_that_find_nothing_either_numbers_alone_and_literal_tokens_stay_as_written(string query)
    {
        var results = host.Search(query);

        Assert.Empty(results.Hits);
        Assert.DoesNotContain(results.Notes, n => n.Kind == QueryNoteKind.JoinedWordsSplit);
    }

    /// <summary>Archived documents have the word as typed: the page offers them, as for any words, rather than search its parts.</summary>
    [Fact]
    public void A_joined_word_only_archived_documents_have_is_not_split()
    {
        var results = host.Search("Drag-and-Drop");

        Assert.Empty(results.Hits);
        Assert.Equal(1, Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.OnlyArchived).Count);
        Assert.DoesNotContain(results.Notes, n => n.Kind == QueryNoteKind.JoinedWordsSplit);
        Assert.Equal(["drag-apart"], host.Ids("drag-and-drop handle"));
    }

    /// <summary>A line copied from a page has most words to fall back on; its <c>node.js</c> is no word the user joined.</summary>
    [Fact]
    public void Copied_text_keeps_its_joined_words_whole()
    {
        var results = host.Search("teams asked whether node.js tooling came first");

        Assert.Equal("runtime-apart", results.Hits[0].DocumentId);
        Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.MostWords);
        Assert.DoesNotContain(results.Notes, n => n.Kind == QueryNoteKind.JoinedWordsSplit);
    }

    /// <summary>A run of Chinese typed without spaces is a phrase: a document that writes it so is what it finds.</summary>
    [Fact]
    public void A_chinese_run_written_so_finds_only_documents_that_write_it_so()
    {
        var results = host.Search("复盘要点");

        Assert.Equal(["points-whole"], results.Hits.Select(h => h.DocumentId));
        Assert.Empty(results.Notes);
    }

    /// <summary>
    /// A run no document writes so (Chinese has no spaces to type between its words) is searched as its words, all of
    /// them, else most, with a note naming the run as typed — when nothing else finds anything: with other words, most of
    /// the words as typed come first, and split, the run's words must all be there (two of them are no "most" of three).
    /// </summary>
    [Theory]
    [InlineData("预热要点", "预热要点", null, "review-points")]
    [InlineData("預熱要點", "預熱要點", null, "review-points")]
    [InlineData("尾款提醒技巧", "尾款提醒技巧", "技巧", "double11 review-points")]
    public void A_chinese_run_no_document_writes_so_is_searched_as_its_words_with_a_note(string query, string run, string? missing, string expected)
    {
        var results = host.Search(query);

        Assert.Equal(expected.Split(' '), results.Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
        Assert.Equal([run], Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.RunsSplit).Words);
        Assert.Equal(missing is null ? [] : [missing], results.Notes.Where(n => n.Kind == QueryNoteKind.MostWords).SelectMany(n => n.Words));
    }

    [Theory]
    [InlineData("钨钢齿轮")] // its words are in no document either
    [InlineData("钨钢 预热要点")] // with another word: most of them would be 预热 and 要点, one word as typed
    [InlineData("复盘 -预热要点")] // an exclusion stays the run as written: review-points writes 预热 and 要点 apart
    public void A_chinese_run_is_not_split_when_its_words_find_nothing_or_it_is_excluded(string query)
    {
        var results = host.Search(query);

        Assert.DoesNotContain(results.Notes, n => n.Kind == QueryNoteKind.RunsSplit);
        Assert.Equal(query.StartsWith('复'), results.Hits.Any(h => h.DocumentId == "review-points"));
    }

    /// <summary>
    /// A lone character (着, folded from 著) is part of too many words (显著) to stand for a query that has a longer word:
    /// most of the words must include one of those. 意味著 typed as one is its words apart, 意味 and 着, as typed with a
    /// space; nothing has 意味, and the page says so rather than show every document with 显著.
    /// </summary>
    [Theory]
    [InlineData("意味著", true)]
    [InlineData("意味着", true)]
    [InlineData("意味 着", false)]
    [InlineData("意味 著", false)]
    public void A_lone_character_is_not_most_of_the_words(string query, bool run)
    {
        Assert.Contains("notable", host.Ids("着"));

        var results = host.Search(query);

        Assert.Empty(results.Hits);
        var none = Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.NoneTogether);
        Assert.Equal(["意味"], none.Words);
        Assert.Equal(run, results.Notes.Any(n => n.Kind == QueryNoteKind.RunsSplit));
        // Typed as one, its words were cut by the search: "try fewer words" would be no advice (the sentence says so).
        Assert.Equal(run, none.OfOneRun);
    }

    /// <summary>The phrase as typed finds nothing, and its words read as plain text would not either: no search to offer.</summary>
    [Fact]
    public void A_phrase_whose_only_word_there_is_a_lone_character_offers_no_words_search()
    {
        var note = Assert.Single(host.Search("\"意味 着\"").Notes, n => n.Kind == QueryNoteKind.AsTypedFoundNothing);

        Assert.Equal(["意味"], note.Words);
        Assert.Null(note.AsWords);
        Assert.NotNull(Assert.Single(host.Search("\"预热 着\"").Notes, n => n.Kind == QueryNoteKind.AsTypedFoundNothing).AsWords);
    }

    /// <summary>Most of 预热 and 着 is 预热: a document with only the lone character is not among them.</summary>
    [Fact]
    public void A_lone_character_does_not_widen_most_of_the_words()
    {
        var results = host.Search("预热 着");

        Assert.Equal(["double11", "review-points"], results.Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
        Assert.Contains(results.Notes, n => n.Kind == QueryNoteKind.MostWords);
        Assert.Equal(["double11", "notable", "review-points"], host.Ids("预热 OR 着").Order(StringComparer.Ordinal));
    }

    /// <summary>Beside a Latin word no document has (a title cut mid-word: 从LibreOfficeDr), the character is what there is to go on.</summary>
    [Fact]
    public void A_lone_character_beside_latin_words_only_is_still_most_of_the_words()
    {
        var results = host.Search("着 Zzqxvbuild");

        Assert.Equal(["notable"], results.Hits.Select(h => h.DocumentId));
        Assert.Equal(["Zzqxvbuild"], Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.MostWords).Words);
    }

    [Fact]
    public void An_excluded_joined_word_is_excluded_as_written()
    {
        Assert.Equal(["runtime-apart"], host.Ids("node tooling -node.js"));
        var without = host.Ids("-node.js");
        Assert.Contains("runtime-apart", without);
        Assert.DoesNotContain("runtime", without);
    }

    [Fact]
    public void Lessons_read_a_joined_word_the_same_way()
    {
        var results = host.Service.SearchLessons(new LessonQuery { Query = "GMV↑20%", Caller = TestCallers.Carol });

        Assert.Equal("lesson-gmv", Assert.Single(results.Hits).DocumentId);
        Assert.Equal(["GMV↑20%"], Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.JoinedWordsSplit).Words);
    }

    [Theory]
    [InlineData("618/双11", "double11")]
    [InlineData("双11/618", "double11")]
    [InlineData("B2B/B2C", "b2b")]
    [InlineData("~~旧方案~~ 新方案", "strike")]
    [InlineData("客单价*1.2", "times")]
    public void Slashes_strikethrough_and_a_product_beside_Chinese_are_no_syntax(string query, string expected)
    {
        var results = host.Search(query);

        Assert.Equal(expected, results.Hits[0].DocumentId);
        Assert.Empty(results.Notes);
    }
}

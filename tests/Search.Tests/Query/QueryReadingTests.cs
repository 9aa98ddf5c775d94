using KnowledgeHub.Search.Querying;

namespace KnowledgeHub.Search.Tests.Query;

/// <summary>Time words, exclusions that read like exclusions, and notes, over the sample content with its glossary.</summary>
public sealed class QueryReadingTests(SampleCorpus corpus) : IClassFixture<SampleCorpus>
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Theory]
    [InlineData("去年双十一复盘", "2025-01-01", "2025-12-31")]
    [InlineData("上个月 周报", "2026-10-01", "2026-10-31")]
    [InlineData("本周", "2026-11-23", "2026-11-29")]
    [InlineData("Q3 retention", "2026-07-01", "2026-09-30")]
    [InlineData("2025年3月", "2025-03-01", "2025-03-31")]
    [InlineData("March 2025 report", "2025-03-01", "2025-03-31")]
    [InlineData("H1 membership", "2026-01-01", "2026-06-30")]
    [InlineData("上半年会员数据", "2026-01-01", "2026-06-30")]
    [InlineData("last week", "2026-11-16", "2026-11-22")]
    [InlineData("上個月 週報", "2026-10-01", "2026-10-31")]
    [InlineData("本週", "2026-11-23", "2026-11-29")]
    [InlineData("最近一个月 复盘", "2026-10-30", "2026-11-29")]
    [InlineData("近三个月的周报", "2026-08-30", "2026-11-29")]
    [InlineData("过去7天", "2026-11-23", "2026-11-29")]
    [InlineData("過去一週", "2026-11-23", "2026-11-29")]
    [InlineData("近两周 复盘", "2026-11-16", "2026-11-29")]
    [InlineData("近半年", "2026-05-30", "2026-11-29")]
    [InlineData("最近十二个月", "2025-11-30", "2026-11-29")]
    [InlineData("近 30 天", "2026-10-31", "2026-11-29")]
    [InlineData("retention past 30 days", "2026-10-31", "2026-11-29")]
    [InlineData("last 3 months retention", "2026-08-30", "2026-11-29")]
    [InlineData("past year", "2025-11-30", "2026-11-29")]
    [InlineData("past two weeks", "2026-11-16", "2026-11-29")]
    [InlineData("retention results last quarter", "2026-07-01", "2026-09-30")]
    [InlineData("this quarter", "2026-10-01", "2026-12-31")]
    [InlineData("上季度复盘", "2026-07-01", "2026-09-30")]
    [InlineData("上個季度 複盤", "2026-07-01", "2026-09-30")]
    [InlineData("本季度", "2026-10-01", "2026-12-31")]
    public void A_time_expression_becomes_a_range_of_days(string query, string from, string to)
    {
        var (_, range) = TimeWords.Extract(query, Today);

        Assert.NotNull(range);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), range.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), range.To);
    }

    [Theory]
    [InlineData("618 大促")]
    [InlineData("2026 plan")]
    [InlineData("\"Q3\" plan")]
    [InlineData("tag:Q3")]
    [InlineData("Q3-Q4 plan")]
    [InlineData("H1/H2 对比")]
    [InlineData("2025/Q3 retention")]
    [InlineData("Q3-复盘")]
    [InlineData("接近一年的复盘")]
    [InlineData("近日 复盘")]
    [InlineData("最近零天")]
    [InlineData("近半月")]
    [InlineData("past due invoices")]
    [InlineData("last day of the campaign")]
    [InlineData("本季新品")]
    public void Numbers_quoted_words_filter_values_and_parts_of_longer_tokens_are_not_time_words(string query) =>
        Assert.Null(TimeWords.Extract(query, Today).Range);

    /// <summary>Words joined by a slash also find a document that has them apart: the spring plan reaches users "by push and SMS".</summary>
    [Fact]
    public void Words_joined_by_a_slash_also_find_them_apart()
    {
        var apart = corpus.Host.Ids("push SMS", TestCallers.Carol);
        var slashed = corpus.Host.Ids("push/SMS", TestCallers.Carol);

        Assert.Contains("campaign-2026-spring-festival-plan", apart);
        Assert.Equal(apart.Order(StringComparer.Ordinal), slashed.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(corpus.Host.Search("push/SMS", TestCallers.Carol).Notes, n => n.NotAsTyped);
        // A stop word in it keeps the token whole: On/Off is a term, not "Off" with "On" left out.
        Assert.Empty(corpus.Host.Search("On/Off", TestCallers.Carol).Notes);
    }

    /// <summary>A word of letters joined by hyphens also finds its letters written together: a sample writes "email".</summary>
    [Fact]
    public void A_hyphenated_word_also_finds_the_word_written_together()
    {
        var together = corpus.Host.Ids("email", TestCallers.Carol);
        var hyphenated = corpus.Host.Ids("e-mail", TestCallers.Carol);

        Assert.Contains("retro-2026-spring-festival", together);
        Assert.Equal(together.Order(StringComparer.Ordinal), hyphenated.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("retro-2026-spring-festival", corpus.Host.Ids("spring -e-mail", TestCallers.Carol));
        Assert.Contains("retro-2026-spring-festival", corpus.Host.Ids("spring", TestCallers.Carol));
    }

    [Fact]
    public void Last_years_Singles_Day_retrospective_is_found_through_the_time_word_with_a_chip()
    {
        corpus.Host.Clock.Set(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.FromHours(8)));
        var results = corpus.Host.Search(new SearchRequest { Query = "去年双十一复盘", Caller = TestCallers.Carol, IncludeArchived = true });

        Assert.Equal("retro-2025-double11", results.Hits[0].DocumentId);
        Assert.Equal("去年", results.TimeFilter?.Phrase);
        Assert.Equal("双十一复盘", results.TimeFilter?.QueryWithout);
        Assert.All(results.Hits, h => Assert.DoesNotContain("2026", h.DocumentId, StringComparison.Ordinal));
    }

    /// <summary>
    /// A passage pasted from a document is prose: its "last year" / 去年 is no time filter, which would leave out the
    /// document it came from (a 2026 plan recalling last year) while most words still found others.
    /// </summary>
    [Theory]
    [InlineData("去年双十一 GMV 未达标，直接原因是尾款支付率只有 68%；今年 618 的主要问题是开门红系统故障和新客商品缺货", "campaign-2026-double11-plan")]
    [InlineData("Lapsed users who bought during last year's Spring Festival but not since (about 400k), reached by push and SMS.", "campaign-2026-spring-festival-plan")]
    public void A_time_word_inside_a_pasted_passage_is_no_filter(string passage, string source)
    {
        corpus.Host.Clock.Set(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.FromHours(8)));

        var results = corpus.Host.Search(passage, TestCallers.Carol);

        Assert.True(NaturalQueries.IsPassage(passage));
        Assert.Null(results.TimeFilter);
        Assert.Equal(source, results.Hits[0].DocumentId);
    }

    /// <summary>A Chinese passage's quotes and brackets are its punctuation, as an English passage's are: no syntax, no syntax-error note.</summary>
    [Fact]
    public void A_chinese_passage_with_an_unclosed_bracket_is_read_as_words_without_a_note()
    {
        const string passage = "按用户价值分 4 层发放满减券，高价值用户核销率 41%，比去年统一券包高 12 个百分点（见附表";

        var results = corpus.Host.Search(passage, TestCallers.Carol);

        Assert.False(NaturalQueries.HasOperators(passage));
        Assert.DoesNotContain(results.Notes, n => n.NotAsTyped);
        Assert.Equal("retro-2026-618-campaign", results.Hits[0].DocumentId);
    }

    /// <summary>A date filter's name before a time word is the time word's: no filter is left empty ("After: last week").</summary>
    [Theory]
    [InlineData("After: last week")]
    [InlineData("周报 updated： 本月")]
    public void A_date_filter_name_before_a_time_word_goes_with_it(string query)
    {
        corpus.Host.Clock.Set(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.FromHours(8)));

        var results = corpus.Host.Search(query, TestCallers.Carol);

        Assert.NotNull(results.TimeFilter);
        Assert.DoesNotContain(results.Notes, n => n.Kind == QueryNoteKind.EmptyFilter);
        Assert.DoesNotContain(":", results.TimeFilter.QueryWithout, StringComparison.Ordinal);
        Assert.DoesNotContain("：", results.TimeFilter.QueryWithout, StringComparison.Ordinal);
    }

    /// <summary>A tilde joining a range in prose (Q1~Q2, 7~9月) is no fuzzy search: the words are searched without a note.</summary>
    [Theory]
    [InlineData("Q1~Q2 会员")]
    [InlineData("7~9月 会员")]
    public void A_tilde_joining_a_range_is_no_fuzzy_syntax(string query) =>
        Assert.DoesNotContain(corpus.Host.Search(query, TestCallers.Carol).Notes, n => n.NotAsTyped);

    [Theory]
    [InlineData("去年双十一复盘", false)]
    [InlineData("上个月直播复盘的行动项有哪些", false)]
    [InlineData("retention campaign plan for the members we lost last year", false)]
    [InlineData("去年双十一 GMV 未达标，直接原因是尾款支付率只有 68%；今年 618 的主要问题是开门红系统故障和新客商品缺货", true)]
    [InlineData("one two three four five six seven eight nine ten eleven twelve thirteen", true)]
    public void A_passage_is_long_text_a_question_is_not(string text, bool passage) =>
        Assert.Equal(passage, NaturalQueries.IsPassage(text));

    [Fact]
    public void A_time_filter_that_leaves_nothing_is_not_applied_and_says_so()
    {
        corpus.Host.Clock.Set(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.FromHours(8)));
        var timed = corpus.Host.Search("今天 StarSelect Plus membership launch");
        var words = corpus.Host.Search("StarSelect Plus membership launch");

        // Nothing was written today: the hits are the words' at any time, in the same order, and a note says so.
        Assert.True(words.Total > 0);
        Assert.Equal(words.Total, timed.Total);
        Assert.Equal(words.Hits.Select(h => h.DocumentId), timed.Hits.Select(h => h.DocumentId));
        var note = Assert.Single(timed.Notes, n => n.Kind == QueryNoteKind.TimeFilterEmptied);
        Assert.Equal(["今天"], note.Words);
        Assert.Equal(words.Total, note.Count);
        Assert.Contains("\"今天\"", timed.TimeFilter!.QueryAsWords, StringComparison.Ordinal);
        Assert.DoesNotContain(timed.Notes, n => n.Kind == QueryNoteKind.MostWords);
    }

    [Fact]
    public void A_time_filter_that_leaves_nothing_falls_back_to_most_words_at_any_time()
    {
        corpus.Host.Clock.Set(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.FromHours(8)));
        var results = corpus.Host.Search("今天 StarSelect Plus membership launch qwertyuiopzx");

        Assert.True(results.Total > 0);
        Assert.Contains(results.Notes, n => n.Kind == QueryNoteKind.TimeFilterEmptied);
        var most = Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.MostWords);
        Assert.Contains("qwertyuiopzx", most.Words);
    }

    [Fact]
    public void A_time_filter_that_keeps_hits_is_applied_without_the_note()
    {
        corpus.Host.Clock.Set(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.FromHours(8)));
        var results = corpus.Host.Search("今年 StarSelect Plus membership launch");

        Assert.DoesNotContain(results.Notes, n => n.Kind == QueryNoteKind.TimeFilterEmptied);
        Assert.Equal("今年", results.TimeFilter?.Phrase);
    }

    /// <summary>A time word typed in traditional characters is named as typed, and the rest of the query is what is left of it.</summary>
    [Fact]
    public void A_traditional_time_word_keeps_its_characters()
    {
        var (rest, range) = TimeWords.Extract("上個月 週報", Today);

        Assert.Equal("上個月", range?.Phrase);
        Assert.Equal("週報", rest);
    }

    [Fact]
    public void Question_words_do_not_block_a_match_and_are_named()
    {
        var results = corpus.Host.Search("how to organize a retrospective");

        Assert.Contains(results.Hits.Take(3), h => h.DocumentId == "sop-retrospective-process");
        Assert.Contains(results.Notes, n => n.Kind == QueryNoteKind.IgnoredWords && n.Words.Contains("how"));
    }

    /// <summary>"vs" between two things compared is no topic: 拉新 vs 促活 searches both words, not the word "vs".</summary>
    [Theory]
    [InlineData("拉新 vs 促活", "拉新 促活")]
    [InlineData("push vs. SMS", "push SMS")]
    public void A_comparison_word_is_left_out(string query, string words)
    {
        var results = corpus.Host.Search(query, TestCallers.Carol);

        Assert.NotEqual(0, results.Total);
        Assert.Equal(corpus.Host.Ids(words, TestCallers.Carol).Order(StringComparer.Ordinal), corpus.Host.Ids(query, TestCallers.Carol).Order(StringComparer.Ordinal));
        Assert.Contains(results.Notes, n => n.Kind == QueryNoteKind.IgnoredWords && n.Words.Any(w => w.StartsWith("vs", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_hit_found_only_through_the_glossary_says_which_term_matched()
    {
        var hit = corpus.Host.Search("会员日").Hits.First(h => h.DocumentId == "campaign-2026-member-day-december");

        Assert.Contains(hit.MatchedVia, m => m.Term == "会员日" && m.Via == "Member Day");
    }

    /// <summary>
    /// A word typed in traditional characters is the glossary's simplified term (復盤 finds what 复盘 finds, English
    /// retrospectives included), alone or inside a run (會員日複盤); a regional word the starter glossary lists (覆盤, as
    /// teams in Taiwan write 复盘) finds what the term finds; a traditional question word (怎麼) is left out as 怎么 is.
    /// </summary>
    [Theory]
    [InlineData("復盤", "复盘")]
    [InlineData("複盤", "复盘")]
    [InlineData("覆盤", "复盘")]
    [InlineData("會員日", "会员日")]
    [InlineData("會員日複盤", "会员日复盘")]
    [InlineData("怎麼做復盤", "怎么做复盘")]
    public void Traditional_words_expand_through_the_glossary_as_simplified_ones_do(string traditional, string simplified)
    {
        var expected = corpus.Host.Ids(simplified, TestCallers.Carol).Order(StringComparer.Ordinal).ToList();
        var results = corpus.Host.Search(traditional, TestCallers.Carol, pageSize: 100);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, results.Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
        Assert.Contains(results.Hits, h => h.MatchedVia.Count > 0);
        Assert.Equal(
            corpus.Host.Search(simplified, TestCallers.Carol).Notes.Where(n => n.Kind == QueryNoteKind.IgnoredWords).SelectMany(n => n.Words).Count(),
            results.Notes.Where(n => n.Kind == QueryNoteKind.IgnoredWords).SelectMany(n => n.Words).Count());
    }

    [Theory]
    [InlineData("运营术语表 Operations glossary")]
    [InlineData("运营术语表：Operations glossary")]
    [InlineData("Operations glossary")]
    [InlineData("operations 术语表")]
    public void A_glossary_searched_by_its_title_is_found_as_having_every_word(string query)
    {
        // A glossary's body holds every term, so a page of glossaries only is widened to most words; its title is its name.
        var results = corpus.Host.Search(query);

        Assert.Equal("glossary-operations", results.Hits[0].DocumentId);
        Assert.DoesNotContain(results.Notes, n => n.Kind == QueryNoteKind.MostWords);
    }

    [Theory]
    [InlineData("SOP: sending marketing push notifications", "sop-push-notification-sending")]
    [InlineData("SOP: sharing competitor and user research safely", "sop-research-sharing")]
    [InlineData("Competitor analysis: PinPinLe, H1 2026", "competitor-2026-h1-pinpinle")]
    [InlineData("Why new users drop out of onboarding: interview study", "ur-2026-onboarding-interviews")]
    public void A_pasted_title_with_a_colon_is_read_as_words_not_as_a_field(string title, string id)
    {
        var results = corpus.Host.Search(title);

        Assert.Equal(id, results.Hits[0].DocumentId);
        Assert.DoesNotContain(results.Notes, n => n.NotAsTyped);
    }

    /// <summary>Fragments copied from a page, cut inside a word at each end: the document that has their clauses word for word ranks first.</summary>
    [Theory]
    [InlineData("mised for the first order because it is easy to measure; the second order matters more for retention but nobody ow", "retro-2026-onboarding-revamp")]
    [InlineData("y was shown to a random sample of users active in the last 30 days", "ur-2025-push-fatigue-survey")]
    [InlineData("ot know the app lets them choose which kinds of notifications to rec", "ur-2025-push-fatigue-survey")]
    [InlineData("e second order matters more for retention but nob", "retro-2026-onboarding-revamp")]
    public void A_pasted_fragment_finds_the_document_it_was_copied_from(string fragment, string id) =>
        Assert.Equal(id, corpus.Host.Search(fragment).Hits[0].DocumentId);

    [Fact]
    public void A_pasted_fragment_with_an_unclosed_parenthesis_falls_back_to_most_words()
    {
        // Cut mid-word at both ends, one parenthesis open: the parser cannot read it, and every word cannot match.
        var results = corpus.Host.Search("ional notifications (order, payment, delivery upd");

        Assert.Equal("sop-push-notification-sending", results.Hits[0].DocumentId);
        Assert.Contains(results.Notes, n => n.Kind == QueryNoteKind.SyntaxError);
        Assert.Contains(results.Notes, n => n.Kind == QueryNoteKind.MostWords);
    }

    [Fact]
    public void A_pasted_fragment_with_a_quotation_that_finds_nothing_as_written_is_searched_as_words_a_typed_phrase_is_not()
    {
        var quoted = corpus.Host.Search("\"last chance\"");
        var results = corpus.Host.Search("d; no misleading urgency \"last chance\" only when it rea");

        Assert.Contains(quoted.Hits, h => h.DocumentId == "sop-push-notification-sending");
        Assert.DoesNotContain(quoted.Notes, n => n.Kind == QueryNoteKind.SyntaxAsWords);
        Assert.Equal("sop-push-notification-sending", results.Hits[0].DocumentId);
        Assert.Contains(results.Notes, n => n.Kind == QueryNoteKind.SyntaxAsWords);
        // A short query's quotes are meant: an exact phrase nothing has finds nothing.
        Assert.Equal(0, corpus.Host.Search("\"last chance sale\"").Total);
    }

    /// <summary>
    /// A short query whose quotes or operators find nothing is searched as written only (its syntax is meant), but the empty
    /// page says what its words find as plain text and offers that search, which finds what the note counts.
    /// </summary>
    [Theory]
    [InlineData("\"chance last\"", "chance last")]
    [InlineData("\"last chance\" AND \"urgency misleading\"", "last chance urgency misleading")]
    [InlineData("“复盘 会员”", "复盘 会员")]
    [InlineData("body:\"chance last\"", "chance last")]
    public void A_short_query_whose_syntax_finds_nothing_says_what_its_words_find_and_offers_that_search(string query, string offered)
    {
        var results = corpus.Host.Search(query);

        Assert.Equal(0, results.Total);
        var note = Assert.Single(results.Notes);
        Assert.Equal(QueryNoteKind.AsTypedFoundNothing, note.Kind);
        Assert.Empty(note.Words);
        Assert.Equal(offered, note.AsWords);
        var asWords = corpus.Host.Search(note.AsWords!);
        Assert.True(note.Count > 0);
        Assert.Equal(note.Count, asWords.Total);
        Assert.Empty(asWords.Notes);
    }

    /// <summary>
    /// Nothing has all of its words: the note names those no document has; the search of its words (most of them) is offered
    /// only when enough of them are somewhere to find anything.
    /// </summary>
    [Theory]
    [InlineData("\"last chance\" AND zzqxv", "zzqxv", "last chance zzqxv")]
    [InlineData("(push OR retention) AND \"zzqxv\"", "zzqxv", "push retention zzqxv")]
    [InlineData("+push +\"zzqxv wqqpl\"", "zzqxv wqqpl", null)]
    [InlineData("tag:618 \"push zzqxv\"", "zzqxv", "tag:618 push zzqxv")]
    public void A_short_query_whose_syntax_finds_nothing_names_the_words_no_document_has(string query, string missing, string? offered)
    {
        var results = corpus.Host.Search(query);

        Assert.Equal(0, results.Total);
        var note = Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.AsTypedFoundNothing);
        Assert.Equal(missing.Split(' '), note.Words);
        Assert.Equal(0, note.Count);
        Assert.Equal(offered, note.AsWords);
        if (offered is not null)
        {
            var asWords = corpus.Host.Search(offered);
            Assert.NotEqual(0, asWords.Total);
            Assert.Contains(asWords.Notes, n => n.Kind == QueryNoteKind.MostWords);
        }
    }

    /// <summary>Words that are each somewhere but never together: no word to name, and most of them are offered.</summary>
    [Fact]
    public void A_short_query_whose_words_are_never_together_says_so()
    {
        var results = corpus.Host.Search("\"urgency\" AND \"renewal\"");

        var note = Assert.Single(results.Notes);
        Assert.Equal(QueryNoteKind.AsTypedFoundNothing, note.Kind);
        Assert.Empty(note.Words);
        Assert.Equal(0, note.Count);
        Assert.NotNull(note.AsWords);
    }

    /// <summary>No word is anywhere, or the text is long enough to be searched as words already: no such note.</summary>
    [Theory]
    [InlineData("\"zzqxv wqqpl\"")]
    [InlineData("zzqxv AND wqqpl")]
    [InlineData("\"last chance sale\"  was what the zzqxv banner said")]
    public void No_words_note_when_no_word_is_anywhere_or_the_words_were_searched(string query) =>
        Assert.DoesNotContain(corpus.Host.Search(query).Notes, n => n.Kind == QueryNoteKind.AsTypedFoundNothing);

    [Theory]
    [InlineData("Round 函数 [VBA]", false)]
    [InlineData("[draft] launch plan {v2}", false)]
    [InlineData("[a TO z]", true)]
    [InlineData("title:[a TO z]", true)]
    [InlineData("{2024 TO", true)]
    [InlineData("[alpha TO", true)]
    [InlineData("plan \"launch\"", true)]
    public void Brackets_are_syntax_only_around_a_range(string text, bool syntax) =>
        Assert.Equal(syntax, NaturalQueries.HasOperators(text));

    [Fact]
    public void A_pasted_title_with_brackets_is_read_as_words()
    {
        var results = corpus.Host.Search("[SOP] sending marketing push notifications");

        Assert.Equal("sop-push-notification-sending", results.Hits[0].DocumentId);
        Assert.DoesNotContain(results.Notes, n => n.NotAsTyped);
    }

    [Theory]
    [InlineData("Weekly report: Editing Pivot Tables", "Weekly report  Editing Pivot Tables")]
    [InlineData("Note:", "Note ")]
    [InlineData("复盘: 要点", "复盘  要点")]
    [InlineData("title: plan", "title: plan")]
    [InlineData("Title: plan", "Title: plan")]
    [InlineData("tag: 618", "tag: 618")]
    [InlineData("标签: 618", "标签: 618")]
    [InlineData("after: 2026-01-01", "after: 2026-01-01")]
    [InlineData("titel:plan", "titel:plan")]
    [InlineData("复盘:直播:总结", "复盘 直播 总结")]
    [InlineData("Q3:复盘", "Q3 复盘")]
    [InlineData("title:复盘", "title:复盘")]
    [InlineData("备注:see plan", "备注 see plan")]
    [InlineData("目的:「Writer」", "目的 「Writer」")]
    [InlineData("foo:\"bar\"", "foo:\"bar\"")]
    [InlineData("at 10:30 today", "at 10:30 today")]
    [InlineData("see https://example.org", "see https://example.org")]
    [InlineData("\"ratio: 3\"", "\"ratio  3\"")]
    [InlineData("@bob due:2026-06-10", "@bob due 2026-06-10")]
    [InlineData("Due:2026-06-10", "Due 2026-06-10")]
    [InlineData("{\"gmv\": 100}", "{\"gmv\"  100}")]
    public void A_colon_ending_a_word_is_syntax_only_after_a_field_or_filter_name(string text, string expected) =>
        Assert.Equal(expected, NaturalQueries.WithProseColons(text));

    /// <summary>
    /// Every plain word is required already: a leading plus (a habit from other engines) changes nothing, and the word keeps
    /// its glossary synonyms, which the parser's reading of <c>+复盘</c> had not (fewer hits than 复盘 alone).
    /// </summary>
    [Theory]
    [InlineData("+复盘", "复盘")]
    [InlineData("+retrospective +直播", "retrospective 直播")]
    public void A_plus_before_a_word_reads_as_the_word(string typed, string words)
    {
        Assert.Equal(corpus.Host.Ids(words, TestCallers.Carol), corpus.Host.Ids(typed, TestCallers.Carol));
        Assert.Contains(corpus.Host.Ids(typed, TestCallers.Carol), id => id.StartsWith("retro-", StringComparison.Ordinal));
    }

    /// <summary>An action item copied from a document's source (<c>@bob due:2026-06-10</c>) finds it: <c>due:</c> is no unknown field.</summary>
    [Fact]
    public void An_action_items_due_date_as_its_source_writes_it_is_its_words()
    {
        var results = corpus.Host.Search("完成同批次机器更换 @bob due:2026-06-10", TestCallers.Carol);

        Assert.Equal("meeting-2026-06-02-cart-incident", Assert.Single(results.Hits).DocumentId);
        Assert.Empty(results.Notes);
    }

    /// <summary>Chinese typed with a half-width colon reads as with the full-width one: punctuation, not an unknown field.</summary>
    [Fact]
    public void A_half_width_colon_in_chinese_is_punctuation()
    {
        var halfWidth = corpus.Host.Search("复盘:直播", TestCallers.Carol);
        var fullWidth = corpus.Host.Search("复盘：直播", TestCallers.Carol);

        Assert.NotEqual(0, fullWidth.Total);
        Assert.DoesNotContain(halfWidth.Notes, n => n.NotAsTyped);
        Assert.Equal(fullWidth.Hits.Select(h => h.DocumentId), halfWidth.Hits.Select(h => h.DocumentId));
    }

    [Fact]
    public void Words_only_a_glossary_has_together_are_widened_to_documents_with_most_of_them()
    {
        // "analyzer" is only in the glossary's body, "propose" in it and in two other documents.
        var results = corpus.Host.Search("propose analyzer");

        Assert.Contains(results.Notes, n => n.Kind == QueryNoteKind.MostWords);
        Assert.Contains(results.Hits, h => h.DocumentId != "glossary-operations");
    }

    [Fact]
    public void A_pasted_passage_keeps_its_hyphens_as_words_and_finds_its_document()
    {
        var results = corpus.Host.Search("Let users browse before verification -o ask for the phone number at checkout e-mail 2024-06");

        Assert.Equal("ur-2026-onboarding-interviews", results.Hits[0].DocumentId);
        Assert.Contains(results.Notes, n => n.Kind == QueryNoteKind.HyphensKept && n.Words.Contains("-o"));
    }

    [Fact]
    public void An_exclusion_that_removed_hits_says_how_many()
    {
        var all = corpus.Host.Search("复盘").Total;
        var results = corpus.Host.Search("复盘 -直播");

        var note = Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.ExclusionsRemoved);
        Assert.Equal(all - results.Total, note.Count);
        Assert.True(note.Count > 0);
    }

    [Fact]
    public void Most_words_rank_when_no_document_has_them_all_and_the_missing_word_is_named()
    {
        var results = corpus.Host.Search("onboarding interviews zyxwvut");

        Assert.Equal("ur-2026-onboarding-interviews", results.Hits[0].DocumentId);
        Assert.Contains(results.Notes, n => n.Kind == QueryNoteKind.MostWords && n.Words.SequenceEqual(["zyxwvut"]));
    }

    [Fact]
    public void An_exclusion_in_a_query_with_operators_says_what_it_removed_and_an_option_flag_stays_a_word()
    {
        var all = corpus.Host.Search("\"复盘\"").Total;
        var results = corpus.Host.Search("\"复盘\" -直播");
        var flag = corpus.Host.Search("\"复盘\" -o");

        var note = Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.ExclusionsRemoved);
        Assert.Equal(all - results.Total, note.Count);
        Assert.Equal(["直播"], note.Words);
        Assert.Contains(flag.Notes, n => n.Kind == QueryNoteKind.HyphensKept && n.Words.Contains("-o"));
    }
}

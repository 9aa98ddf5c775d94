namespace KnowledgeHub.Search.Tests;

/// <summary>Filters typed in the search box and given on the request, date ranges, archived documents and sorting.</summary>
public sealed class FilterTests(FacetCorpus corpus) : IClassFixture<FacetCorpus>
{
    [Theory]
    [InlineData("运营 type:retrospective", "retro-2025-d11 retro-2026-618")]
    [InlineData("type:Retrospective", "retro-2025-d11 retro-2026-618")]
    [InlineData("运营 tag:双十一", "plan-2026-d11 retro-2025-d11")]
    [InlineData("运营 tag:雙十一", "plan-2026-d11 retro-2025-d11")]
    [InlineData("tags:大促 collection:ＣＡＭＰＡＩＧＮＳ", "draft-plan plan-2026-d11")]
    [InlineData("tag:CAMPAIGN", "retro-2025-d11 retro-2026-618")]
    [InlineData("tags:大促 collection:campaigns", "draft-plan plan-2026-d11")]
    [InlineData("owner:alice", "draft-plan retro-2025-d11 retro-2026-618")]
    [InlineData("owner:王丽", "draft-plan retro-2025-d11 retro-2026-618")]
    [InlineData("owner:\"Bob Chen\"", "competitor-secret plan-2026-d11 weekly-w46")]
    [InlineData("owner:user:B0B00000-0000-4000-8000-000000000002", "competitor-secret plan-2026-d11 weekly-w46")]
    [InlineData("owner:Bob Chen", "competitor-secret plan-2026-d11 weekly-w46")]
    [InlineData("Owner: Bob Chen", "competitor-secret plan-2026-d11 weekly-w46")]
    [InlineData("负责人：Bob Chen", "competitor-secret plan-2026-d11 weekly-w46")]
    [InlineData("Owner: Bob Chen 周报", "weekly-w46")]
    [InlineData("Owner: Bob Chen, 周报", "weekly-w46")]
    [InlineData("owner:me", "many-tags")]
    [InlineData("status:draft", "draft-plan")]
    [InlineData("status:Archived", "sop-old-launch")]
    [InlineData("year:2025", "retro-2025-d11")]
    [InlineData("运营 -type:retrospective", "competitor-secret draft-plan plan-2026-d11 weekly-w46")]
    [InlineData("运营 NOT tag:大促", "weekly-w46")]
    [InlineData("运营 -owner:alice", "competitor-secret plan-2026-d11 weekly-w46")]
    [InlineData("运营 type:retrospective OR type:campaign-plan", "draft-plan plan-2026-d11 retro-2025-d11 retro-2026-618")]
    [InlineData("复盘 tag:campaign", "retro-2025-d11 retro-2026-618")]
    [InlineData("双十一 type：campaign-plan", "plan-2026-d11")]
    [InlineData("运营 tag: 双十一", "plan-2026-d11 retro-2025-d11")]
    [InlineData("Status:  Draft", "draft-plan")]
    [InlineData("运营 -type: retrospective", "competitor-secret draft-plan plan-2026-d11 weekly-w46")]
    [InlineData("运营 after:2026-09-01", "draft-plan plan-2026-d11 weekly-w46")]
    [InlineData("运营 before:2026-06-25", "retro-2025-d11 retro-2026-618")]
    [InlineData("运营 after:2026-06-25 before:2026-09-28", "competitor-secret plan-2026-d11 retro-2026-618")]
    [InlineData("运营 updated:[2026-06-25 TO 2026-09-28]", "competitor-secret plan-2026-d11 retro-2026-618")]
    [InlineData("运营 updated:[2026-10-01 TO *]", "draft-plan weekly-w46")]
    [InlineData("运营 updated:[2026-10-01 TO ]", "draft-plan weekly-w46")]
    [InlineData("运营 updated:2026-06-25", "retro-2026-618")]
    [InlineData("\"type:retrospective\"", "")]
    public void Typed_filters_select_the_expected_documents(string query, string expected)
    {
        var results = corpus.Host.Search(query, TestCallers.Carol, pageSize: 100);

        Assert.DoesNotContain(results.Notes, n => n.NotAsTyped);
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), results.Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
    }

    /// <summary>Each dimension also goes by its facet heading in Chinese, simplified or traditional, with either colon.</summary>
    [Theory]
    [InlineData("类型:retrospective", "type:retrospective")]
    [InlineData("類型：Retrospective", "type:retrospective")]
    [InlineData("运营 -类型:retrospective", "运营 -type:retrospective")]
    [InlineData("运营 标签:双十一", "运营 tag:双十一")]
    [InlineData("运营 標籤：雙十一", "运营 tag:双十一")]
    [InlineData("标签：双十一，运营", "tag:双十一 运营")]
    [InlineData("栏目:campaigns", "collection:campaigns")]
    [InlineData("欄目：Campaigns", "collection:campaigns")]
    [InlineData("负责人:王丽", "owner:王丽")]
    [InlineData("負責人：\"Bob Chen\"", "owner:\"Bob Chen\"")]
    [InlineData("年份:2025", "year:2025")]
    [InlineData("状态:草稿", "status:draft")]
    [InlineData("狀態：已發佈", "status:published")]
    public void A_filter_typed_with_its_chinese_name_selects_what_the_english_name_does(string chinese, string english)
    {
        var byChinese = corpus.Host.Search(chinese, TestCallers.Carol, pageSize: 100);
        var byEnglish = corpus.Host.Search(english, TestCallers.Carol, pageSize: 100);

        Assert.Empty(byChinese.Notes);
        Assert.NotEqual(0, byEnglish.Total);
        Assert.Equal(byEnglish.Hits.Select(h => h.DocumentId), byChinese.Hits.Select(h => h.DocumentId));
    }

    /// <summary>
    /// "状态：进行中" in a pasted passage is prose: no status is called 进行中, so under a Chinese name it stays words (no
    /// filter, no note about one) — while <c>status:进行中</c>, which can only be meant as a filter, says it is no status.
    /// </summary>
    [Theory]
    [InlineData("状态：进行中", "status:进行中")]
    [InlineData("年份：未知", "year:未知")]
    [InlineData("类型:线上大促", "type:线上大促")]
    [InlineData("狀態:進行中", "status:进行中")]
    public void A_chinese_name_with_a_value_that_is_none_of_its_dimension_stays_words(string prose, string english)
    {
        // Five words, none of the documents has the last two: "most words" finds every document with the first three.
        var results = corpus.Host.Search("运营 团队 文档 " + prose, TestCallers.Carol, pageSize: 100);
        var words = corpus.Host.Search("运营 团队 文档", TestCallers.Carol, pageSize: 100);
        var typed = corpus.Host.Search("运营 团队 文档 " + english, TestCallers.Carol, pageSize: 100);

        Assert.DoesNotContain(results.Notes, n => n.NotAsTyped);
        var note = Assert.Single(results.Notes);
        Assert.Equal(QueryNoteKind.MostWords, note.Kind);
        Assert.Equal(2, note.Words.Count);
        Assert.All(results.Facets, f => Assert.DoesNotContain(f.Values, v => v.Selected));
        Assert.NotEqual(0, words.Total);
        Assert.Equal(words.Hits.Select(h => h.DocumentId).Order(), results.Hits.Select(h => h.DocumentId).Order());
        Assert.Contains(typed.Notes, n => n.NotAsTyped);
    }

    /// <summary>
    /// Any value reads as an owner or a tag, so the head of a pasted report (<c>负责人：张三</c>) is taken as a filter; when
    /// it leaves nothing, the text is searched as words with a note — not 0 hits. English names stay filters.
    /// </summary>
    [Theory]
    [InlineData("负责人：张三")]
    [InlineData("标签：增长")]
    [InlineData("栏目：周会")]
    [InlineData("標籤:增長")]
    public void Chinese_named_filters_that_leave_nothing_are_searched_as_words_with_a_note(string head)
    {
        var results = corpus.Host.Search("运营 团队 文档 " + head, TestCallers.Carol, pageSize: 100);
        var words = corpus.Host.Search("运营 团队 文档", TestCallers.Carol, pageSize: 100);
        var english = corpus.Host.Search("运营 团队 文档 owner:张三 tag:增长", TestCallers.Carol, pageSize: 100);

        var note = Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.FilterAsWords);
        Assert.True(note.NotAsTyped);
        Assert.Equal(head.Replace(':', '：').Split(' '), note.Words);
        Assert.Contains(results.Notes, n => n.Kind == QueryNoteKind.MostWords);
        Assert.Equal(words.Hits.Select(h => h.DocumentId).Order(), results.Hits.Select(h => h.DocumentId).Order());
        Assert.Equal(0, english.Total);
        // Typed with English names they stay filters: the empty page names them, as no document has either value.
        Assert.Equal(["tag:增长", "owner:张三"], Assert.Single(english.Notes).Words);
    }

    /// <summary>
    /// An English name with a blank after its colon (<c>Owner: 张三</c>, a pasted report's head) may be prose too: when it
    /// leaves nothing, its words are searched with the note naming it as written; a value that is none of its dimension's
    /// (<c>Status: ongoing</c>, <c>Before: the launch</c>) stays words without a note about a filter, where
    /// <c>status:ongoing</c> names it.
    /// </summary>
    [Fact]
    public void An_english_named_filter_with_a_blank_after_its_colon_may_be_prose()
    {
        var words = corpus.Host.Search("运营 团队 文档", TestCallers.Carol, pageSize: 100);
        var owner = corpus.Host.Search("运营 团队 文档 Owner: 张三", TestCallers.Carol, pageSize: 100);
        var status = corpus.Host.Search("运营 团队 文档 Status: ongoing", TestCallers.Carol, pageSize: 100);
        var typed = corpus.Host.Search("运营 团队 文档 status:ongoing", TestCallers.Carol, pageSize: 100);

        Assert.NotEqual(0, words.Total);
        Assert.Equal(["Owner: 张三"], Assert.Single(owner.Notes, n => n.Kind == QueryNoteKind.FilterAsWords).Words);
        Assert.Equal(words.Hits.Select(h => h.DocumentId).Order(), owner.Hits.Select(h => h.DocumentId).Order());
        Assert.DoesNotContain(status.Notes, n => n.NotAsTyped);
        Assert.Equal(words.Hits.Select(h => h.DocumentId).Order(), status.Hits.Select(h => h.DocumentId).Order());
        Assert.Contains(typed.Notes, n => n.Kind == QueryNoteKind.UnknownStatus);
        // "Before:" heading a pasted comparison is no date filter without a date after it.
        Assert.DoesNotContain(corpus.Host.Search("运营 团队 文档 Before: the launch", TestCallers.Carol).Notes, n => n.NotAsTyped);
        Assert.Contains(corpus.Host.Search("运营 before:the", TestCallers.Carol).Notes, n => n.Kind == QueryNoteKind.UnreadableDate);
    }

    /// <summary>
    /// An owner's name of several words runs on only as far as an owner the caller may see has it: Erin's name, on a
    /// document Alice may not read, answers Alice as a name nobody has — the filter's first word, then its words — and
    /// Bob, who reads it, with her document.
    /// </summary>
    [Fact]
    public void An_owners_name_runs_on_only_to_an_owner_the_caller_may_see()
    {
        var hidden = corpus.Host.Search("Owner: Erin Zhao", TestCallers.Alice, pageSize: 100);
        var nobody = corpus.Host.Search("Owner: Quinn Yarrow", TestCallers.Alice, pageSize: 100);
        var bob = corpus.Host.Search("Owner: Erin Zhao", TestCallers.Bob, pageSize: 100);

        Assert.Equal(nobody.Hits.Select(h => h.DocumentId), hidden.Hits.Select(h => h.DocumentId));
        Assert.Equal(nobody.Notes.Select(n => n.Kind), hidden.Notes.Select(n => n.Kind));
        Assert.Equal(["owner:Erin"], Assert.Single(hidden.Notes).Words);
        Assert.Equal(["erin-interviews"], bob.Hits.Select(h => h.DocumentId));
        Assert.Empty(bob.Notes);
    }

    /// <summary>
    /// Whether the filter fell back is decided by the caller's own hits: Dave's <c>标签：机密竞品</c>, a tag only a document
    /// he may not read has, answers exactly as a tag nobody has.
    /// </summary>
    [Fact]
    public void A_chinese_named_filter_on_a_value_only_unreadable_documents_hold_answers_as_one_nobody_holds()
    {
        var hidden = corpus.Host.Search("运营 团队 文档 标签：机密竞品", TestCallers.Dave, pageSize: 100);
        var none = corpus.Host.Search("运营 团队 文档 标签：没有这个", TestCallers.Dave, pageSize: 100);
        var bob = corpus.Host.Search("运营 团队 文档 标签：机密竞品", TestCallers.Bob, pageSize: 100);

        Assert.Equal(none.Hits.Select(h => h.DocumentId), hidden.Hits.Select(h => h.DocumentId));
        Assert.Equal(none.Notes.Select(n => n.Kind), hidden.Notes.Select(n => n.Kind));
        Assert.Contains(hidden.Notes, n => n.Kind == QueryNoteKind.FilterAsWords);
        Assert.DoesNotContain(hidden.Hits, h => h.DocumentId == "competitor-secret");
        Assert.Equal(["competitor-secret"], bob.Hits.Select(h => h.DocumentId));
        Assert.Empty(bob.Notes);
    }

    /// <summary>
    /// Three words of which one is known find nothing with all words or with most (two of three): the empty page says so
    /// and names the words nothing has. Counted as the caller reads: a word only a document Dave may not read holds is one
    /// nothing has, for him.
    /// </summary>
    [Theory]
    [InlineData("运营 zzqxv wqqpl", "Carol", "zzqxv|wqqpl")]
    [InlineData("运营 机密竞品 zzqxv", "Dave", "机密竞品|zzqxv")]
    public void Words_that_are_never_together_find_nothing_with_a_note_naming_those_nothing_has(string query, string caller, string missing)
    {
        var results = corpus.Host.Search(query, caller == "Dave" ? TestCallers.Dave : TestCallers.Carol, pageSize: 100);

        Assert.Equal(0, results.Total);
        var note = Assert.Single(results.Notes);
        Assert.Equal(QueryNoteKind.NoneTogether, note.Kind);
        Assert.False(note.NotAsTyped);
        Assert.Equal(missing.Split('|'), note.Words);
    }

    /// <summary>Bob may read the document with both words: for him two of three is "most words", with its own note.</summary>
    [Fact]
    public void A_word_the_caller_may_read_counts_toward_most_words()
    {
        var results = corpus.Host.Search("运营 机密竞品 zzqxv", TestCallers.Bob, pageSize: 100);

        Assert.Equal(["competitor-secret"], results.Hits.Select(h => h.DocumentId));
        Assert.Equal([QueryNoteKind.MostWords], results.Notes.Select(n => n.Kind));
    }

    /// <summary>No word is anywhere (or the filters leave nothing for any of them): no sentence blames the words.</summary>
    [Theory]
    [InlineData("zzqxv wqqpl")]
    [InlineData("运营 团队 owner:张三")]
    public void When_no_word_is_found_at_all_no_note_says_they_are_not_together(string query)
    {
        var results = corpus.Host.Search(query, TestCallers.Carol, pageSize: 100);

        Assert.Equal(0, results.Total);
        Assert.DoesNotContain(results.Notes, n => n.Kind == QueryNoteKind.NoneTogether);
    }

    /// <summary>
    /// A filter whose value nothing the caller may read has empties the page: the note names that filter, whatever else
    /// was typed — a typo'd tag, an owner nobody is called, a year with no document, a collection beside a good type.
    /// </summary>
    [Theory]
    [InlineData("运营 tag:zzqxv", "tag:zzqxv")]
    [InlineData("tag:zzqxv", "tag:zzqxv")]
    [InlineData("运营 owner:张三", "owner:张三")]
    [InlineData("运营 year:1999", "year:1999")]
    [InlineData("运营 collection:nowhere type:retrospective", "collection:nowhere")]
    [InlineData("运营 tag:zzqxv owner:张三 -tag:大促", "tag:zzqxv|owner:张三")]
    [InlineData("运营 标签：zzqxv 负责人：张三", "tag:zzqxv|owner:张三")]
    public void A_filter_value_nothing_has_is_named_on_the_empty_page(string query, string unmatched)
    {
        var results = corpus.Host.Search(query, TestCallers.Carol, pageSize: 100);

        Assert.Equal(0, results.Total);
        var note = Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.FilterMatchesNothing);
        Assert.False(note.NotAsTyped);
        Assert.Equal(unmatched.Split('|'), note.Words);
    }

    /// <summary>The filters' values exist (archived ones count: the page may be empty only because archived are left out): no such note.</summary>
    [Theory]
    [InlineData("zzqxv tag:双十一")]
    [InlineData("运营 tag:双十一 type:weekly-report")]
    [InlineData("旧版上线 tag:campaign type:sop")]
    public void Filters_whose_values_exist_get_no_note_when_together_they_find_nothing(string query)
    {
        var results = corpus.Host.Search(query, TestCallers.Carol, pageSize: 100);

        Assert.Equal(0, results.Total);
        Assert.DoesNotContain(results.Notes, n => n.Kind == QueryNoteKind.FilterMatchesNothing);
    }

    /// <summary>
    /// Asked as the caller: the tag only a confidential document holds is one nothing has, for Dave, who may not read it —
    /// the same as a tag nobody has, so the page tells him nothing about documents he may not read. Bob finds the document.
    /// </summary>
    [Fact]
    public void A_value_only_unreadable_documents_have_is_named_as_one_nothing_has()
    {
        var dave = corpus.Host.Search("tag:机密竞品", TestCallers.Dave, pageSize: 100);
        var nobody = corpus.Host.Search("tag:zzqxv", TestCallers.Dave, pageSize: 100);
        var bob = corpus.Host.Search("tag:机密竞品", TestCallers.Bob, pageSize: 100);

        Assert.Equal(0, dave.Total);
        Assert.Equal(["tag:机密竞品"], Assert.Single(dave.Notes, n => n.Kind == QueryNoteKind.FilterMatchesNothing).Words);
        Assert.Equal(nobody.Notes.Select(n => n.Kind), dave.Notes.Select(n => n.Kind));
        Assert.Equal(["competitor-secret"], bob.Hits.Select(h => h.DocumentId));
        Assert.Empty(bob.Notes);
    }

    /// <summary>Only an archived document has the words and filters: the empty page says how many, and including archived finds them.</summary>
    [Theory]
    [InlineData("旧版上线")]
    [InlineData("旧版上线 tag:campaign type:sop")]
    [InlineData("type:sop")]
    public void An_empty_page_whose_matches_are_archived_says_how_many(string query)
    {
        var results = corpus.Search(query, TestCallers.Carol);
        var archived = corpus.Search(query, TestCallers.Carol, includeArchived: true);

        Assert.Equal(0, results.Total);
        var note = Assert.Single(results.Notes);
        Assert.Equal(QueryNoteKind.OnlyArchived, note.Kind);
        Assert.Equal(1, note.Count);
        Assert.Equal(["sop-old-launch"], archived.Hits.Select(h => h.DocumentId));
        Assert.Empty(archived.Notes);
    }

    /// <summary>
    /// Nothing readable has every word or most of them, and an archived document has most (a pasted line of an archived
    /// SOP with a word cut): the empty page says archived documents match, not that no document has the words together,
    /// and including archived finds it with most words.
    /// </summary>
    [Fact]
    public void An_empty_page_whose_most_words_an_archived_document_has_says_so()
    {
        var results = corpus.Search("旧版上线 SOP zzqxv", TestCallers.Carol);
        var archived = corpus.Search("旧版上线 SOP zzqxv", TestCallers.Carol, includeArchived: true);

        Assert.Equal(0, results.Total);
        Assert.Equal(1, Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.OnlyArchived).Count);
        Assert.DoesNotContain(results.Notes, n => n.Kind == QueryNoteKind.NoneTogether);
        Assert.Equal(["sop-old-launch"], archived.Hits.Select(h => h.DocumentId));
        Assert.Contains(archived.Notes, n => n.Kind == QueryNoteKind.MostWords);
    }

    /// <summary>
    /// Most words, but an archived document has every word (its title 旧版上线, its tag campaign): the page says so and how
    /// many, in place of "no document has every word"; where no archived document has them all, the most-words note stays
    /// and the words only archived documents have are named as such.
    /// </summary>
    [Fact]
    public void A_page_of_most_words_whose_every_word_an_archived_document_has_says_so()
    {
        var results = corpus.Search("旧版上线 campaign", TestCallers.Carol);
        var archived = corpus.Search("旧版上线 campaign", TestCallers.Carol, includeArchived: true);
        var neither = corpus.Search("旧版上线 双十一", TestCallers.Carol);

        Assert.Contains(results.Hits, h => h.DocumentId == "retro-2026-618");
        Assert.Equal(1, Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.ArchivedHaveEveryWord).Count);
        Assert.DoesNotContain(results.Notes, n => n.Kind == QueryNoteKind.MostWords);
        Assert.Equal(["sop-old-launch"], archived.Hits.Select(h => h.DocumentId));
        Assert.Empty(archived.Notes);
        // 旧版上线 is only in the archived document: named as such, not as in no document.
        Assert.Empty(Assert.Single(neither.Notes, n => n.Kind == QueryNoteKind.MostWords).Words);
        Assert.Equal(["旧版上线"], Assert.Single(neither.Notes, n => n.Kind == QueryNoteKind.OnlyArchivedHave).Words);
        Assert.DoesNotContain(neither.Notes, n => n.Kind == QueryNoteKind.ArchivedHaveEveryWord);
    }

    /// <summary>Dave owns nothing: his <c>owner:me</c> is named as typed, not as his principal.</summary>
    [Fact]
    public void Owner_me_is_named_as_me()
    {
        var results = corpus.Host.Search("owner:me", TestCallers.Dave, pageSize: 100);

        Assert.Equal(0, results.Total);
        Assert.Equal(["owner:me"], Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.FilterMatchesNothing).Words);
    }

    /// <summary>A clicked (request) filter is read the same way as a typed one.</summary>
    [Fact]
    public void A_request_filter_value_nothing_has_is_named_too()
    {
        var results = corpus.Search("运营", TestCallers.Carol, new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Collection] = ["Nowhere"] });

        Assert.Equal(0, results.Total);
        Assert.Equal(["collection:Nowhere"], Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.FilterMatchesNothing).Words);
    }

    [Theory]
    [InlineData("运营 type:retrospective", SearchFacets.Type, "retrospective")]
    [InlineData("运营 tag:双十一", "tag", "双十一")]
    [InlineData("运营 collection:Campaigns", SearchFacets.Collection, "Campaigns")]
    [InlineData("运营 status:Archived", SearchFacets.Status, "Archived")]
    [InlineData("运营 year:2026", SearchFacets.Year, "2026")]
    [InlineData("运营 owner:user:a11ce000-0000-4000-8000-000000000001", SearchFacets.Owner, "user:a11ce000-0000-4000-8000-000000000001")]
    public void A_clicked_filter_finds_what_the_typed_filter_finds(string typed, string dimension, string value)
    {
        var structural = new SearchRequest
        {
            Query = "运营",
            Caller = TestCallers.Carol,
            Filters = new Dictionary<string, IReadOnlyList<string>> { [dimension] = [value] },
        };

        var expected = corpus.Host.Ids(typed, TestCallers.Carol);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, corpus.Host.Ids(structural));
    }

    [Fact]
    public void A_date_range_on_the_request_is_inclusive_of_both_days()
    {
        var request = new SearchRequest { Query = "运营", Caller = TestCallers.Carol, From = new DateOnly(2026, 6, 25), To = new DateOnly(2026, 9, 28) };

        Assert.Equal(["competitor-secret", "plan-2026-d11", "retro-2026-618"], corpus.Host.Ids(request));
    }

    [Theory]
    [InlineData("运营 status:finished", QueryNoteKind.UnknownStatus, "finished")]
    [InlineData("运营 status:已完成", QueryNoteKind.UnknownStatus, "已完成")]
    [InlineData("运营 after:yesterday", QueryNoteKind.UnreadableDate, "yesterday|after:")]
    [InlineData("运营 year:26", QueryNoteKind.NotAYear, "26")]
    [InlineData("运营 year:二〇二六", QueryNoteKind.NotAYear, "二〇二六")]
    [InlineData("运营 updated:[2026-01-01 2026-02-01]", QueryNoteKind.UnreadableRange, "[2026-01-01 2026-02-01]")]
    public void A_filter_that_cannot_be_read_is_ignored_with_a_note(string query, QueryNoteKind expected, string words)
    {
        var results = corpus.Host.Search(query, TestCallers.Carol, pageSize: 100);

        var note = Assert.Single(results.Notes, n => n.NotAsTyped);
        Assert.Equal(expected, note.Kind);
        Assert.Equal(words.Split('|'), note.Words);
        Assert.Equal(6, results.Total);
    }

    /// <summary>A range typed the other way round is read the right way round, and the note says which days were searched.</summary>
    [Theory]
    [InlineData("运营 updated:[2026-09-28 TO 2026-06-25]")]
    [InlineData("运营 updated：[2026-09-28 TO 2026-06-25]")]
    public void A_range_typed_the_other_way_round_is_read_the_right_way_round(string query)
    {
        var results = corpus.Host.Search(query, TestCallers.Carol, pageSize: 100);

        var note = Assert.Single(results.Notes, n => n.NotAsTyped);
        Assert.Equal(QueryNoteKind.RangeReversed, note.Kind);
        Assert.Equal(["2026-06-25", "2026-09-28"], note.Words);
        Assert.Equal(["competitor-secret", "plan-2026-d11", "retro-2026-618"], results.Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
    }

    /// <summary>Date filters that leave no day between them find nothing, and the empty page says why — typed, or against the page's from/to.</summary>
    [Fact]
    public void Date_filters_that_leave_no_day_say_so()
    {
        var typed = corpus.Host.Search("运营 after:2026-09-01 before:2026-06-01", TestCallers.Carol, pageSize: 100);
        var boxes = corpus.Host.Search(new SearchRequest
        {
            Query = "运营 before:2026-06-01",
            Caller = TestCallers.Carol,
            From = new DateOnly(2026, 9, 1),
        });
        var open = corpus.Host.Search("运营 after:2026-09-01 before:2026-09-01", TestCallers.Carol, pageSize: 100);

        Assert.Equal(0, typed.Total);
        Assert.Equal(["2026-09-01", "2026-06-01"], Assert.Single(typed.Notes, n => n.Kind == QueryNoteKind.NoDays).Words);
        Assert.Equal(0, boxes.Total);
        Assert.Equal(["2026-09-01", "2026-06-01"], Assert.Single(boxes.Notes, n => n.Kind == QueryNoteKind.NoDays).Words);
        Assert.DoesNotContain(open.Notes, n => n.Kind == QueryNoteKind.NoDays);
    }

    /// <summary>A filter with nothing after its colon but quotes selects nothing: it is ignored, and the note names it.</summary>
    [Theory]
    [InlineData("运营 type:\"\"", "type:")]
    [InlineData("运营 status:\"\"", "status:")]
    [InlineData("运营 -tag:\"  \"", "tag:")]
    [InlineData("运营 owner:“”", "owner:")]
    [InlineData("运营 after:\"\"", "after:")]
    [InlineData("运营 updated:\"\"", "updated:")]
    [InlineData("运营 updated:[]", "updated:")]
    [InlineData("运营 updated:[ TO ]", "updated:")]
    [InlineData("运营 类型：\"\"", "类型:")]
    [InlineData("运营 標籤:“ ”", "標籤:")]
    [InlineData("运营 tag:", "tag:")]
    [InlineData("运营 -owner:  ", "owner:")]
    public void A_typed_filter_with_an_empty_value_is_ignored_with_a_note_naming_it(string query, string named)
    {
        var results = corpus.Host.Search(query, TestCallers.Carol, pageSize: 100);

        var note = Assert.Single(results.Notes, n => n.NotAsTyped);
        Assert.Equal(QueryNoteKind.EmptyFilter, note.Kind);
        Assert.Equal([named], note.Words);
        Assert.Equal(6, results.Total);
    }

    /// <summary>Alone, an empty filter searches nothing — and says why, rather than showing an empty page without a word.</summary>
    [Theory]
    [InlineData("type:\"\"", "type:")]
    [InlineData("类型：“”", "类型:")]
    [InlineData("status:\"\" year:\"\"", "status:|year:")]
    [InlineData("tag:", "tag:")]
    [InlineData("type:\"\" 标签：", "type:|标签:")]
    public void An_empty_filter_alone_finds_nothing_and_says_why(string query, string named)
    {
        var results = corpus.Host.Search(query, TestCallers.Carol, pageSize: 100);

        Assert.Equal(0, results.Total);
        Assert.DoesNotContain(results.Notes, n => n.Kind == QueryNoteKind.FilterAsWords);
        Assert.Equal(named.Split('|'), results.Notes.Where(n => n.Kind == QueryNoteKind.EmptyFilter).Select(n => Assert.Single(n.Words)));
    }

    [Theory]
    [InlineData("status:草稿", "Draft")]
    [InlineData("status:DRAFT", "Draft")]
    [InlineData("status:\"In review\"", "InReview")]
    [InlineData("status:in-review", "InReview")]
    [InlineData("status:in_review", "InReview")]
    [InlineData("status:审阅中", "InReview")]
    [InlineData("status:審閱中", "InReview")]
    [InlineData("status:已发布", "Published")]
    [InlineData("status:已發佈", "Published")]
    [InlineData("status:ｐｕｂｌｉｓｈｅｄ", "Published")]
    [InlineData("status:已归档", "Archived")]
    [InlineData("status:已歸檔", "Archived")]
    [InlineData("-status:存档", "Archived")]
    public void A_status_reads_by_its_name_its_label_in_either_language_and_common_words_for_it(string typed, string status)
    {
        var results = corpus.Search("运营 " + typed, TestCallers.Carol);
        var byName = corpus.Search("运营 " + (typed.StartsWith('-') ? "-" : "") + "status:" + status, TestCallers.Carol);

        Assert.DoesNotContain(results.Notes, n => n.NotAsTyped);
        Assert.Equal(byName.Hits.Select(h => h.DocumentId), results.Hits.Select(h => h.DocumentId));
        if (!typed.StartsWith('-'))
        {
            var group = results.Facets.Single(f => f.Dimension == SearchFacets.Status);
            Assert.Equal([status], group.Values.Where(v => v.Selected).Select(v => v.Value));
        }
    }

    [Theory]
    [InlineData("tag:CAMPAIGN", "tags", "campaign")]
    [InlineData("type:Retrospective", "type", "retrospective")]
    [InlineData("tag:Campaign OR tag:campaign", "tags", "campaign")]
    public void A_value_typed_in_another_case_is_the_indexed_value_selected_in_its_facet(string query, string dimension, string indexed)
    {
        var results = corpus.Search(query, TestCallers.Carol);

        var group = results.Facets.Single(f => f.Dimension == dimension);
        Assert.Equal([indexed], group.Values.Where(v => v.Selected).Select(v => v.Value));
        Assert.DoesNotContain(group.Values, v => v.Count == 0);
    }

    [Fact]
    public void Filters_given_on_the_request_that_cannot_be_read_are_ignored_with_a_note_each()
    {
        var request = new SearchRequest
        {
            Query = "运营",
            Caller = TestCallers.Carol,
            PageSize = 100,
            Filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Status] = ["done"], [SearchFacets.Year] = ["26"] },
        };

        var results = corpus.Host.Search(request);

        Assert.Equal(
            [(QueryNoteKind.UnknownStatus, "done"), (QueryNoteKind.NotAYear, "26")],
            results.Notes.Where(n => n.NotAsTyped).Select(n => (n.Kind, Assert.Single(n.Words))).Order());
        Assert.Equal(6, results.Total);
    }

    /// <summary>The ends of the calendar: each is a valid day, so every document of the corpus matches (6 for 运营).</summary>
    [Theory]
    [InlineData("运营 before:9999-12-31")]
    [InlineData("运营 after:0001-01-01")]
    [InlineData("运营 updated:[0001-01-01 TO 9999-12-31]")]
    [InlineData("运营 updated:[* TO 9999-12-31]")]
    [InlineData("运营 updated:[0001-01-01 TO *]")]
    [InlineData("运营 updated:[ TO 9999-12-31]")]
    [InlineData("运营 updated:[0001-01-01 TO ]")]
    [InlineData("运营 after:0001-01-01 before:9999-12-31")]
    public void Dates_at_the_ends_of_the_calendar_search_without_error(string query)
    {
        var results = corpus.Host.Search(query, TestCallers.Carol, pageSize: 100);

        Assert.DoesNotContain(results.Notes, n => n.NotAsTyped);
        Assert.Equal(6, results.Total);
    }

    [Fact]
    public void The_last_and_first_days_of_the_calendar_on_the_request_are_open_ends()
    {
        var request = new SearchRequest { Query = "运营", Caller = TestCallers.Carol, From = DateOnly.MinValue, To = DateOnly.MaxValue };

        Assert.Equal(6, corpus.Host.Search(request).Total);
        Assert.Equal(6, corpus.Host.Search(request with { From = null }).Total);
        Assert.Equal(6, corpus.Host.Search(request with { To = null }).Total);
        Assert.Equal(["weekly-w46"], corpus.Host.Ids(request with { From = new DateOnly(2026, 11, 10) }).Intersect(["weekly-w46"]));
    }

    [Theory]
    [InlineData("运营 year:0", QueryNoteKind.NotAYear, "0")]
    [InlineData("运营 year:99999", QueryNoteKind.NotAYear, "99999")]
    [InlineData("运营 year:-2026", QueryNoteKind.NotAYear, "-2026")]
    [InlineData("运营 before:10000-01-01", QueryNoteKind.UnreadableDate, "10000-01-01|before:")]
    [InlineData("运营 after:0000-12-31", QueryNoteKind.UnreadableDate, "0000-12-31|after:")]
    [InlineData("运营 after:2026-02-30", QueryNoteKind.UnreadableDate, "2026-02-30|after:")]
    [InlineData("运营 before:99999999999999999999", QueryNoteKind.UnreadableDate, "99999999999999999999|before:")]
    [InlineData("运营 updated:[-1 TO 1e308]", QueryNoteKind.UnreadableDate, "-1|updated:")]
    [InlineData("运营 updated:[0001-01-01 TO 99999-12-31]", QueryNoteKind.UnreadableDate, "99999-12-31|updated:")]
    public void Out_of_range_dates_and_years_are_ignored_with_a_note(string query, QueryNoteKind expected, string words)
    {
        var results = corpus.Host.Search(query, TestCallers.Carol, pageSize: 100);

        var note = results.Notes.First(n => n.NotAsTyped);
        Assert.Equal(expected, note.Kind);
        Assert.Equal(words.Split('|'), note.Words);
        Assert.Equal(6, results.Total);
    }

    [Fact]
    public void Archived_documents_are_left_out_unless_asked_for()
    {
        var request = new SearchRequest { Query = "旧版上线", Caller = TestCallers.Carol };

        Assert.Empty(corpus.Host.Ids(request));
        Assert.Equal(["sop-old-launch"], corpus.Host.Ids(request with { IncludeArchived = true }));
        Assert.DoesNotContain("sop-old-launch", corpus.Host.Ids("运营", TestCallers.Carol));
        Assert.Contains("sop-old-launch", corpus.Host.Ids("运营 status:Archived", TestCallers.Carol));
        Assert.Equal(7, corpus.Host.Ids("运营 status:Archived status:Published status:Draft", TestCallers.Carol).Length);
    }

    [Fact]
    public void Newest_first_orders_by_last_update_and_pages_exactly()
    {
        var request = new SearchRequest { Query = "运营", Caller = TestCallers.Carol, Sort = SearchSort.Newest, PageSize = 4 };

        var first = corpus.Host.Search(request);
        var second = corpus.Host.Search(request with { Page = 2 });

        Assert.Equal(["weekly-w46", "draft-plan", "plan-2026-d11", "competitor-secret"], first.Hits.Select(h => h.DocumentId));
        Assert.Equal(["retro-2026-618", "retro-2025-d11"], second.Hits.Select(h => h.DocumentId));
        Assert.All([first, second], r => Assert.Equal(6, r.Total));
    }

    [Fact]
    public void A_filter_only_search_lists_newest_first()
    {
        var hits = corpus.Host.Search("type:retrospective", TestCallers.Carol).Hits;

        Assert.Equal(["retro-2026-618", "retro-2025-d11"], hits.Select(h => h.DocumentId));
    }

    [Fact]
    public void A_filter_cannot_widen_access()
    {
        Assert.Empty(corpus.Host.Ids("type:competitor-analysis", TestCallers.Dave));
        Assert.Empty(corpus.Host.Ids("tag:机密竞品 OR tag:周报 机密", TestCallers.Dave));
        Assert.Equal(["competitor-secret"], corpus.Host.Ids("type:competitor-analysis", TestCallers.Bob));
    }

    [Theory]
    [InlineData("*运营")]
    [InlineData("?营")]
    public void A_leading_wildcard_is_refused_with_a_note_saying_so(string query)
    {
        var results = corpus.Host.Search(query, TestCallers.Carol);

        Assert.Equal([QueryNoteKind.LeadingWildcard], results.Notes.Where(n => n.NotAsTyped).Select(n => n.Kind));
    }
}

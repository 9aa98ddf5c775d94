namespace KnowledgeHub.Search.Tests;

/// <summary>Lessons are their own entries: searched and filtered alone, trimmed by their document's access rules.</summary>
public sealed class LessonTests(LessonCorpus corpus) : IClassFixture<LessonCorpus>
{
    private SearchService Service => corpus.Host.Service;

    [Theory]
    [InlineData("尾款", "尾款提醒要分三次发送，并避开深夜。")]
    [InlineData("尺码表", "直播间要提前准备尺码表。")]
    [InlineData("final payment", "Final payment reminders need an owner.")]
    [InlineData("会员权益", "会员权益说明要写清楚。")]
    public void A_lesson_is_found_by_its_words(string query, string expected)
    {
        var results = Service.SearchLessons(new LessonQuery { Query = query, Caller = TestCallers.Carol });

        Assert.Equal(expected, results.Hits[0].Text);
    }

    /// <summary>Lessons are read as the search page reads: most words, time words on the document's days, exclusions said.</summary>
    [Fact]
    public void A_pasted_question_finds_the_lesson_with_most_of_its_words_and_names_the_word_none_has()
    {
        var results = Service.SearchLessons(new LessonQuery { Query = "尾款提醒 深夜 凌晨", Caller = TestCallers.Carol });

        Assert.Equal(["尾款提醒要分三次发送，并避开深夜。"], results.Hits.Select(h => h.Text));
        var note = Assert.Single(results.Notes);
        Assert.Equal(QueryNoteKind.MostWords, note.Kind);
        Assert.Equal(["凌晨"], note.Words);
    }

    /// <summary>A lesson quoted in a pasted chat line: nothing has the line as written, so its words are searched (most of them).</summary>
    [Fact]
    public void A_pasted_lesson_with_a_quotation_that_finds_nothing_as_written_is_searched_as_words()
    {
        var results = Service.SearchLessons(new LessonQuery { Query = "\"Final payment reminders need an owner\", as the retro said", Caller = TestCallers.Carol });

        Assert.Equal("Final payment reminders need an owner.", results.Hits[0].Text);
        Assert.Contains(results.Notes, n => n.Kind == QueryNoteKind.SyntaxAsWords);
    }

    /// <summary>A short quoted query no lesson has as written: the note counts the lessons with its words and offers that search.</summary>
    [Fact]
    public void A_quoted_phrase_no_lesson_has_says_how_many_lessons_have_its_words()
    {
        var results = Service.SearchLessons(new LessonQuery { Query = "\"owner reminders\"", Caller = TestCallers.Carol });

        Assert.Equal(0, results.Total);
        var note = Assert.Single(results.Notes);
        Assert.Equal((QueryNoteKind.AsTypedFoundNothing, "owner reminders"), (note.Kind, note.AsWords));
        var asWords = Service.SearchLessons(new LessonQuery { Query = note.AsWords!, Caller = TestCallers.Carol });
        Assert.Equal(note.Count, asWords.Total);
        Assert.Contains("Final payment reminders need an owner.", asWords.Hits.Select(h => h.Text));
    }

    [Fact]
    public void Lesson_words_never_together_find_nothing_with_a_note_naming_those_no_lesson_has()
    {
        var results = Service.SearchLessons(new LessonQuery { Query = "尾款提醒 zzqxv wqqpl", Caller = TestCallers.Carol });

        Assert.Empty(results.Hits);
        var note = Assert.Single(results.Notes);
        Assert.Equal(QueryNoteKind.NoneTogether, note.Kind);
        Assert.Equal(["zzqxv", "wqqpl"], note.Words);
    }

    /// <summary>A pasted report's head names its owner in full: the lessons of her documents, as on the search page.</summary>
    [Fact]
    public void An_owners_full_name_filters_lessons()
    {
        var results = Service.SearchLessons(new LessonQuery { Query = "Owner: Alice Wang 尾款", Caller = TestCallers.Carol });

        Assert.Equal("尾款提醒要分三次发送，并避开深夜。", Assert.Single(results.Hits).Text);
        Assert.Empty(results.Notes);
    }

    [Fact]
    public void A_lesson_filter_value_nothing_has_is_named_on_the_empty_page()
    {
        var typed = Service.SearchLessons(new LessonQuery { Query = "尾款 tag:zzqxv", Caller = TestCallers.Carol });
        var clicked = Service.SearchLessons(new LessonQuery
        {
            Query = "尾款",
            Caller = TestCallers.Carol,
            Filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Tags] = ["zzqxv"] },
        });

        Assert.All([typed, clicked], results =>
        {
            Assert.Empty(results.Hits);
            Assert.Equal(["tag:zzqxv"], Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.FilterMatchesNothing).Words);
        });
    }

    [Theory]
    [InlineData("尾款 去年", "尾款 今年", "尾款提醒要分三次发送，并避开深夜。")]
    [InlineData("last year final payment", "this year final payment", "Final payment reminders need an owner.")]
    [InlineData("今年 尺码表", "去年 尺码表", "直播间要提前准备尺码表。")]
    public void Time_words_find_the_lessons_of_documents_about_that_time(string query, string otherTime, string expected)
    {
        var results = Service.SearchLessons(new LessonQuery { Query = query, Caller = TestCallers.Carol });
        var other = Service.SearchLessons(new LessonQuery { Query = otherTime, Caller = TestCallers.Carol });

        Assert.Equal([expected], results.Hits.Select(h => h.Text));
        Assert.NotNull(results.TimeFilter);
        Assert.Empty(results.Notes);
        // At the other time there is no such lesson: the page says so and shows the lessons of any time.
        Assert.Equal([QueryNoteKind.TimeFilterEmptied], other.Notes.Select(n => n.Kind));
    }

    [Fact]
    public void Time_words_that_leave_no_lesson_give_the_lessons_of_any_time_with_a_note()
    {
        var results = Service.SearchLessons(new LessonQuery { Query = "尺码表 去年", Caller = TestCallers.Carol });

        Assert.Equal(["直播间要提前准备尺码表。"], results.Hits.Select(h => h.Text));
        var note = Assert.Single(results.Notes);
        Assert.Equal((QueryNoteKind.TimeFilterEmptied, 1), (note.Kind, note.Count));
        Assert.Equal(["去年"], note.Words);
    }

    [Fact]
    public void An_exclusion_that_removes_lessons_says_how_many()
    {
        var results = Service.SearchLessons(new LessonQuery { Query = "尾款 -深夜", Caller = TestCallers.Carol });

        Assert.Empty(results.Hits);
        var note = Assert.Single(results.Notes);
        Assert.Equal((QueryNoteKind.ExclusionsRemoved, 1), (note.Kind, note.Count));
    }

    [Fact]
    public void A_lesson_hit_names_its_document_and_marks_the_match()
    {
        var hit = Service.SearchLessons(new LessonQuery { Query = "尾款", Caller = TestCallers.Alice }).Hits[0];

        Assert.Equal("retro-d11-2025", hit.DocumentId);
        Assert.Equal("2025 双十一复盘", hit.DocumentTitle);
        Assert.Equal("<mark>尾款</mark>提醒要分三次发送，并避开深夜。", hit.TextHtml);
        Assert.Equal(["双十一", "大促"], hit.Tags);
    }

    [Theory]
    [InlineData("alice", 6)]
    [InlineData("dave", 5)]
    [InlineData("bob", 6)]
    [InlineData("carol", 6)]
    public void Lessons_of_a_document_the_user_may_not_read_are_never_listed_or_counted(string user, int expected)
    {
        var results = Service.SearchLessons(new LessonQuery { Caller = TestCallers.ByName(user), PageSize = 100 });

        Assert.Equal(expected, results.Total);
        Assert.Equal(expected, results.Hits.Count);
        Assert.Equal(expected == 6, results.Hits.Any(h => h.DocumentId == "retro-secret"));
        Assert.Equal(expected, results.Facets.Single(f => f.Dimension == SearchFacets.Type).Values.Sum(v => v.Count));
    }

    [Theory]
    [InlineData("tags", "直播", "直播间要提前准备尺码表。")]
    [InlineData("year", "2024", "会员权益说明要写清楚。")]
    public void Lessons_filter_by_their_document(string dimension, string value, string expected)
    {
        var results = Service.SearchLessons(new LessonQuery
        {
            Caller = TestCallers.Carol,
            Filters = new Dictionary<string, IReadOnlyList<string>> { [dimension] = [value] },
        });

        Assert.Equal([expected], results.Hits.Select(h => h.Text));
    }

    [Fact]
    public void The_year_shorthand_and_typed_filters_select_lessons_too()
    {
        var byYear = Service.SearchLessons(new LessonQuery { Caller = TestCallers.Carol, Year = 2025 });
        var typed = Service.SearchLessons(new LessonQuery { Query = "tag:双十一", Caller = TestCallers.Carol });

        Assert.Equal(3, byYear.Total);
        Assert.Equal(3, typed.Total);
        Assert.All(typed.Hits, h => Assert.Equal("retro-d11-2025", h.DocumentId));
    }

    [Fact]
    public void Lessons_of_archived_documents_are_kept_unless_left_out()
    {
        var all = Service.SearchLessons(new LessonQuery { Query = "会员", Caller = TestCallers.Carol });
        var current = Service.SearchLessons(new LessonQuery { Query = "会员", Caller = TestCallers.Carol, IncludeArchived = false });

        Assert.Equal(1, all.Total);
        Assert.Equal(0, current.Total);
    }

    [Fact]
    public void Document_search_lists_each_document_once_not_its_lessons_or_actions()
    {
        var results = corpus.Host.Search("尾款", TestCallers.Carol);

        Assert.Equal(["retro-d11-2025"], results.Hits.Select(h => h.DocumentId));
        Assert.Equal(1, results.Total);
        Assert.Equal(5, corpus.Host.Index.DocumentCount);
        Assert.Equal(5 + 6 + 9, corpus.Host.Index.EntryCount);
    }
}

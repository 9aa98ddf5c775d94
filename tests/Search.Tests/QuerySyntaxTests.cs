namespace KnowledgeHub.Search.Tests;

public sealed class SyntaxCorpus : HostFixture
{
    protected override IEnumerable<TestDoc> Documents =>
    [
        new("alpha-beta", "Alpha and beta", "alpha beta together. New users came back."),
        new("alpha-only", "Alpha alone", "only alpha here. Users were new to it."),
        new("beta-only", "Beta alone", "only beta here"),
        new("gamma-doc", "Gamma", "gamma campaign notes"),
        new("retro-chinese", "大促复盘", "复盘 alpha"),
        new("body-fupan", "Notes", "这里也提到复盘"),
    ];
}

/// <summary>The search box syntax, and hostile input that must never throw.</summary>
public sealed class QuerySyntaxTests(SyntaxCorpus corpus) : IClassFixture<SyntaxCorpus>
{
    [Theory]
    [InlineData("alpha beta", "alpha-beta")]
    [InlineData("alpha AND beta", "alpha-beta")]
    [InlineData("alpha OR gamma", "alpha-beta alpha-only gamma-doc retro-chinese")]
    [InlineData("alpha NOT beta", "alpha-only retro-chinese")]
    [InlineData("alpha -beta", "alpha-only retro-chinese")]
    [InlineData("alpha +beta", "alpha-beta")]
    [InlineData("-alpha", "beta-only body-fupan gamma-doc")]
    [InlineData("(alpha OR gamma) -复盘", "alpha-beta alpha-only gamma-doc")]
    [InlineData("\"new users\"", "alpha-beta")]
    [InlineData("new users", "alpha-beta alpha-only")]
    [InlineData("camp*", "gamma-doc")]
    [InlineData("CAMPAI*", "gamma-doc")]
    [InlineData("gam*", "gamma-doc")]
    [InlineData("title:复盘", "retro-chinese")]
    [InlineData("复盘", "body-fupan retro-chinese")]
    [InlineData("body:together", "alpha-beta")]
    [InlineData("title: beta", "alpha-beta beta-only")]
    [InlineData("（alpha OR gamma） －beta", "alpha-only gamma-doc retro-chinese")]
    public void Search_box_syntax_finds_the_expected_documents(string query, string expected)
    {
        var results = corpus.Host.Search(query, pageSize: 100);

        Assert.DoesNotContain(results.Notes, n => n.NotAsTyped);
        Assert.Equal(expected.Split(' '), results.Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> Hostile =>
    [
        "AND", "OR", "NOT", "alpha AND", "OR beta", "\"unbalanced", "(((", ")", "title:", "foo:bar", "acl:everyone",
        "*foo", "?", "a*", "te?t", "a~~", "alpha~", "alpha~2", "[a TO", "[a TO z]", "{a TO z}", "\\", "alpha\\",
        "/regex", "/re.*x/", "*:*", "^", "alpha^", "!", "&&", "||", "\"", "\"\"", "-", "+", ":", "~", "title:(",
        "http://example.com/a?b=c", "C++ C#", "e-mail", "复盘*", "复*", "“复盘", "）（", new string('x', 5000),
        string.Join(' ', Enumerable.Repeat("alpha", 1200)), string.Join(" OR ", Enumerable.Repeat("ab*", 300)),
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_input_never_throws_and_says_when_it_searched_for_words(string query)
    {
        var results = corpus.Host.Search(query);

        Assert.NotNull(results);
        Assert.True(results.Total >= results.Hits.Count);
    }

    /// <summary>Read as plain words are: stop words left out (to, and alone searched after all), most words when nothing has them all.</summary>
    [Theory]
    [InlineData("\"alpha beta", "alpha-beta")]
    [InlineData("(((gamma", "gamma-doc")]
    [InlineData("*gamma", "gamma-doc")]
    [InlineData("gamma~~", "gamma-doc")]
    [InlineData("[alpha TO", "alpha-beta alpha-only retro-chinese")]
    [InlineData("acl:everyone", "")]
    [InlineData("id:gamma-doc", "")]
    [InlineData("AND", "alpha-beta")]
    public void Invalid_syntax_falls_back_to_the_words_with_a_note(string query, string expected)
    {
        var results = corpus.Host.Search(query, pageSize: 100);

        Assert.Contains(results.Notes, n => n.NotAsTyped);
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), results.Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// An operator left dangling at either end, a question mark or backslash standing alone and brackets that hold no range
    /// are no syntax: the rest is read as typed, without a syntax error's note (<c>title:gamma AND</c> stays a title search).
    /// </summary>
    [Theory]
    [InlineData("alpha AND", "alpha")]
    [InlineData("OR alpha", "alpha")]
    [InlineData("alpha && ", "alpha")]
    [InlineData("title:gamma AND", "title:gamma")]
    [InlineData("what is gamma ?", "gamma")]
    [InlineData("gamma \\ alpha", "gamma alpha")]
    [InlineData("\"alpha beta\" [gamma]", "\"alpha beta\" gamma")]
    [InlineData("{alpha} gamma", "alpha gamma")]
    [InlineData("{\"alpha\": \"beta\"}", "\"alpha\" \"beta\"")]
    [InlineData("gamma +", "gamma")]
    [InlineData("+gamma", "gamma")]
    [InlineData("+alpha +beta", "alpha beta")]
    public void Dangling_operators_lone_marks_and_brackets_without_a_range_are_left_out(string typed, string words)
    {
        var results = corpus.Host.Search(typed, pageSize: 100);

        Assert.DoesNotContain(results.Notes, n => n.NotAsTyped);
        Assert.Equal(corpus.Host.Ids(words), corpus.Host.Ids(typed));
    }

    /// <summary>A field's name at the end, not yet filled in, is ignored with a note, as a filter's is (<c>运营 tag:</c>).</summary>
    [Theory]
    [InlineData("gamma title:", "title:")]
    [InlineData("gamma Body:\"", "Body:")]
    public void A_field_without_a_value_at_the_end_is_ignored_with_a_note(string typed, string field)
    {
        var results = corpus.Host.Search(typed);

        var note = Assert.Single(results.Notes);
        Assert.Equal(QueryNoteKind.EmptyFilter, note.Kind);
        Assert.Equal([field], note.Words);
        Assert.Equal(corpus.Host.Ids("gamma"), corpus.Host.Ids(typed));
    }

    [Theory]
    [InlineData("?")]
    [InlineData("\\")]
    [InlineData("* ?")]
    [InlineData("+")]
    [InlineData("--")]
    public void A_lone_mark_finds_nothing_without_a_note(string typed)
    {
        var results = corpus.Host.Search(typed);

        Assert.Empty(results.Hits);
        Assert.Empty(results.Notes);
    }

    /// <summary>
    /// Markdown pasted from a source or a chat: its emphasis, rules and heading marks are no wildcard or syntax; nor is a
    /// slash standing alone between words, as in a pasted title.
    /// </summary>
    [Theory]
    [InlineData("**gamma**", "gamma")]
    [InlineData("*gamma*", "gamma")]
    [InlineData("**alpha beta**", "alpha beta")]
    [InlineData("## alpha", "alpha")]
    [InlineData("alpha --- beta", "alpha beta")]
    [InlineData("* * * gamma", "gamma")]
    [InlineData("alpha / beta (x)", "alpha beta (x)")]
    [InlineData("alpha~beta", "alpha beta")]
    public void Markdown_marks_and_a_lone_slash_are_left_out(string markdown, string words)
    {
        var results = corpus.Host.Search(markdown, pageSize: 100);

        Assert.DoesNotContain(results.Notes, n => n.NotAsTyped);
        Assert.NotEmpty(results.Hits);
        Assert.Equal(corpus.Host.Ids(words), corpus.Host.Ids(markdown));
    }

    [Theory]
    [InlineData("a*", QueryNoteKind.ShortPrefix, "", GuardedQueryParser.MinPrefixLength)]
    [InlineData("te?t", QueryNoteKind.InnerWildcard, "", 0)]
    [InlineData("ca*n", QueryNoteKind.InnerWildcard, "", 0)]
    [InlineData("*mpaign", QueryNoteKind.LeadingWildcard, "", 0)]
    [InlineData("foo:bar", QueryNoteKind.UnknownField, "foo", 0)]
    [InlineData("gamma~", QueryNoteKind.UnsupportedSyntax, "", 0)]
    [InlineData("/gam+a/", QueryNoteKind.UnsupportedSyntax, "", 0)]
    [InlineData("title:[a TO z]", QueryNoteKind.UnsupportedSyntax, "", 0)]
    [InlineData("(((", QueryNoteKind.SyntaxError, "", 0)]
    [InlineData("gamma AND OR beta", QueryNoteKind.SyntaxError, "", 0)]
    public void The_note_says_what_was_wrong(string query, QueryNoteKind expected, string words, int count)
    {
        var results = corpus.Host.Search(query);

        var note = Assert.Single(results.Notes, n => n.NotAsTyped);
        Assert.Equal(expected, note.Kind);
        Assert.Equal(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), note.Words);
        Assert.Equal(count, note.Count);
    }

    /// <summary>Syntax the parser cannot read is searched as its words: a field's name in it is syntax, not a word (no "no document has: title").</summary>
    [Theory]
    [InlineData("title:\"gamma", "gamma")]
    [InlineData("body:(gamma", "gamma")]
    [InlineData("TITLE:\"gamma campaign", "gamma campaign")]
    public void A_field_name_in_unreadable_syntax_is_not_searched_as_a_word(string query, string words)
    {
        var results = corpus.Host.Search(query);

        Assert.Contains(results.Notes, n => n.Kind == QueryNoteKind.SyntaxError);
        Assert.DoesNotContain(results.Notes, n => n.Words.Any(w => w.Contains("title", StringComparison.OrdinalIgnoreCase) || w.Contains("body", StringComparison.OrdinalIgnoreCase)));
        Assert.NotEmpty(results.Hits);
        Assert.Equal(corpus.Host.Ids(words), corpus.Host.Ids(query));
    }

    [Fact]
    public void A_query_longer_than_the_limit_is_cut_with_a_note()
    {
        var query = "gamma " + new string('x', 5000);

        var results = corpus.Host.Search(query);

        // The cut word (a run of x longer than the limit) matches nothing, so the hits are those with most words.
        var cut = Assert.Single(results.Notes, n => n.NotAsTyped);
        Assert.Equal(new QueryNote(QueryNoteKind.TooLong, [], SearchQueryBuilder.MaxQueryLength), cut with { Words = [] });
        Assert.Empty(cut.Words);
        Assert.Equal(["gamma-doc"], results.Hits.Select(h => h.DocumentId));
        Assert.Contains(results.Notes, n => n.Kind == QueryNoteKind.MostWords);
        Assert.Equal(["gamma-doc"], corpus.Host.Ids("gamma " + new string(' ', 600)));
    }

    /// <summary>
    /// Filters, ranges, phrases and Chinese text straddling the limit: the cut falls at a space outside quotes and
    /// brackets (a filter is never left as an empty <c>tag:</c>, a range never half), or at Chinese punctuation other
    /// than a colon, so the only note is the cut's.
    /// </summary>
    [Theory]
    [InlineData("gamma ", "tag:zq{0}", " ")]
    [InlineData("gamma ", "owner:zq{0}", " ")]
    [InlineData("gamma ", "updated:[2026-01-01 TO 2026-02-01]", " ")]
    [InlineData("gamma ", "\"two words{0}\"", " ")]
    [InlineData("", "运营复盘第{0}条，", "")]
    [InlineData("", "类型：复盘{0}", "，")]
    public void A_long_query_is_cut_where_no_filter_or_syntax_is_broken(string head, string unit, string separator)
    {
        // Shifted by 0–11 characters, so the limit falls on every part of a unit, its colon included.
        for (var shift = 0; shift < 12; shift++)
        {
            var query = new string('甲', shift) + " " + head + string.Join(separator, Enumerable.Range(0, 200).Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, unit, i)));

            var results = corpus.Host.Search(query);

            Assert.True(query.Length > SearchQueryBuilder.MaxQueryLength);
            Assert.Equal([QueryNoteKind.TooLong], results.Notes.Where(n => n.NotAsTyped).Select(n => n.Kind));
            Assert.DoesNotContain(results.Notes, n => n.Kind == QueryNoteKind.EmptyFilter);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void An_empty_query_has_no_hits_and_no_note(string query)
    {
        var results = corpus.Host.Search(query);

        Assert.Equal(0, results.Total);
        Assert.Empty(results.Hits);
        Assert.DoesNotContain(results.Notes, n => n.NotAsTyped);
    }

    [Fact]
    public void A_query_of_only_punctuation_has_no_hits()
    {
        Assert.Equal(0, corpus.Host.Search("，。！").Total);
    }
}

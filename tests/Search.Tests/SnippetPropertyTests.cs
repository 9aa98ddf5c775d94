using System.Net;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// Snippets are excerpts, for every document of <c>content/</c> and generated bilingual text and a vocabulary of
/// queries taken from that text (English words, Chinese bigrams, phrases in both languages, prefixes): without
/// marks and ellipses and with entities decoded a fragment occurs verbatim in the body, its edges are word
/// boundaries, and every mark wraps text whose analysis has a term the query looks for.
/// </summary>
public sealed partial class SnippetPropertyTests(SnippetCorpus corpus) : IClassFixture<SnippetCorpus>
{
    [Fact]
    public void Every_snippet_is_a_verbatim_excerpt_with_marks_only_on_matching_terms()
    {
        var queries = Queries().ToList();
        var checkedHits = 0;
        var failures = new List<string>();
        foreach (var query in queries)
        {
            var results = corpus.Host.Search(query, pageSize: 100);
            var read = new SearchQueryBuilder(corpus.Host.Analyzer).ParseSearch(query);
            // Syntax that found nothing was searched as plain words (a note says so): those are the words to mark.
            var parsed = results.Notes.Any(n => n.Kind == QueryNoteKind.SyntaxAsWords) ? read.Plan!.AsPlainWords()!.Value.Words : read.Query;
            foreach (var hit in results.Hits)
            {
                checkedHits++;
                var body = corpus.Bodies[hit.DocumentId];
                if (Problem(hit.SnippetHtml, body, parsed, hit.MatchedAttachment is null) is { } problem)
                {
                    failures.Add($"{query} → {hit.DocumentId}: {problem}\n    {hit.SnippetHtml}");
                }
            }
        }

        Assert.True(queries.Count > 150, $"only {queries.Count} queries");
        Assert.True(checkedHits > 1000, $"only {checkedHits} hits checked");
        Assert.True(failures.Count == 0, $"{failures.Count} bad snippets:\n" + string.Join('\n', failures.Take(20)));
    }

    [Theory]
    [InlineData("本次复盘覆盖 618 大促，但影响活动 KPI 的必须纳入活动复盘。", "复盘")]
    [InlineData("Nothing here. The kangaroo & <wombat> plan is done; the wombat sleeps.", "wombat")]
    public void A_snippet_of_a_short_text_is_the_whole_text_with_its_matches_marked(string text, string word)
    {
        var highlighter = new SnippetHighlighter(corpus.Host.Analyzer);
        var query = new SearchQueryBuilder(corpus.Host.Analyzer).ParseSearch(word).Query!;

        var snippet = highlighter.Body(text, query);

        Assert.Equal(text, Plain(snippet));
        Assert.Equal(2, MarkPattern().Count(snippet));
        Assert.All(MarkPattern().Matches(snippet), m => Assert.Equal(word, m.Groups[1].Value));
    }

    [Fact]
    public void A_long_Latin_word_is_never_cut_at_a_fragment_edge()
    {
        var text = string.Concat(Enumerable.Repeat("alpha beta gamma delta epsilon ", 12)) + "kangaroo " + string.Concat(Enumerable.Repeat("zeta eta theta iota kappa ", 12));
        var highlighter = new SnippetHighlighter(corpus.Host.Analyzer);
        var query = new SearchQueryBuilder(corpus.Host.Analyzer).ParseSearch("kangaroo").Query!;

        var plain = Plain(highlighter.Body(text, query));

        Assert.Contains("kangaroo", plain, StringComparison.Ordinal);
        Assert.Matches("^(alpha|beta|gamma|delta|epsilon) ", plain);
        Assert.Matches(" (zeta|eta|theta|iota|kappa)$", plain);
    }

    /// <summary>
    /// Soft hyphens (a PDF's) and zero-width joiners inside words: no fragment edge falls inside such a word, the match is
    /// marked whole across them, and a text that only starts with a byte-order mark has no "…" before it.
    /// </summary>
    [Fact]
    public void Invisible_characters_inside_words_neither_cut_them_nor_hide_the_match()
    {
        const string shy = "\u00AD";
        var words = Enumerable.Range(0, 40).Select(i => (i % 3) switch { 0 => "inter" + shy + "national", 1 => "pay\u200Dment", _ => "con" + shy + "ti" + shy + "nu" + shy + "ous" }).ToList();
        var text = "\uFEFF" + string.Join(' ', words.Take(20)) + " kangaroo " + string.Join(' ', words.Skip(20));
        var highlighter = new SnippetHighlighter(corpus.Host.Analyzer);
        var query = new SearchQueryBuilder(corpus.Host.Analyzer).ParseSearch("kangaroo").Query!;
        var first = new SearchQueryBuilder(corpus.Host.Analyzer).ParseSearch("international").Query!;

        var snippet = highlighter.Body(text, query);
        var plain = Plain(snippet);
        var start = highlighter.Body(text, first);

        Assert.Contains("<mark>kangaroo</mark>", snippet, StringComparison.Ordinal);
        Assert.True(Occurrences(text, plain).Any(at => SnippetText.IsBoundary(text, at) && SnippetText.IsBoundary(text, at + plain.Length)), plain);
        Assert.All(plain.Split(' '), word => Assert.Contains(word, words.Append("kangaroo")));
        Assert.StartsWith("\uFEFF<mark>inter" + shy + "national</mark>", start, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inter\u00ADnational", 5)]
    [InlineData("inter\u00ADnational", 6)]
    [InlineData("pay\u200Dment", 3)]
    [InlineData("pay\u200Dment", 4)]
    [InlineData("data\u200Bbase", 4)]
    public void A_fragment_edge_never_falls_beside_a_format_character_inside_a_word(string text, int at) =>
        Assert.False(SnippetText.IsBoundary(text, at));

    [Theory]
    [InlineData("\uFEFFkangaroo", 1, 9, "x")]
    [InlineData("kangaroo\u200B \u200E", 0, 8, "x")]
    [InlineData("a kangaroo", 2, 10, "…x")]
    public void Only_visible_text_beyond_a_fragment_gets_an_ellipsis(string text, int start, int end, string expected) =>
        Assert.Equal(expected, SnippetText.WithEllipses("x", text, start, end));

    private static string? Problem(string snippet, string body, Lucene.Net.Search.Query? query, bool fromBody)
    {
        var plain = Plain(snippet);
        if (!fromBody)
        {
            return null;
        }

        if (plain.Length == 0 || !Occurrences(body, plain).Any(at => SnippetText.IsBoundary(body, at) && SnippetText.IsBoundary(body, at + plain.Length)))
        {
            return "not a verbatim excerpt with edges on word boundaries";
        }

        var unescaped = WebUtility.HtmlDecode(snippet.Trim('…'));
        foreach (Match mark in MarkPattern().Matches(unescaped))
        {
            var marked = mark.Groups[1].Value;
            if (query is null || !Matches(marked, query))
            {
                return $"the mark \"{marked}\" has no term of the query";
            }
        }

        return null;
    }

    private static IEnumerable<int> Occurrences(string text, string part)
    {
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            yield return at;
        }
    }

    private static bool Matches(string marked, Lucene.Net.Search.Query query)
    {
        var terms = QueryTerms.Of(query);
        using var analyzer = new SearchAnalyzer();
        foreach (var field in new[] { SearchFields.Body, SearchFields.BodyCjk })
        {
            if (terms.For(field) is not { } wanted)
            {
                continue;
            }

            using var stream = analyzer.GetTokenStream(field, marked);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            var found = false;
            while (!found && stream.IncrementToken())
            {
                found = wanted.Id(term.Buffer.AsSpan(0, term.Length), out var match) >= 0 || match;
            }

            stream.End();
            if (found)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The snippet as text: marks and the ellipses at its ends removed, entities decoded.</summary>
    private static string Plain(string snippet)
    {
        var text = snippet.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
        text = text.StartsWith('…') ? text[1..] : text;
        text = text.EndsWith('…') ? text[..^1] : text;
        return WebUtility.HtmlDecode(text);
    }

    /// <summary>A seeded vocabulary of the corpus: English words, prefixes and phrases, Chinese bigrams and phrases, mixed pairs.</summary>
    private IEnumerable<string> Queries()
    {
        var random = new Random(42);
        var bodies = corpus.Bodies.Values.ToList();
        var words = bodies.SelectMany(b => LatinWord().Matches(b).Select(m => m.Value)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var runs = bodies.SelectMany(b => CjkRun().Matches(b).Select(m => m.Value)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var pairs = bodies.SelectMany(b => LatinPair().Matches(b).Select(m => m.Value)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        T Pick<T>(List<T> list) => list[random.Next(list.Count)];
        for (var i = 0; i < 80; i++)
        {
            yield return Pick(words);
        }

        for (var i = 0; i < 80; i++)
        {
            var run = Pick(runs);
            var at = random.Next(run.Length - 1);
            yield return run.Substring(at, 2);
        }

        for (var i = 0; i < 20; i++)
        {
            var run = Pick(runs);
            yield return "\"" + run[..Math.Min(run.Length, 4)] + "\"";
            yield return "\"" + Pick(pairs) + "\"";
            var word = Pick(words);
            yield return word[..Math.Min(word.Length, 4)].ToLowerInvariant() + "*";
            yield return Pick(words) + " " + run[..2];
        }

        foreach (var fixedQuery in new[] { "复盘", "新客", "直播", "GMV", "push", "618", "活动 复盘", "C++", "𩸽鱼", "ＧＭＶ", "café", "kpi" })
        {
            yield return fixedQuery;
        }
    }

    [GeneratedRegex(@"\b[A-Za-z]{3,}\b")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"\b[A-Za-z]{3,} [A-Za-z]{3,}\b")]
    private static partial Regex LatinPair();

    [GeneratedRegex(@"[\u4E00-\u9FFF]{4,}")]
    private static partial Regex CjkRun();

    [GeneratedRegex("<mark>(.*?)</mark>", RegexOptions.Singleline)]
    private static partial Regex MarkPattern();
}

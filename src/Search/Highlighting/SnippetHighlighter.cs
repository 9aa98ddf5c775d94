using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>
/// HTML for hits: the text HTML-encoded, matches in &lt;mark&gt; (adjacent marks merged, so a Chinese word
/// is one mark). A match is a token of the field's analysis that the query names: a term, a prefix's expansion, or
/// all the terms of a phrase at their positions (see <see cref="WindowMarks"/> for which analysis).
/// The body snippet is the ~160-character fragment around the best match, without one the text's start. Only
/// windows of the text around places that contain a query term's characters are analysed (<see cref="WindowSize"/>),
/// so a hit costs about the same whether its match is in the first line of a long document or deep in it.
/// </summary>
public sealed class SnippetHighlighter(SearchAnalyzer analyzer)
{
    public const int FragmentSize = 160;

    /// <summary>Characters analysed around a candidate place.</summary>
    internal const int WindowSize = FragmentSize + 96;

    /// <summary>Candidate places looked at before giving up on a field (a key such as "th" may occur often without a match).</summary>
    private const int MaxWindows = 24;

    private const int Lead = FragmentSize / 3;

    /// <summary>The body snippet of a hit: the fragment around the best match, or the text's start.</summary>
    public string Body(string text, Query query) => BodyMatch(text, query) ?? Leading(text);

    /// <summary>The body fragment around the best match, or null when the body has no match.</summary>
    internal string? BodyMatch(string text, Query query)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(query);
        return Match(SearchFields.Body, SearchFields.BodyCjk, text, query, whole: false);
    }

    /// <summary>
    /// <paramref name="text"/> of <paramref name="field"/> (with its bigram shadow <paramref name="cjkField"/>) highlighted:
    /// a fragment around the best match, or the whole text when <paramref name="whole"/>; null without a match.
    /// </summary>
    internal string? Match(string field, string cjkField, string text, Query query, bool whole)
    {
        var terms = QueryTerms.Of(query);
        var wanted = new Wanted(field, cjkField, terms.For(field), terms.For(cjkField));
        if (wanted.Smart is null && wanted.Cjk is null)
        {
            return null;
        }

        if (!whole)
        {
            return Fragment(text, wanted);
        }

        var marks = WindowMarks(text, 0, text.Length, wanted, segment: true);
        return marks.Count > 0 ? TextMarks.Html(text, 0, text.Length, marks) : null;
    }

    public string Title(string title, Query query)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(query);
        return Match(SearchFields.Title, SearchFields.TitleCjk, title, query, whole: true) ?? HtmlTextEncoder.Encode(title);
    }

    /// <summary><c>&lt;mark&gt;复&lt;/mark&gt;&lt;mark&gt;盘&lt;/mark&gt;</c> → <c>&lt;mark&gt;复盘&lt;/mark&gt;</c>.</summary>
    public static string MergeAdjacentMarks(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return html.Replace("</mark><mark>", "", StringComparison.Ordinal);
    }

    /// <summary>The encoded start of the text, for a hit without a match in it.</summary>
    internal static string Leading(string text)
    {
        if (text.Length <= FragmentSize)
        {
            return HtmlTextEncoder.Encode(text.Trim());
        }

        var end = SnippetText.EndAt(text, FragmentSize, 0);
        return SnippetText.WithEllipses(HtmlTextEncoder.Encode(text[..end].Trim()), text, 0, end);
    }

    /// <summary>
    /// The fragment around the best match in the first window that has one: candidate places are where a key of the
    /// query's terms occurs in the raw text; each is analysed in a window starting a little before it.
    /// </summary>
    private string? Fragment(string text, Wanted wanted)
    {
        var from = 0;
        var keys = wanted.Keys;
        var segment = true;
        // The raw text first: most texts hold the query's keys as they are, and normalizing a whole body (a Chinese one
        // is rarely normal: its fullwidth commas) cost more than the search for the keys. Only when the raw text has no
        // (more) candidates is it searched again from the start in its normalized form, if that differs.
        var probe = text;
        Analysis.OffsetCorrections? back = null;
        var normalized = false;
        for (var window = 0; window < MaxWindows; window++)
        {
            var found = NextCandidate(probe, from, keys);
            if (found < 0 && !normalized)
            {
                normalized = true;
                if (Probe(text) is var (other, corrections) && !ReferenceEquals(other, text) && !other.Equals(text, StringComparison.Ordinal))
                {
                    (probe, back, from) = (other, corrections, 0);
                    found = NextCandidate(probe, from, keys);
                }
            }

            if (found < 0)
            {
                return null;
            }

            // Where the probe is the normalized text of another length (characters dropped or expanded), its offsets are
            // taken back to the text's; the windows are always the text's.
            var candidate = back?.Correct(found) ?? found;
            var start = SnippetText.StartAt(text, candidate - Lead, candidate);
            var end = SnippetText.EndAt(text, candidate + WindowSize, candidate);
            var marks = WindowMarks(text, start, end, wanted, segment, back is null ? probe : null);
            segment = false;
            if (marks.Count > 0)
            {
                return Excerpt(text, start, end, marks, wanted);
            }

            // No token of this window matched (the key was part of another word): look further on.
            from = back is null ? Math.Max(candidate + 1, end - Lead) : found + 1;
        }

        return null;
    }

    /// <summary>
    /// The fragment around the best of the window's marks: a contiguous excerpt of the text with edges on word
    /// boundaries (<see cref="SnippetText"/>), every match in it marked (the part outside the analysed window is
    /// analysed too), "…" where the text goes on.
    /// </summary>
    private string Excerpt(string text, int start, int end, List<TextMark> marks, Wanted wanted)
    {
        var best = marks[Best(marks)];
        var (from, to) = SnippetText.Bounds(text, best.Start, best.End, FragmentSize, Lead);
        if (from < start || to > end)
        {
            var outside = WindowMarks(text, from, to, wanted, segment: false).Where(m => m.Start < start || m.End > end);
            marks = TextMarks.Merge([.. marks, .. outside]);
        }

        foreach (var mark in marks)
        {
            // A mark is never cut by an edge: the fragment takes it whole.
            (from, to) = (mark.Start < from && mark.End > from ? mark.Start : from, mark.Start < to && mark.End > to ? mark.End : to);
        }

        return SnippetText.WithEllipses(TextMarks.Html(text, from, to, marks), text, from, to);
    }

    /// <summary>
    /// The matches in text[start..end]. Text of SmartCn's plain classes (English): its SmartCn tokens, which are cheap
    /// (<see cref="LanguageRoutingTokenizer"/>), else its bigrams. Chinese: segmenting it again would cost far more than
    /// the search, so its bigrams (every Chinese word the query has is a phrase of bigrams there) and its English words
    /// as the SmartCn field has them; only when neither matches and <paramref name="segment"/> (once per text), the
    /// SmartCn tokens of the window's start, for a word only SmartCn has (a single character: 表 of 表格 is no bigram).
    /// </summary>
    private List<TextMark> WindowMarks(string text, int start, int end, Wanted wanted, bool segment, string? probe = null)
    {
        var plain = LanguageRoutingTokenizer.IsPlain(text.AsSpan(start, end - start));
        var marks = new List<TextMark>();
        if (wanted.Smart is { } smart)
        {
            marks = TextMarks.Find(plain ? analyzer : analyzer.AsciiWords, wanted.Field, text, start, end, smart);
        }

        if (wanted.Cjk is { } cjk && (!plain || marks.Count == 0))
        {
            marks = TextMarks.Merge([.. marks, .. TextMarks.Find(analyzer, wanted.CjkField, text, start, end, cjk)]);
        }

        if (marks.Count == 0 && !plain && segment && wanted.Smart is { NeedsSegmenter: true } segmented
            && NextCandidate(probe ?? text, start, segmented.Keys) is var place && place >= 0 && place < end)
        {
            marks = TextMarks.Find(analyzer, wanted.Field, text, start, SnippetText.EndAt(text, Math.Min(end, start + Lead + FragmentSize), start), segmented);
        }

        return marks;
    }

    /// <summary>The mark that starts the fragment holding the most distinct matched terms (the first such).</summary>
    private static int Best(List<TextMark> marks)
    {
        var (best, bestCount) = (0, 0);
        var seen = new HashSet<int>();
        for (var i = 0; i < marks.Count; i++)
        {
            seen.Clear();
            for (var j = i; j < marks.Count && marks[j].End - marks[i].Start <= FragmentSize - Lead; j++)
            {
                seen.Add(marks[j].Term);
            }

            if (seen.Count > bestCount)
            {
                (best, bestCount) = (i, seen.Count);
            }
        }

        return best;
    }

    /// <summary>
    /// The text to look for the query's keys in: the keys are normalized terms (simplified, halfwidth, NFKC, without
    /// invisible format characters), so a traditional, fullwidth or soft-hyphenated text is searched in its normalized
    /// form. Mostly that has the same length (one character for one); where characters were dropped (a soft hyphen) or
    /// expanded (a ligature), the corrections take its offsets back to the text's.
    /// </summary>
    private static (string Probe, Analysis.OffsetCorrections? Back) Probe(string text)
    {
        var normalized = Analysis.TextNormalizer.Normalize(text);
        if (normalized.Length == text.Length)
        {
            return (normalized, null);
        }

        var output = new Analysis.NormalizedText();
        var corrections = new Analysis.OffsetCorrections();
        Analysis.TextNormalizer.Run(text, output, corrections);
        return (new string(output.Chars, 0, output.Length), corrections);
    }

    private static int NextCandidate(string text, int from, IReadOnlyList<string> keys)
    {
        var first = -1;
        var span = text.AsSpan(from);
        foreach (var key in keys)
        {
            var limit = first < 0 ? span : span[..Math.Min(span.Length, first - from + key.Length)];
            var found = limit.IndexOf(key, Caseless(key) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
            if (found >= 0 && (first < 0 || from + found < first))
            {
                first = from + found;
            }
        }

        return first;
    }

    /// <summary>
    /// A key of CJK characters only (radicals to Yi: ideographs, kana, CJK punctuation; none has a case): an ordinal search
    /// finds what an ordinal case-insensitive one does, vectorized, where the case-insensitive one compares character by
    /// character as soon as the text has a non-ASCII character.
    /// </summary>
    internal static bool Caseless(string key) => key.Length > 0 && key.AsSpan().IndexOfAnyExceptInRange('\u2E80', '\uA4CF') < 0;

    /// <summary>What the query looks for in a field and its bigram shadow.</summary>
    private sealed record Wanted(string Field, string CjkField, FieldTerms? Smart, FieldTerms? Cjk)
    {
        public IReadOnlyList<string> Keys { get; } = [.. (Smart?.Keys ?? []).Concat(Cjk?.Keys ?? []).Distinct(StringComparer.Ordinal)];
    }

}

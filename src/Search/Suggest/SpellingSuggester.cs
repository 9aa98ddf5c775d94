using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeHub.Search;

/// <summary>
/// "Did you mean" for English: each word of three or more ASCII letters that the index does not know (in its
/// surface form on the bigram fields, nor as a stem on the SmartCn fields) — or knows from a single entry while a
/// close word is in many — is replaced by the closest indexed word within 1 edit (words up to 5 letters) or 2 edits,
/// sharing its first letter (found by walking the terms with that letter); ties go to the word in more entries. Term statistics cover every entry, so a
/// candidate is only taken when <c>readable</c> says the caller can read an entry with it. Field names, prefixes
/// (<c>camp*</c>), negated words, words in addresses, paths and names with dots (<see cref="Word"/>), words over 24 letters and acronyms (<c>OKR</c>, <c>LTV</c>, <c>COVID</c>: five capitals
/// at most) are left alone, and no word becomes a stop word (<c>okr</c> is not "or"); at most 8 words are looked up.
/// </summary>
internal sealed partial class SpellingSuggester(SearchAnalyzer analyzer)
{
    /// <summary>A result with fewer hits than this gets a correction, when one exists.</summary>
    public const int FewHits = 3;

    private const int PopularEnough = 5;

    /// <summary>
    /// Words up to this length are corrected by one edit at most: two edits turn a five-letter word into too many others
    /// (<c>covid</c> → "copied"). Elasticsearch's AUTO fuzziness draws the line at the same length.
    /// </summary>
    private const int MaxOneEditLength = 5;

    /// <summary>Longer "words" are not English words (and would make the edit-distance automaton costly).</summary>
    private const int MaxWordLength = 24;

    /// <summary>At most this many words of one query are looked up.</summary>
    private const int MaxWords = 8;

    private static readonly string[] SurfaceFields = [SearchFields.BodyCjk, SearchFields.TitleCjk];
    private static readonly string[] StemFields = [SearchFields.Body, SearchFields.Title];
    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "AND", "OR", "NOT" };

    /// <summary>The text with its misspelt words replaced, or null when there is nothing to correct.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1308", Justification = "Index terms are lower case.")]
    public string? Correct(IndexReader reader, string text, Func<string, bool> readable)
    {
        var replacements = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var words = Words(text);
        foreach (var word in words.Select(m => m.Value).Where(w => w.Length <= MaxWordLength && !Operators.Contains(w) && !IsAcronym(w)).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxWords))
        {
            var lower = word.ToLowerInvariant();
            if (replacements.ContainsKey(lower))
            {
                continue;
            }

            var known = Math.Max(DocFreq(reader, SurfaceFields, lower), DocFreq(reader, StemFields, Stem(lower)));
            if (known <= 1 && Candidates(reader, lower, known).FirstOrDefault(c => !Querying.StopWords.IsEnglish(c) && readable(c)) is { } better)
            {
                replacements[lower] = better;
            }
        }

        if (replacements.Count == 0)
        {
            return null;
        }

        var corrected = new System.Text.StringBuilder(text.Length);
        var at = 0;
        foreach (var match in words)
        {
            corrected.Append(text, at, match.Index - at).Append(replacements.GetValueOrDefault(match.Value, match.Value));
            at = match.Index + match.Length;
        }

        return corrected.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>An acronym as written (<c>OKR</c>, <c>COVID</c>): a name to search as it is, not a misspelt word.</summary>
    private static bool IsAcronym(string word) => word.Length <= MaxAcronymLength && word.All(char.IsAsciiLetterUpper);

    /// <summary>Longer words in capitals are words typed with caps lock on (<c>CAMPAING</c>): corrected as any word.</summary>
    private const int MaxAcronymLength = 5;

    /// <summary>Entries with the word in their title or text (surface form).</summary>
    public static BooleanQuery AnyField(string word)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var field in SurfaceFields)
        {
            any.Add(new TermQuery(new Term(field, word)), Occur.SHOULD);
        }

        return any;
    }

    /// <summary>Damerau–Levenshtein distance (optimal string alignment), for ranking candidates.</summary>
    public static int Distance(string a, string b) => Distance(a.AsSpan(), b.AsSpan());

    /// <summary>
    /// <see cref="Distance(string, string)"/> over any two spans (the term walk compares a term's UTF-8 bytes, most of which
    /// are never made strings): three rows on the stack, words are at most <see cref="MaxWordLength"/> letters and a term
    /// within reach of one only a few more.
    /// </summary>
    private static int Distance<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : IEquatable<T>
    {
        var width = b.Length + 1;
        Span<int> rows = width <= 128 ? stackalloc int[3 * width] : new int[3 * width];
        Span<int> before = rows[..width], previous = rows[width..(2 * width)], current = rows[(2 * width)..];
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1].Equals(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1].Equals(b[j - 2]) && a[i - 2].Equals(b[j - 1]))
                {
                    current[j] = Math.Min(current[j], before[j - 2] + 1);
                }
            }

            var oldest = before;
            before = previous;
            previous = current;
            current = oldest;
        }

        return previous[width - 1];
    }

    private static IEnumerable<string> Candidates(IndexReader reader, string word, int known)
    {
        var maxEdits = word.Length <= MaxOneEditLength ? 1 : 2;
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in SurfaceFields)
        {
            Scan(MultiFields.GetTerms(reader, field), word, maxEdits, found);
        }

        return found
            .Where(p => known == 0 || p.Value >= PopularEnough)
            .OrderBy(p => Distance(word, p.Key))
            .ThenByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key)
            .Take(5);
    }

    /// <summary>
    /// Walks the terms that share the word's first letter; keeps those within <paramref name="maxEdits"/>. A term is
    /// compared as its bytes (the word is ASCII letters, so is a candidate) and made a string only when it is kept: of
    /// the thousands of terms a letter has, a few are.
    /// </summary>
    private static void Scan(Terms? terms, string word, int maxEdits, Dictionary<string, int> found)
    {
        var termsEnum = terms?.GetEnumerator();
        if (termsEnum is null || termsEnum.SeekCeil(new BytesRef(word[..1])) == TermsEnum.SeekStatus.END)
        {
            return;
        }

        Span<byte> target = stackalloc byte[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            target[i] = (byte)word[i];
        }

        do
        {
            var term = termsEnum.Term;
            if (term.Length == 0 || term.Bytes[term.Offset] != target[0])
            {
                return;
            }

            var bytes = new ReadOnlySpan<byte>(term.Bytes, term.Offset, term.Length);
            if (Math.Abs(bytes.Length - target.Length) <= maxEdits && !bytes.SequenceEqual(target) && !bytes.ContainsAnyExceptInRange((byte)'a', (byte)'z')
                && Distance<byte>(target, bytes) <= maxEdits)
            {
                var text = term.Utf8ToString();
                found[text] = Math.Max(found.GetValueOrDefault(text), termsEnum.DocFreq);
            }
        }
        while (termsEnum.MoveNext());
    }

    private static int DocFreq(IndexReader reader, string[] fields, string term) =>
        term.Length == 0 ? 0 : fields.Max(field => reader.DocFreq(new Term(field, term)));

    /// <summary>The word as the SmartCn fields index it (lower-cased, Porter-stemmed).</summary>
    private string Stem(string word) => analyzer.Terms(SearchFields.Body, word) is [var stem, ..] ? stem : "";

    /// <summary>
    /// A word of three ASCII letters or more standing on its own: not part of a longer token — a field name, a prefix, a
    /// negated or hyphenated word, an apostrophe's, an e-mail address (<c>@</c>), a wildcard inside a word (<c>ca?paign</c>),
    /// an escape, or a name with dots (<c>example.com</c>, <c>retro.docx</c>). A full stop or question mark ending a
    /// sentence is no part of the word.
    /// </summary>
    [GeneratedRegex("""(?<![A-Za-z0-9_:*\-'@\\]|[A-Za-z0-9][.?])[A-Za-z]{3,}(?![A-Za-z0-9_:*'@\\]|[.?][A-Za-z0-9])""", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    /// <summary>The words of <paramref name="text"/> to look up: <see cref="Word"/>s outside an address, a path or a time (<see cref="Querying.LiteralTokens"/>).</summary>
    private static List<Match> Words(string text)
    {
        var literal = Querying.LiteralTokens.Spans(text);
        return [.. Word().Matches(text).Where(m => !literal.Any(span => m.Index >= span.Start.Value && m.Index < span.End.Value))];
    }
}

using ICU4N.Text;

namespace KnowledgeHub.Search.Analysis;

/// <summary>
/// The one normalization of searchable text, at index and at query time, for every analyzed field (title, body,
/// tags, attachment text, their bigram shadows): Unicode NFKC (full-width letters and digits to ASCII, ideographic
/// space to space, compatibility ideographs and Kangxi radicals to unified ideographs, ligatures and circled digits
/// spelled out), then <see cref="CjkFolding"/> (CJK radical forms to ideographs, traditional to simplified Chinese) and
/// the other apostrophes (<see cref="IsApostrophe"/>) to <c>'</c>: text from a word processor writes team’s and didn’t
/// where a keyboard writes team's and didn't, and the bigram shadows keep such a word whole, so each spelling was a
/// term of its own.
/// Invisible format characters (<see cref="IsIgnorable"/>: soft hyphens, zero-width spaces and joiners, word joiners,
/// byte-order marks, bidirectional controls, variation selectors) are dropped, so "inter­national" with a soft hyphen
/// from a PDF and "直播​复盘" with a zero-width space from a web page are the words they look like.
/// Case is left to the analysis chains, which lower-case as before. Analyzers apply it through
/// <see cref="NormalizingCharFilter"/>, which keeps offsets pointing into the original text; <see cref="Normalize(string)"/>
/// is for query text that skips analysis (prefix and wildcard terms).
/// Text already normal costs one table lookup per character; NFKC (ICU4N, managed) runs only on the stretches
/// between normalization boundaries around a character that needs it.
/// </summary>
public static class TextNormalizer
{
    private static readonly Normalizer2 Nfkc = Normalizer2.NFKCInstance;

    /// <summary>
    /// Per UTF-16 unit: 1 when it is unchanged by NFKC and starts a normalization segment (only the fold applies),
    /// <see cref="Dropped"/> when it is <see cref="IsIgnorable"/>, 0 otherwise.
    /// </summary>
    private static readonly byte[] Kind = BuildKinds();

    private static readonly char[] Fold = BuildFold();

    private const byte Dropped = 2;

    /// <summary>The high surrogate of U+E0000–U+E03FF: tags and the variation selectors supplement (ideographic variants).</summary>
    private const char SupplementIgnorables = '\uDB40';

    /// <summary>A thread's buffer for <see cref="Normalize(string)"/> is kept up to this many characters.</summary>
    private const int MaxKeptScratch = 64 * 1024;

    [ThreadStatic]
    private static NormalizedText? scratch;

    /// <summary><paramref name="text"/> normalized; the same instance when nothing changes.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsNormal(text))
        {
            return text;
        }

        // The highlighter normalizes each hit's whole body: a buffer per call was as much garbage again as the result.
        var output = scratch ??= new NormalizedText();
        try
        {
            return Run(text, output, corrections: null) ? new string(output.Chars, 0, output.Length) : text;
        }
        finally
        {
            if (output.Chars.Length > MaxKeptScratch)
            {
                scratch = null;
            }
        }
    }

    /// <summary>
    /// True for the invisible format characters search drops (default-ignorable code points of the BMP that are no
    /// letters): soft hyphen, combining grapheme joiner, Arabic letter mark, Mongolian variation selectors, zero-width
    /// space, non-joiner and joiner, left-to-right and right-to-left marks and embeddings, word joiner and the invisible
    /// operators, variation selectors and the byte-order mark. Tags and supplementary variation selectors (U+E0000…,
    /// surrogate pairs) are dropped by <see cref="Run"/> too.
    /// </summary>
    public static bool IsIgnorable(char c) =>
        c is '\u00AD' or '\u034F' or '\u061C' or (>= '\u180B' and <= '\u180F') or (>= '\u200B' and <= '\u200F')
            or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u206F') or (>= '\uFE00' and <= '\uFE0F') or '\uFEFF';

    /// <summary><paramref name="text"/> without its <see cref="IsIgnorable"/> characters (and U+E0000… pairs); the same instance when it has none.</summary>
    public static string WithoutIgnorables(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfIgnorable(text, 0);
        if (first < 0)
        {
            return text;
        }

        var kept = new System.Text.StringBuilder(text.Length);
        var from = 0;
        for (var at = first; at >= 0; at = IndexOfIgnorable(text, from))
        {
            kept.Append(text, from, at - from);
            from = at + (Kind[text[at]] == Dropped ? 1 : 2);
        }

        return kept.Append(text, from, text.Length - from).ToString();
    }

    private static int IndexOfIgnorable(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (Kind[c] == Dropped || (c == SupplementIgnorables && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// True when <see cref="Run"/> would leave every character as it is: each one NFKC-stable at a segment start and its own
    /// fold (plain ASCII, simplified Chinese). Checked first so normal text — most of it — is not copied: the highlighter
    /// probes each hit's whole body, and the copy was ~16 KB of garbage per hit of a few thousand characters.
    /// </summary>
    internal static bool IsNormal(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (Kind[c] != 1 || Fold[c] != c)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Appends the normal form of <paramref name="input"/> to <paramref name="output"/> (from its start), recording in
    /// <paramref name="corrections"/> where output offsets stop matching input offsets. True when anything changed.
    /// </summary>
    internal static bool Run(ReadOnlySpan<char> input, NormalizedText output, OffsetCorrections? corrections)
    {
        output.Clear();
        output.Ensure(input.Length);
        var changed = false;
        var boundaryIn = 0;
        var boundaryOut = 0;
        var diff = 0;
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            var dropped = Kind[c] == Dropped ? 1
                : c == SupplementIgnorables && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]) ? 2
                : 0;
            if (dropped > 0)
            {
                // Gone from the output; what follows starts a new stretch (nothing composes across a format character).
                changed = true;
                diff = Correct(corrections, output.Length, dropped, 0, diff);
                i += dropped;
                boundaryIn = i;
                boundaryOut = output.Length;
                continue;
            }

            if (Kind[c] == 1)
            {
                boundaryIn = i;
                boundaryOut = output.Length;
                var folded = Fold[c];
                changed |= folded != c;
                output.Append(folded);
                i++;
                continue;
            }

            // A stretch from the last boundary (the previous character may compose with this one) to the next.
            var start = boundaryIn;
            output.Length = boundaryOut;
            var end = NextBoundary(input, i + 1);
            var normal = Nfkc.Normalize(input[start..end]);
            var outStart = output.Length;
            foreach (var n in normal)
            {
                output.Append(Fold[n]);
            }

            var inLength = end - start;
            if (!changed && !input[start..end].SequenceEqual(output.Chars.AsSpan(outStart, output.Length - outStart)))
            {
                changed = true;
            }

            diff = Correct(corrections, outStart, inLength, normal.Length, diff);
            boundaryIn = end;
            boundaryOut = output.Length;
            i = end;
        }

        return changed;
    }

    /// <summary>
    /// Records how output [outStart, outStart+outLength) maps back to an input stretch of <paramref name="inLength"/>
    /// characters, as Lucene's MappingCharFilter does: a shorter output maps its end to the stretch's end; extra output
    /// characters of a longer one map to the stretch's last character. Returns the new cumulative difference.
    /// </summary>
    private static int Correct(OffsetCorrections? corrections, int outStart, int inLength, int outLength, int diff)
    {
        if (outLength == inLength)
        {
            return diff;
        }

        if (outLength < inLength)
        {
            diff += inLength - outLength;
            corrections?.Add(outStart + outLength, diff);
            return diff;
        }

        for (var extra = 0; extra < outLength - inLength; extra++)
        {
            corrections?.Add(outStart + inLength + extra, diff - extra - 1);
        }

        return diff - (outLength - inLength);
    }

    private static int NextBoundary(ReadOnlySpan<char> input, int from)
    {
        var j = from;
        while (j < input.Length)
        {
            var c = input[j];
            if (char.IsHighSurrogate(c) && j + 1 < input.Length && char.IsLowSurrogate(input[j + 1]))
            {
                if (c == SupplementIgnorables || Nfkc.HasBoundaryBefore(char.ConvertToUtf32(c, input[j + 1])))
                {
                    return j;
                }

                j += 2;
                continue;
            }

            if (char.IsSurrogate(c) || Kind[c] != 0 || Nfkc.HasBoundaryBefore(c))
            {
                return j;
            }

            j++;
        }

        return j;
    }

    /// <summary>
    /// An apostrophe other than the keyboard's, between letters: ’ (U+2019, what word processors write), ‘ (U+2018, what
    /// they write when autocorrect turns it the wrong way), ʼ (U+02BC) and the full-width ＇ (U+FF07, which NFKC maps
    /// already; the query text meets it before normalization). Folded to <c>'</c> here and straightened in typed text
    /// (<see cref="QueryText.StraightApostrophes"/>).
    /// </summary>
    public static bool IsApostrophe(char c) => c is '\u2019' or '\u2018' or '\u02BC' or '\uFF07';

    /// <summary><see cref="CjkFolding.Table"/> with the other apostrophes straightened (NFKC leaves them alone but for ＇).</summary>
    private static char[] BuildFold()
    {
        var fold = (char[])CjkFolding.Table.Clone();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (IsApostrophe((char)c))
            {
                fold[c] = '\'';
            }
        }

        return fold;
    }

    private static byte[] BuildKinds()
    {
        var kinds = new byte[char.MaxValue + 1];
        Span<char> one = stackalloc char[1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            one[0] = (char)c;
            if (IsIgnorable((char)c))
            {
                kinds[c] = Dropped;
            }
            else if (Nfkc.HasBoundaryBefore(c) && Nfkc.IsNormalized(one))
            {
                kinds[c] = 1;
            }
        }

        return kinds;
    }
}

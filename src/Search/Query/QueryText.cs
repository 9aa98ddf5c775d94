using System.Text;

namespace KnowledgeHub.Search;

/// <summary>
/// Prepares user text for the query parser. Chinese quotation marks and full-width ( ) + - * become their
/// ASCII syntax; outside quotes, other CJK and full-width punctuation (，。：！？、…) becomes a space and each
/// run of CJK characters is set apart from neighbouring letters and digits, so "618复盘，GMV" is read as the
/// three words 618, 复盘 and GMV.
/// </summary>
internal static class QueryText
{
    public static string Prepare(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        var quoted = false;
        var previous = ' ';
        foreach (var raw in text)
        {
            var c = ToSyntax(raw);
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && IsCjkPunctuation(c))
            {
                c = ' ';
            }
            else if (!quoted && IsScriptBoundary(previous, c))
            {
                builder.Append(' ');
            }

            builder.Append(c);
            previous = c;
        }

        return builder.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> with an apostrophe other than the keyboard's between two letters (<c>team’s</c>,
    /// <c>didn’t</c>; <see cref="Analysis.TextNormalizer.IsApostrophe"/>) written <c>'</c>, as the index has it: a word,
    /// where ’ or ‘ elsewhere is a quotation mark, read as punctuation. The same instance when there is none.
    /// </summary>
    public static string StraightApostrophes(string text)
    {
        if (!text.Any(Analysis.TextNormalizer.IsApostrophe))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 1; i < chars.Length - 1; i++)
        {
            if (Analysis.TextNormalizer.IsApostrophe(chars[i]) && char.IsLetter(chars[i - 1]) && char.IsLetter(chars[i + 1]))
            {
                chars[i] = '\'';
            }
        }

        return new string(chars);
    }

    /// <summary>The words of the text for the plain-words search: split at whitespace, punctuation runs and CJK boundaries.</summary>
    public static IEnumerable<string> Words(string text) =>
        Prepare(text.Replace('"', ' ')).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when <paramref name="index"/> is inside a quoted phrase: an odd number of quotation marks (any kind) before it.</summary>
    public static bool InsideQuotes(string text, int index)
    {
        var quotes = 0;
        foreach (var c in text.AsSpan(0, index))
        {
            quotes += c is '"' or '“' or '”' or '＂' ? 1 : 0;
        }

        return quotes % 2 == 1;
    }

    public static bool IsCjk(char c) =>
        c is (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\u3040' and <= '\u30FF') or (>= '\uAC00' and <= '\uD7AF');

    private static char ToSyntax(char c) => c switch
    {
        '“' or '”' or '„' or '＂' => '"',
        '（' => '(',
        '）' => ')',
        '＋' => '+',
        '－' => '-',
        '＊' => '*',
        _ => c,
    };

    private static bool IsScriptBoundary(char previous, char current) =>
        char.IsLetterOrDigit(previous) && char.IsLetterOrDigit(current) && IsCjk(previous) != IsCjk(current);

    private static bool IsCjkPunctuation(char c) =>
        c is (>= '\u3000' and <= '\u303F') or (>= '\uFF01' and <= '\uFF65') or '‘' or '’' or '…' or '—'
        && !char.IsLetterOrDigit(c);
}

using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeHub.Search.Querying;

/// <summary>
/// Tokens of search-box text that are text to find, never syntax, whatever signs they hold:
/// <list type="bullet">
/// <item>addresses and file paths pasted from a page or a chat — <c>https://bi.example.com/dash?tab=gmv</c>,
/// <c>www.example.org/a</c>, <c>\\fileserver\ops\weekly</c>, <c>D:\archive</c>, <c>ops\weekly\2026</c>, <c>/var/log/app.log</c> (two
/// names at least: <c>/abc/</c> stays a regular expression the parser refuses with its note): their colons are no
/// field, their slashes no regular expression, their backslashes no escapes, a <c>tag:</c> or a year in them no
/// filter;</item>
/// <item>numbers joined by colons — times <c>10:30</c>, ratios <c>3:1</c>, cell ranges <c>A13:E13</c>, <c>$B$2:$C$3</c>:
/// no field is named 10 or A13 — or by slashes — dates <c>2026/11/11</c>, fractions <c>1/7</c>: no regular expression.</item>
/// </list>
/// Each is found as its words in order, where a document shows it. Trailing punctuation (<c>…/a).</c>) is the
/// sentence's, not the token's.
/// </summary>
internal static partial class LiteralTokens
{
    /// <summary>True when <paramref name="index"/> falls inside a literal token of <paramref name="text"/>.</summary>
    public static bool Contain(string text, int index)
    {
        if (!MayHave(text))
        {
            return false;
        }

        foreach (Match match in Pattern().Matches(text))
        {
            if (index >= match.Index && index < match.Index + match.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the literal tokens of <paramref name="text"/> are, in order (none for most text): one pass for a caller that asks of many places.</summary>
    public static IReadOnlyList<Range> Spans(string text) =>
        MayHave(text) ? [.. Pattern().Matches(text).Select(m => new Range(m.Index, m.Index + m.Length))] : [];

    /// <summary>The text with each literal token blanked: what is left for syntax to be looked for in.</summary>
    public static string Blanked(string text) => MayHave(text) ? Pattern().Replace(text, " ") : text;

    /// <summary>
    /// The text for the query parser: each literal token becomes a quoted phrase (or stays in the one it is in), its
    /// backslashes escaped, so the parser reads it as the words it holds, in order.
    /// </summary>
    public static string Quoted(string text)
    {
        if (!MayHave(text))
        {
            return text;
        }

        return Pattern().Replace(text, match =>
        {
            var escaped = match.Value.Replace("\\", "\\\\", StringComparison.Ordinal);
            return QueryText.InsideQuotes(text, match.Index) ? escaped : new StringBuilder("\"").Append(escaped).Append('"').ToString();
        });
    }

    /// <summary>A colon, a slash, a backslash or a <c>www.</c>: without one, no token is literal (most queries).</summary>
    private static bool MayHave(string text) =>
        text.AsSpan().IndexOfAny(":/\\") >= 0 || text.Contains("www.", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// After a blank, an opening bracket or quote, or the start: a token starting with a scheme (<c>https://</c>),
    /// <c>www.</c>, a drive (<c>D:\</c>) or a share (<c>\\server</c>), ending before a blank, a quote or trailing
    /// punctuation; a Unix path of two names or more (dots only inside a name); a relative Windows path, names joined by
    /// backslashes (<c>ops\weekly\2026</c>: no letter is escaped there; matched whole or not at all, so a long run of
    /// them that is no token costs one pass, not a retreat name by name); or numbers (a cell's column letters and
    /// <c>$</c> before them) joined by colons; or digits joined by slashes.
    /// </summary>
    [GeneratedRegex("""(?<=^|[\s(（<「\["“'‘])(?:(?:[A-Za-z][A-Za-z0-9+.\-]*://|[Ww][Ww][Ww]\.|[A-Za-z]:\\|\\\\)(?:[^\s"“”]*[^\s"“”.,;:!?)）\]>」。，；：！？、'’])?|(?:/[\w\-~@%]+(?:\.[\w\-~@%]+)*){2,}/?(?=$|[\s"”'’)）\]>」.,;:!?。，；：！？、])|(?>[\w\-~@%]+(?:\.[\w\-~@%]+)*(?:\\[\w\-~@%]+(?:\.[\w\-~@%]+)*)+\\?)(?=$|[\s"”'’)）\]>」.,;:!?。，；：！？、])|\$?[A-Za-z]{0,3}\$?[0-9]+(?::\$?[A-Za-z]{0,3}\$?[0-9]+)+(?![\p{L}\p{N}:])|[0-9]+(?:/[0-9]+)+(?![\p{L}\p{N}/]))""", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeHub.Search.Querying;

/// <summary>
/// Addresses and file paths in search-box text — <c>https://bi.example.com/dash?tab=gmv</c>, <c>www.example.org/a</c>,
/// <c>\\fileserver\ops\weekly</c>, <c>D:\archive</c> — pasted from a page or a chat: text to find where a document shows
/// it, never syntax (their colons are no field, their slashes no regular expression, their backslashes no escapes, a
/// <c>tag:</c> or a year in them no filter). Trailing punctuation (<c>…/a).</c>) is the sentence's, not the address's.
/// </summary>
internal static partial class Locations
{
    /// <summary>True when <paramref name="index"/> falls inside an address or path of <paramref name="text"/>.</summary>
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

    /// <summary>The text with each address or path blanked: what is left for syntax to be looked for in.</summary>
    public static string Blanked(string text) => MayHave(text) ? Pattern().Replace(text, " ") : text;

    /// <summary>
    /// The text for the query parser: each address or path becomes a quoted phrase (or stays in the one it is in), its
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

    private static bool MayHave(string text) =>
        text.Contains("://", StringComparison.Ordinal) || text.Contains(":\\", StringComparison.Ordinal)
            || text.Contains("\\\\", StringComparison.Ordinal) || text.Contains("www.", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A token starting with a scheme (<c>https://</c>), <c>www.</c>, a drive (<c>D:\</c>) or a share (<c>\\server</c>),
    /// after a blank, an opening bracket or quote, or the start; it ends before a blank, a quote, or trailing punctuation.
    /// </summary>
    [GeneratedRegex("""(?<=^|[\s(（<「\["“'‘])(?:[A-Za-z][A-Za-z0-9+.\-]*://|[Ww][Ww][Ww]\.|[A-Za-z]:\\|\\\\)(?:[^\s"“”]*[^\s"“”.,;:!?)）\]>」。，；：！？、'’])?""", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

using System.Net;
using System.Text;

namespace KnowledgeHub.Search;

/// <summary>
/// Cuts a highlighted fragment (encoded text with &lt;mark&gt; tags) to about <c>max</c> visible characters
/// around its first mark, never inside a tag or an entity, and adds "…" where the text goes on.
/// </summary>
internal static class SnippetText
{
    private const string Open = "<mark>";
    private const string Close = "</mark>";

    public static string Frame(string html, string text, int max)
    {
        var units = Units(html);
        var firstMark = units.FindIndex(u => u == Open);
        var before = units.Take(Math.Max(firstMark, 0)).Count(IsVisible);
        var skip = Math.Max(0, before - (max / 3));
        var builder = new StringBuilder(html.Length);
        var visible = 0;
        var open = false;
        foreach (var unit in units)
        {
            if (IsVisible(unit) && (skip-- > 0 || (visible >= max && !open)))
            {
                continue;
            }

            open = unit == Open || (open && unit != Close);
            visible += IsVisible(unit) ? 1 : 0;
            builder.Append(unit);
        }

        var framed = builder.ToString().Trim();
        var plain = WebUtility.HtmlDecode(framed.Replace(Open, "", StringComparison.Ordinal).Replace(Close, "", StringComparison.Ordinal));
        var prefix = text.TrimStart().StartsWith(plain, StringComparison.Ordinal) ? "" : "…";
        var suffix = text.TrimEnd().EndsWith(plain, StringComparison.Ordinal) ? "" : "…";
        return prefix + framed + suffix;
    }

    private static bool IsVisible(string unit) => unit is not (Open or Close);

    /// <summary>Tags, entities and single characters (a surrogate pair stays together).</summary>
    private static List<string> Units(string html)
    {
        var units = new List<string>(html.Length);
        for (var i = 0; i < html.Length;)
        {
            var length = html.AsSpan(i).StartsWith(Open) ? Open.Length
                : html.AsSpan(i).StartsWith(Close) ? Close.Length
                : html[i] == '&' && html.IndexOf(';', i) is var semicolon and > 0 ? semicolon - i + 1
                : char.IsHighSurrogate(html[i]) && i + 1 < html.Length ? 2
                : 1;
            units.Add(html.Substring(i, length));
            i += length;
        }

        return units;
    }
}

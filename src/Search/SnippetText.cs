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
        var firstMark = units.FindIndex(u => Is(html, u, Open));
        var before = 0;
        for (var i = 0; i < firstMark; i++)
        {
            before += IsVisible(html, units[i]) ? 1 : 0;
        }

        var skip = Math.Max(0, before - (max / 3));
        var builder = new StringBuilder(html.Length);
        var visible = 0;
        var open = false;
        foreach (var unit in units)
        {
            var shown = IsVisible(html, unit);
            if (shown && (skip-- > 0 || (visible >= max && !open)))
            {
                continue;
            }

            open = Is(html, unit, Open) || (open && !Is(html, unit, Close));
            visible += shown ? 1 : 0;
            builder.Append(html, unit.Start, unit.Length);
        }

        var framed = builder.ToString().Trim();
        var plain = WebUtility.HtmlDecode(framed.Replace(Open, "", StringComparison.Ordinal).Replace(Close, "", StringComparison.Ordinal));
        var prefix = text.AsSpan().TrimStart().StartsWith(plain, StringComparison.Ordinal) ? "" : "…";
        var suffix = text.AsSpan().TrimEnd().EndsWith(plain, StringComparison.Ordinal) ? "" : "…";
        return prefix + framed + suffix;
    }

    private static bool Is(string html, Unit unit, string tag) => html.AsSpan(unit.Start, unit.Length).SequenceEqual(tag);

    private static bool IsVisible(string html, Unit unit) => !Is(html, unit, Open) && !Is(html, unit, Close);

    /// <summary>Tags, entities and single characters (a surrogate pair stays together), as ranges of the HTML.</summary>
    private static List<Unit> Units(string html)
    {
        var units = new List<Unit>(html.Length);
        for (var i = 0; i < html.Length;)
        {
            var length = html.AsSpan(i).StartsWith(Open) ? Open.Length
                : html.AsSpan(i).StartsWith(Close) ? Close.Length
                : html[i] == '&' && html.IndexOf(';', i) is var semicolon and > 0 ? semicolon - i + 1
                : char.IsHighSurrogate(html[i]) && i + 1 < html.Length ? 2
                : 1;
            units.Add(new Unit(i, length));
            i += length;
        }

        return units;
    }

    private readonly record struct Unit(int Start, int Length);
}

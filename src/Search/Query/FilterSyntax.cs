using System.Text.RegularExpressions;

namespace KnowledgeHub.Search;

/// <summary>A filter the user typed: <c>type:sop</c>, <c>-tag:618</c>, <c>owner:"Alice Wang"</c>, <c>after:2026-01-01</c>.</summary>
internal sealed record TypedFilter(string Name, string Value, bool Negated);

/// <summary>
/// Takes the filters out of search-box text: <c>name:value</c> for the names of the dimensions
/// (<see cref="SearchDimension.All"/>: type, tag(s), collection, owner, status, year, and their Chinese names 类型, 标签…)
/// and after, before and updated, optionally negated (<c>-name:</c> or <c>NOT name:</c>), with a
/// quoted value or a <c>[a TO b]</c> range; an unquoted value ends at a blank or at Chinese punctuation
/// (<c>标签：618，复盘</c> is the tag 618 and the word 复盘). A filter inside a "quoted phrase" stays text, and AND/OR next to a
/// removed filter go with it (filters always apply together). Other <c>field:</c> syntax is left to the parser.
/// </summary>
internal static partial class FilterSyntax
{
    private const char Removed = '\u0001';

    /// <summary>
    /// The filters and the text without them. <paramref name="reads"/> says whether a filter's value reads as one of its
    /// dimension's; a filter typed with a Chinese name (<see cref="SearchDimension.ChineseNames"/>) whose value does not
    /// stays text, its colon a blank and a dash before it dropped (<c>-状态：进行中</c> → the words 状态 进行中). Without it
    /// every filter is taken out.
    /// </summary>
    public static (string Remainder, IReadOnlyList<TypedFilter> Filters) Extract(string text, Func<TypedFilter, bool>? reads = null)
    {
        var filters = new List<TypedFilter>();
        var rest = FilterPattern().Replace(text, match =>
        {
            if (InsideQuotes(text, match.Index))
            {
                return match.Value;
            }

            var name = match.Groups["name"];
            var filter = new TypedFilter(name.Value, Unquote(match.Groups["value"].Value), match.Groups["neg"].Success);
            if (reads is not null && SearchDimension.IsChineseName(filter.Name) && !reads(filter))
            {
                // Prose: the name and the value as words. A dash before it is a list's, not an exclusion of the name.
                var start = name.Index - match.Index;
                var colon = start + name.Length;
                return string.Concat(match.Value.AsSpan(start, name.Length), " ", match.Value.AsSpan(colon + 1));
            }

            filters.Add(filter);
            return Removed.ToString();
        });
        if (filters.Count == 0)
        {
            return (rest, filters);
        }

        rest = OperatorsAroundRemoved().Replace(rest, " ");
        return (rest.Replace(Removed, ' ').Trim(), filters);
    }

    private static bool InsideQuotes(string text, int index)
    {
        var quotes = 0;
        foreach (var c in text.AsSpan(0, index))
        {
            quotes += c is '"' or '“' or '”' or '＂' ? 1 : 0;
        }

        return quotes % 2 == 1;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] is '"' or '“' && value[^1] is '"' or '”' ? value[1..^1].Trim() : value.Trim();

    /// <summary>The date filters (not dimensions: a range of days of the last update).</summary>
    public static IReadOnlyList<string> DateNames { get; } = ["after", "before", "updated"];

    /// <summary><c>name:value</c> for every name of <see cref="SearchDimension.All"/> and the <see cref="DateNames"/>.</summary>
    private static readonly Regex Pattern = new(
        """(?<![\p{L}\p{N}_:.\-])(?<neg>-|－|\bNOT\s+)?(?<name>"""
            + string.Join('|', SearchDimension.Names.Concat(DateNames).OrderByDescending(n => n.Length).Select(Regex.Escape))
            + """)[:：](?<value>"[^"]*"|“[^”]*”|\[[^\]]*\]|[^\s"“”()（），。；、！？]+)""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static Regex FilterPattern() => Pattern;

    [GeneratedRegex("""(?:(?<=^|\s)(?:AND|OR|&&|\|\|)\s+)?\u0001(?:\s+(?:AND|OR|&&|\|\|)(?=\s|$))?""", RegexOptions.CultureInvariant)]
    private static partial Regex OperatorsAroundRemoved();
}

using System.Text.RegularExpressions;

namespace KnowledgeHub.Search;

/// <summary>A filter the user typed: <c>type:sop</c>, <c>-tag:618</c>, <c>owner:"Alice Wang"</c>, <c>after:2026-01-01</c>.</summary>
internal sealed record TypedFilter(string Name, string Value, bool Negated)
{
    /// <summary>A blank came between the colon and the value: <c>tag: 618</c>, as a pasted <c>Owner: Alice</c> line has.</summary>
    public bool Spaced { get; init; }

    /// <summary>
    /// The filter may be prose rather than meant as one: typed with a Chinese name (<c>负责人：张三</c> heads pasted reports)
    /// or with a blank after its colon. Such a filter is taken out only when its value reads as its dimension's, and a
    /// search it leaves empty runs again with it as words (<see cref="ProseFilters"/>).
    /// </summary>
    public bool MayBeProse => Spaced || SearchDimension.IsChineseName(Name);

    /// <summary>
    /// The value ran on past a blank: the name of several words after an owner filter (<c>Owner: Alice Wang</c>), taken
    /// only when an owner of that name is found (<see cref="FilterSyntax.Extract"/>).
    /// </summary>
    public bool RunsOn { get; init; }

    /// <summary>The filter as the user wrote it, for a note: <c>标签：618</c>, <c>-tag: 618</c>.</summary>
    public string AsWritten => (Negated ? "-" : "") + Name + (SearchDimension.IsChineseName(Name) ? "：" : Spaced ? ": " : ":") + Value;

    /// <summary>The filter as search-box text that reads back as this filter: a value with a blank quoted, a range as it is.</summary>
    public string AsSearchText => (Negated ? "-" : "") + Name + (SearchDimension.IsChineseName(Name) ? "：" : ":")
        + (Value.Any(char.IsWhiteSpace) && !Value.StartsWith('[') ? "\"" + Value + "\"" : Value);
}

/// <summary>
/// Takes the filters out of search-box text: <c>name:value</c> for the names of the dimensions
/// (<see cref="SearchDimension.All"/>: type, tag(s), collection, owner, status, year, and their Chinese names 类型, 标签…)
/// and after, before and updated, optionally negated (<c>-name:</c> or <c>NOT name:</c>), with a
/// quoted value or a <c>[a TO b]</c> range; an unquoted value ends at a blank, a comma or semicolon (no tag holds one:
/// the editor splits tags there) or Chinese punctuation (<c>标签：618，复盘</c> is the tag 618 and the word 复盘); a blank
/// may come between the colon and the value (<c>tag: 618</c>: such a filter may be prose, <see cref="TypedFilter.MayBeProse"/>).
/// An owner filter takes the capitalized words after its value with it when an owner has that name (<c>Owner: Alice
/// Wang</c> at the head of a pasted report, <c>owner:Alice Wang</c>; <see cref="TypedFilter.RunsOn"/>).
/// A filter inside a "quoted phrase" or a literal token (an address, a time: <see cref="Querying.LiteralTokens"/>) stays
/// text, and AND/OR next to a removed filter go with it (filters always apply together). Other <c>field:</c> syntax is
/// left to the parser.
/// </summary>
internal static partial class FilterSyntax
{
    private const char Removed = '\u0001';

    /// <summary>
    /// The filters and the text without them. <paramref name="reads"/> says whether a filter's value reads as one of its
    /// dimension's; a filter that may be prose (<see cref="TypedFilter.MayBeProse"/>: a Chinese name, a blank after the
    /// colon) whose value does not stays text, its colon a blank and a dash before it dropped (<c>-状态：进行中</c> → the
    /// words 状态 进行中, <c>Status: ongoing</c> → Status ongoing). Without it every filter is taken out.
    /// </summary>
    public static (string Remainder, IReadOnlyList<TypedFilter> Filters) Extract(string text, Func<TypedFilter, bool>? reads = null)
    {
        var filters = new List<TypedFilter>();
        var rest = FilterPattern().Replace(text, match =>
        {
            if (QueryText.InsideQuotes(text, match.Index) || Querying.LiteralTokens.Contain(text, match.Index))
            {
                return match.Value;
            }

            var name = match.Groups["name"];
            var more = match.Groups["more"];
            var filter = new TypedFilter(name.Value, Unquote(match.Groups["value"].Value), match.Groups["neg"].Success) { Spaced = match.Groups["gap"].Success };
            var after = more.Value;
            if (reads is not null && more.Success && SearchDimension.Find(filter.Name) == SearchDimension.Owner
                && RunOn(filter, more.Value, reads) is { } runOn)
            {
                (filter, after) = runOn;
            }

            // A name that ran on has been read already (an owner has it): no second look in the index.
            if (reads is not null && !filter.RunsOn && filter.MayBeProse && !reads(filter))
            {
                // Prose: the name and the value as words. A dash before it is a list's, not an exclusion of the name.
                var start = name.Index - match.Index;
                var colon = start + name.Length;
                return string.Concat(match.Value.AsSpan(start, name.Length), " ", match.Value.AsSpan(colon + 1));
            }

            filters.Add(filter);
            return Removed + after;
        });
        if (filters.Count == 0)
        {
            return (rest, filters);
        }

        rest = OperatorsAroundRemoved().Replace(rest, " ");
        return (rest.Replace(Removed, ' ').Trim(), filters);
    }

    /// <summary>
    /// The owner filter with as many of the capitalized words after its value (<paramref name="more"/>, a blank before
    /// each) as name an owner, longest first, and the words left; null when the value alone is the name read.
    /// </summary>
    private static (TypedFilter Filter, string Left)? RunOn(TypedFilter filter, string more, Func<TypedFilter, bool> reads)
    {
        var words = more.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        for (var taken = words.Length; taken > 0; taken--)
        {
            var longer = filter with { Value = filter.Value + " " + string.Join(' ', words[..taken]), RunsOn = true };
            if (reads(longer))
            {
                return (longer, " " + string.Join(' ', words[taken..]));
            }
        }

        return null;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] is '"' or '“' && value[^1] is '"' or '”' ? value[1..^1].Trim() : value.Trim();

    /// <summary>The date filters (not dimensions: a range of days of the last update).</summary>
    public static IReadOnlyList<string> DateNames { get; } = ["after", "before", "updated"];

    /// <summary>
    /// <c>name:value</c> for every name of <see cref="SearchDimension.All"/> and the <see cref="DateNames"/>; blanks on one
    /// line may come between the colon and a value that is not an operator, a sign or another <c>name:</c>. A name and
    /// its colon at the end of the text is a filter with an empty value (ignored with a note, as <c>tag:""</c> is).
    /// </summary>
    private static readonly Regex Pattern = new(
        """(?<![\p{L}\p{N}_:.\-])(?<neg>-|－|\bNOT\s+)?(?<name>"""
            + string.Join('|', SearchDimension.Names.Concat(DateNames).OrderByDescending(n => n.Length).Select(Regex.Escape))
            + """)[:：](?:(?<gap>[ \t\u3000]+)(?!(?:AND|OR|NOT|&&|\|\|)(?:\s|$)|[-+－]|[^\s"“”]*[:：]))?(?<value>"[^"]*"|“[^”]*”|\[[^\]]*\]|[^\s"“”()（），。；、！？,;]+|(?=[ \t\u3000]*$))(?:(?<=\p{L})(?<more>(?:[ \t]+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2})(?![\p{L}\p{N}:：]))?[,;]?""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static Regex FilterPattern() => Pattern;

    [GeneratedRegex("""(?:(?<=^|\s)(?:AND|OR|&&|\|\|)\s+)?\u0001(?:\s+(?:AND|OR|&&|\|\|)(?=\s|$))?""", RegexOptions.CultureInvariant)]
    private static partial Regex OperatorsAroundRemoved();
}

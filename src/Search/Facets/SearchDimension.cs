namespace KnowledgeHub.Search;

/// <summary>How a dimension's values are read, checked and matched.</summary>
public enum DimensionValues
{
    /// <summary>Indexed terms as they are (e.g. status names after <see cref="Status"/> reading).</summary>
    Exact,

    /// <summary>A value matches the indexed terms equal to it ignoring case (<c>tag:gmv</c> finds "GMV").</summary>
    AnyCase,

    /// <summary>A <see cref="Documents.DocumentStatus"/> name in any case.</summary>
    Status,

    /// <summary>Four digits.</summary>
    Year,

    /// <summary>A principal (<c>user:…</c>), <c>me</c> (the caller) or words of the owner's name.</summary>
    Owner,
}

/// <summary>
/// One search dimension, declared once: its index field (a keyword field with SortedSetDocValues, also the key of
/// <see cref="SearchRequest.Filters"/>), the name typed in the search box and used in links (<c>tag:</c>,
/// <c>?tag=</c>) with the other names accepted for it, its names in Chinese (the facet's heading, simplified and
/// traditional: <c>标签:</c>, <c>標籤:</c>), how its values are read, how many values its facet shows, and the resource
/// key of its label (the portal's <c>SearchText</c> resources hold the text, in every language).
/// Everything that knows dimensions — the facets and their headings, the filter syntax, value checks, links and
/// bindings — reads <see cref="All"/>; adding a dimension is one line here plus the field in the document mapper and
/// its label in the resources.
/// </summary>
public sealed record SearchDimension(string Name, string Key, DimensionValues Values, int Top, string LabelKey)
{
    public const int DefaultTop = 10;

    /// <summary>Other names accepted for the dimension in typed filters and filter keys.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>
    /// The dimension's names in Chinese, simplified and traditional (its facet heading: 状态, 狀態). Typed with one of them,
    /// a filter whose value does not read as one of the dimension's (<c>状态：进行中</c> in a pasted passage — no status is
    /// called that) stays words of the query, without a note: Chinese prose writes "name：value" all the time.
    /// </summary>
    public IReadOnlyList<string> ChineseNames { get; init; } = [];

    public static SearchDimension Type { get; } = new(SearchFields.Type, "type", DimensionValues.AnyCase, DefaultTop, "FacetType") { ChineseNames = ["类型", "類型"] };

    public static SearchDimension Collection { get; } = new(SearchFields.Collection, "collection", DimensionValues.AnyCase, DefaultTop, "FacetCollection") { ChineseNames = ["栏目", "欄目"] };

    public static SearchDimension Tags { get; } = new(SearchFields.Tags, "tag", DimensionValues.AnyCase, 15, "FacetTags") { Aliases = ["tags"], ChineseNames = ["标签", "標籤"] };

    public static SearchDimension Owner { get; } = new(SearchFields.Owner, "owner", DimensionValues.Owner, DefaultTop, "FacetOwner") { ChineseNames = ["负责人", "負責人"] };

    public static SearchDimension Year { get; } = new(SearchFields.Year, "year", DimensionValues.Year, DefaultTop, "FacetYear") { ChineseNames = ["年份"] };

    public static SearchDimension Status { get; } = new(SearchFields.Status, "status", DimensionValues.Status, DefaultTop, "FacetStatus") { ChineseNames = ["状态", "狀態"] };

    /// <summary>The dimensions, in display order.</summary>
    public static IReadOnlyList<SearchDimension> All { get; } = [Type, Collection, Tags, Owner, Year, Status];

    private static readonly Dictionary<string, SearchDimension> ByName = All
        .SelectMany(d => new[] { d.Name, d.Key }.Concat(d.Aliases).Concat(d.ChineseNames).Distinct(StringComparer.OrdinalIgnoreCase).Select(n => (Name: n, Dimension: d)))
        .ToDictionary(p => p.Name, p => p.Dimension, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every name a dimension is known by (field names, keys, aliases and Chinese names).</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>The dimension a field name, key or alias means (any case, blanks trimmed), or null.</summary>
    public static SearchDimension? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ByName.GetValueOrDefault(name.Trim());
    }

    /// <summary>True when <paramref name="name"/> is one of a dimension's <see cref="ChineseNames"/>.</summary>
    public static bool IsChineseName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Find(name) is { } dimension && dimension.ChineseNames.Contains(name.Trim(), StringComparer.Ordinal);
    }
}

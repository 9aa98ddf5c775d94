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
/// <c>?tag=</c>) with the other names accepted for it, how its values are read, how many values its facet shows,
/// and the resource key of its label (the UI's resources hold the text, in every language).
/// Everything that knows dimensions — the facets, the filter syntax, value checks, links and bindings — reads
/// <see cref="All"/>; adding a dimension is one line here plus the field in the document mapper.
/// </summary>
public sealed record SearchDimension(string Name, string Key, DimensionValues Values, int Top, string LabelKey)
{
    public const int DefaultTop = 10;

    /// <summary>Other names accepted for the dimension in typed filters and filter keys.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public static SearchDimension Type { get; } = new(SearchFields.Type, "type", DimensionValues.AnyCase, DefaultTop, "Facet_Type");

    public static SearchDimension Collection { get; } = new(SearchFields.Collection, "collection", DimensionValues.AnyCase, DefaultTop, "Facet_Collection");

    public static SearchDimension Tags { get; } = new(SearchFields.Tags, "tag", DimensionValues.AnyCase, 15, "Facet_Tags") { Aliases = ["tags"] };

    public static SearchDimension Owner { get; } = new(SearchFields.Owner, "owner", DimensionValues.Owner, DefaultTop, "Facet_Owner");

    public static SearchDimension Year { get; } = new(SearchFields.Year, "year", DimensionValues.Year, DefaultTop, "Facet_Year");

    public static SearchDimension Status { get; } = new(SearchFields.Status, "status", DimensionValues.Status, DefaultTop, "Facet_Status");

    /// <summary>The dimensions, in display order.</summary>
    public static IReadOnlyList<SearchDimension> All { get; } = [Type, Collection, Tags, Owner, Year, Status];

    private static readonly Dictionary<string, SearchDimension> ByName = All
        .SelectMany(d => new[] { d.Name, d.Key }.Concat(d.Aliases).Distinct(StringComparer.OrdinalIgnoreCase).Select(n => (Name: n, Dimension: d)))
        .ToDictionary(p => p.Name, p => p.Dimension, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every name a dimension is known by (field names, keys and aliases).</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>The dimension a field name, key or alias means (any case, blanks trimmed), or null.</summary>
    public static SearchDimension? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ByName.GetValueOrDefault(name.Trim());
    }
}

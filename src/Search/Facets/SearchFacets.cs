namespace KnowledgeHub.Search;

/// <summary>
/// The facet dimensions' names, for callers (each is the dimension's index field and the key of
/// <see cref="SearchRequest.Filters"/>). The dimensions themselves — keys, aliases, value rules, facet sizes and
/// labels — are declared once, in <see cref="SearchDimension.All"/>; everything here is read from there.
/// </summary>
public static class SearchFacets
{
    public const string Type = SearchFields.Type;
    public const string Collection = SearchFields.Collection;
    public const string Tags = SearchFields.Tags;

    /// <summary>Values are owner principals (<c>user:{oid}</c>, lower-cased); <see cref="FacetValue.Label"/> is the owner's name.</summary>
    public const string Owner = SearchFields.Owner;

    /// <summary>The year the document was created (UTC).</summary>
    public const string Year = SearchFields.Year;

    /// <summary>Values are <see cref="Documents.DocumentStatus"/> names.</summary>
    public const string Status = SearchFields.Status;

    public const int DefaultTop = SearchDimension.DefaultTop;

    public static int TagsTop => SearchDimension.Tags.Top;

    /// <summary>The dimensions in display order.</summary>
    public static IReadOnlyList<string> Dimensions { get; } = [.. SearchDimension.All.Select(d => d.Name)];

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> NoFilters { get; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>How many values of <paramref name="dimension"/> a result shows.</summary>
    public static int Top(string dimension) => SearchDimension.Find(dimension)?.Top ?? DefaultTop;

    /// <summary>The dimension a filter name means (<c>tag</c> → <c>tags</c>), or null for an unknown one.</summary>
    public static string? Dimension(string name) => SearchDimension.Find(name)?.Name;
}

/// <summary>
/// The counts of one dimension, top values first (count descending, then label). Multi-select: the counts
/// of a dimension ignore that dimension's own selection (other dimensions' selections apply), so every value
/// says how many hits selecting it as well would add. Selected values are always listed.
/// </summary>
public sealed record FacetGroup(string Dimension, IReadOnlyList<FacetValue> Values);

/// <summary>A facet value: <see cref="Value"/> goes back in <see cref="SearchRequest.Filters"/>; <see cref="Label"/> is for display when it differs.</summary>
public sealed record FacetValue(string Value, string? Label, int Count, bool Selected);

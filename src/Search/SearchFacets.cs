namespace KnowledgeHub.Search;

/// <summary>
/// The facet dimensions. A dimension's name is its index field (SortedSetDocValues) and the key of
/// <see cref="SearchRequest.Filters"/>; <c>tag</c> is accepted for <see cref="Tags"/>.
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

    public const int DefaultTop = 10;

    public const int TagsTop = 15;

    /// <summary>The dimensions in display order.</summary>
    public static IReadOnlyList<string> Dimensions { get; } = [Type, Collection, Tags, Owner, Year, Status];

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> NoFilters { get; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>How many values of <paramref name="dimension"/> a result shows.</summary>
    public static int Top(string dimension) => dimension == Tags ? TagsTop : DefaultTop;

    /// <summary>The dimension a filter name means (<c>tag</c> → <c>tags</c>), or null for an unknown one.</summary>
    public static string? Dimension(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToUpperInvariant() switch
        {
            "TAG" or "TAGS" => Tags,
            "TYPE" => Type,
            "COLLECTION" => Collection,
            "OWNER" => Owner,
            "YEAR" => Year,
            "STATUS" => Status,
            _ => null,
        };
    }
}

/// <summary>
/// The counts of one dimension, top values first (count descending, then label). Multi-select: the counts
/// of a dimension ignore that dimension's own selection (other dimensions' selections apply), so every value
/// says how many hits selecting it as well would add. Selected values are always listed.
/// </summary>
public sealed record FacetGroup(string Dimension, IReadOnlyList<FacetValue> Values);

/// <summary>A facet value: <see cref="Value"/> goes back in <see cref="SearchRequest.Filters"/>; <see cref="Label"/> is for display when it differs.</summary>
public sealed record FacetValue(string Value, string? Label, int Count, bool Selected);

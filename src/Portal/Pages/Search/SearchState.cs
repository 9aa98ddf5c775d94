using System.Globalization;
using System.Text;
using KnowledgeHub.Search;

namespace KnowledgeHub.Portal.Pages.Search;

/// <summary>
/// What the search page was asked (words, clicked facet values, dates, sort, archived) and the links that change
/// one part of it while keeping the rest. Query-string keys: <c>q type collection tag owner year status from to sort archived page</c>.
/// </summary>
public sealed record SearchState(
    string Path,
    string Q,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    DateOnly? From = null,
    DateOnly? To = null,
    SearchSort Sort = SearchSort.Relevance,
    bool Archived = false)
{
    /// <summary>The query-string key of a facet dimension (<see cref="SearchDimension.Key"/>: <c>tags</c> is typed as <c>tag</c>).</summary>
    public static string KeyOf(string dimension) => SearchDimension.Find(dimension)?.Key ?? dimension;

    public bool IsSelected(string dimension, string value) =>
        Filters.TryGetValue(dimension, out var values) && values.Contains(value, StringComparer.Ordinal);

    public bool HasAnyFilter => Filters.Values.Any(v => v.Count > 0) || From is not null || To is not null;

    /// <summary>The link that adds <paramref name="value"/> to its dimension, or removes it when selected (back to page 1).</summary>
    public string Toggle(string dimension, string value)
    {
        var current = Filters.GetValueOrDefault(dimension) ?? [];
        IReadOnlyList<string> next = current.Contains(value, StringComparer.Ordinal)
            ? current.Where(v => v != value).ToList()
            : [.. current, value];
        return (this with { Filters = With(dimension, next) }).Url();
    }

    /// <summary>The link without any value of <paramref name="dimension"/>.</summary>
    public string Clear(string dimension) => (this with { Filters = With(dimension, []) }).Url();

    /// <summary>The link with the words only (no facet, date, sort or archived choice).</summary>
    public string ClearAll() => new SearchState(Path, Q, SearchFacets.NoFilters).Url();

    public string WithSort(SearchSort sort) => (this with { Sort = sort }).Url();

    public string WithArchived(bool archived) => (this with { Archived = archived }).Url();

    public string WithQuery(string q) => (this with { Q = q }).Url();

    /// <summary>The link; <paramref name="page"/> is written when given (facet and sort links go back to page 1 by leaving it out).</summary>
    public string Url(int? page = null)
    {
        var parts = new List<string>();
        Add(parts, "q", Q);
        foreach (var dimension in SearchFacets.Dimensions)
        {
            foreach (var value in Filters.GetValueOrDefault(dimension) ?? [])
            {
                Add(parts, KeyOf(dimension), value);
            }
        }

        Add(parts, "from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "sort", Sort == SearchSort.Newest ? "newest" : null);
        Add(parts, "archived", Archived ? "1" : null);
        Add(parts, "page", page?.ToString(CultureInfo.InvariantCulture));
        var builder = new StringBuilder(Path);
        for (var i = 0; i < parts.Count; i++)
        {
            builder.Append(i == 0 ? '?' : '&').Append(parts[i]);
        }

        return builder.ToString();
    }

    private Dictionary<string, IReadOnlyList<string>> With(string dimension, IReadOnlyList<string> values)
    {
        var copy = Filters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        copy[dimension] = values;
        return copy;
    }

    private static void Add(List<string> parts, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add(key + "=" + Uri.EscapeDataString(value));
        }
    }
}

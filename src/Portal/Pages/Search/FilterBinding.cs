using KnowledgeHub.Search;
using Microsoft.AspNetCore.Http;

namespace KnowledgeHub.Portal.Pages.Search;

/// <summary>Reads the facet selections (<c>?type=a&amp;type=b&amp;tag=…</c>) of the search-like pages from the query string.</summary>
public static class FilterBinding
{
    /// <summary>The selected values of each dimension in <paramref name="dimensions"/>, blanks and duplicates dropped.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(IQueryCollection query, IEnumerable<string> dimensions)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(dimensions);
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var dimension in dimensions)
        {
            var values = query[SearchState.KeyOf(dimension)]
                .Where(v => !string.IsNullOrWhiteSpace(v))
                .Select(v => v!.Trim())
                .Distinct(StringComparer.Ordinal)
                .Take(20)
                .ToList();
            if (values.Count > 0)
            {
                filters[dimension] = values;
            }
        }

        return filters;
    }

    /// <summary>A <c>yyyy-MM-dd</c> day (any day of the calendar, 0001-01-01 to 9999-12-31), or null for blank or unreadable text.</summary>
    public static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : null;
}

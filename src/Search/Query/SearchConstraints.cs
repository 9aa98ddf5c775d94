using KnowledgeHub.Documents;

namespace KnowledgeHub.Search;

/// <summary>
/// Everything a search is restricted by besides its words: selected dimension values (clicked or typed; the
/// values of one dimension are alternatives), excluded values (<c>-type:sop</c>), owner-name words
/// (<c>owner:alice</c>), an update-day range and whether archived documents are left out. Typed values of
/// type, collection and tags match whatever their case (<see cref="FilterValues"/>).
/// </summary>
internal sealed record SearchConstraints
{
    public static SearchConstraints None { get; } = new();

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Selected { get; init; } = SearchFacets.NoFilters;

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Excluded { get; init; } = SearchFacets.NoFilters;

    /// <summary>Owner names or name words typed (<c>owner:alice</c>, <c>owner:王丽</c>); any of them matches.</summary>
    public IReadOnlyList<string> OwnerNames { get; init; } = [];

    /// <summary>Owner names typed negated (<c>-owner:alice</c>).</summary>
    public IReadOnlyList<string> ExcludedOwnerNames { get; init; } = [];

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>Archived documents are left out (no status selected and not asked for).</summary>
    public bool ExcludeArchived { get; init; }

    /// <summary>Notes for the user about filters that were ignored.</summary>
    public IReadOnlyList<QueryNote> Notes { get; init; } = [];

    /// <summary>True when the user asked for something to filter by (so an empty query lists what matches).</summary>
    public bool HasFilters =>
        Selected.Values.Any(v => v.Count > 0) || Excluded.Values.Any(v => v.Count > 0) || OwnerNames.Count > 0 || ExcludedOwnerNames.Count > 0 || From is not null || To is not null;

    /// <summary>
    /// Merges typed filters and request values; <paramref name="includeArchived"/> or a status selection keeps archived
    /// documents. Typed type values are read by <paramref name="typeOf"/> (<see cref="TypeValues"/>) when it is given.
    /// </summary>
    public static SearchConstraints Build(
        IReadOnlyList<TypedFilter> typed,
        IReadOnlyDictionary<string, IReadOnlyList<string>> filters,
        DateOnly? from,
        DateOnly? to,
        bool includeArchived,
        Caller caller,
        Func<string, string?>? typeOf = null)
    {
        var reader = new TypedFilterReader(caller, typeOf);
        foreach (var (name, values) in filters)
        {
            if (SearchFacets.Dimension(name) is { } dimension)
            {
                foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)))
                {
                    reader.Read(new TypedFilter(dimension, value.Trim(), Negated: false), typed: false);
                }
            }
        }

        foreach (var filter in typed)
        {
            reader.Read(filter);
        }

        var statusSelected = reader.Selected.TryGetValue(SearchFacets.Status, out var statuses) && statuses.Count > 0;
        var (first, last) = (Later(from, reader.From), Earlier(to, reader.To));
        IReadOnlyList<QueryNote> notes = first > last
            ? [.. reader.Notes, QueryNote.Of(QueryNoteKind.NoDays, TypedFilterReader.Day(first!.Value), TypedFilterReader.Day(last!.Value))]
            : reader.Notes;
        return new SearchConstraints
        {
            Selected = reader.Selected.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value], StringComparer.Ordinal),
            Excluded = reader.Excluded.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value], StringComparer.Ordinal),
            OwnerNames = reader.OwnerNames,
            ExcludedOwnerNames = reader.ExcludedOwnerNames,
            From = first,
            To = last,
            ExcludeArchived = !includeArchived && !statusSelected,
            Notes = notes,
        };
    }

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}

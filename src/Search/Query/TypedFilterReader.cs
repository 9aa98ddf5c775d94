using System.Globalization;
using KnowledgeHub.Documents;

namespace KnowledgeHub.Search;

/// <summary>
/// Reads filter values into <see cref="SearchConstraints"/> parts, by the dimension's <see cref="DimensionValues"/>. status: a <see cref="DocumentStatus"/> name or
/// label in English or Chinese (<see cref="StatusWords"/>); year: four digits; owner: a principal (<c>user:…</c>), <c>me</c> (the caller) or name words;
/// after/before/updated: <c>YYYY-MM-DD</c> days (UTC, inclusive), <c>updated:[a TO b]</c> with <c>*</c> for an
/// open end; type: a typed value as <paramref name="typeOf"/> reads it (<see cref="TypeValues"/>; values on the request
/// come from the facets and are not read). A value that cannot be read is ignored with a note (<see cref="Notes"/>).
/// </summary>
internal sealed class TypedFilterReader(Caller caller, Func<string, string?>? typeOf = null)
{
    public Dictionary<string, HashSet<string>> Selected { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HashSet<string>> Excluded { get; } = new(StringComparer.Ordinal);

    public List<string> OwnerNames { get; } = [];

    public List<string> ExcludedOwnerNames { get; } = [];

    public List<QueryNote> Notes { get; } = [];

    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    /// <summary>
    /// Reads a filter; <paramref name="typed"/>: it was typed in the search box (not a value on the request). A typed
    /// filter with an empty value is ignored with a note; an empty value on the request (a blank form field) silently.
    /// </summary>
    public void Read(TypedFilter filter, bool typed = true)
    {
        if (filter.Value.Length == 0)
        {
            if (typed)
            {
                NoteEmpty(filter);
            }

            return;
        }

        switch (filter.Name.ToUpperInvariant())
        {
            case "AFTER":
                From = Date(filter, filter.Value) ?? From;
                break;
            case "BEFORE":
                To = Date(filter, filter.Value) ?? To;
                break;
            case "UPDATED":
                ReadRange(filter);
                break;
            default:
                if (SearchDimension.Find(filter.Name) is { } dimension)
                {
                    ReadValue(filter, dimension, typed);
                }

                break;
        }
    }

    /// <summary>
    /// True when <paramref name="filter"/>'s value reads as one of its dimension's: a status, a type <paramref name="typeOf"/>
    /// knows (any value when it is null), four digits for a year; any value of the others — but for an owner's name that
    /// ran on past a blank (<see cref="TypedFilter.RunsOn"/>: <c>Owner: Alice Wang</c>), which <paramref name="ownerNamed"/>
    /// must know (none without it). Date filters: a day (<c>YYYY-MM-DD</c>) or a range, so the <c>Before: the page loaded
    /// slowly</c> of a pasted retrospective is prose.
    /// </summary>
    public static bool Reads(TypedFilter filter, Func<string, string?>? typeOf, Func<string, bool>? ownerNamed = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Value.Length == 0)
        {
            return true;
        }

        if (SearchDimension.Find(filter.Name) is not { } dimension)
        {
            return filter.Value.StartsWith('[') || TryDay(filter.Value, out _);
        }

        if (filter.RunsOn)
        {
            return dimension == SearchDimension.Owner && ownerNamed is not null && ownerNamed(filter.Value);
        }

        return Closed(dimension, filter.Value, typeOf) is not null;
    }

    /// <summary>
    /// A value of a dimension with a closed set of values as that dimension reads it — a status's name, a type's key (as
    /// <paramref name="typeOf"/> reads it; the value itself without it), a year's four digits — or null when it is none of
    /// them. Other dimensions: the value.
    /// </summary>
    private static string? Closed(SearchDimension dimension, string value, Func<string, string?>? typeOf) => dimension.Values switch
    {
        DimensionValues.Status => StatusWords.Read(value)?.ToString(),
        DimensionValues.Year => value.Length == 4 && value.All(char.IsAsciiDigit) ? value : null,
        _ when dimension.Name == SearchFacets.Type && typeOf is not null => typeOf(value),
        _ => value,
    };

    private void ReadValue(TypedFilter filter, SearchDimension dimension, bool typed)
    {
        var value = filter.Value;
        // Values on the request come from the facets: a type there is a key already, not read again.
        if (Closed(dimension, value, typed ? typeOf : null) is not { } read)
        {
            var kind = dimension.Values switch
            {
                DimensionValues.Status => QueryNoteKind.UnknownStatus,
                DimensionValues.Year => QueryNoteKind.NotAYear,
                _ => QueryNoteKind.UnknownType,
            };
            Notes.Add(QueryNote.Of(kind, value));
            return;
        }

        value = read;
        if (dimension.Values == DimensionValues.Owner)
        {
            if (value.Equals("me", StringComparison.OrdinalIgnoreCase))
            {
                value = caller.Principal;
            }

            if (!value.Contains(':', StringComparison.Ordinal))
            {
                (filter.Negated ? ExcludedOwnerNames : OwnerNames).Add(value);
                return;
            }

            value = SearchFields.Principal(value);
        }

        Add(filter.Negated ? Excluded : Selected, dimension.Name, value);
    }

    private void ReadRange(TypedFilter filter)
    {
        var value = filter.Value;
        if (!value.StartsWith('['))
        {
            var day = Date(filter, value);
            (From, To) = (day ?? From, day ?? To);
            return;
        }

        // A blank end is an open one, as * is; a range with nothing in it is an empty filter.
        var inside = value.Trim('[', ']');
        var parts = inside.Split(" TO ", 2, StringSplitOptions.TrimEntries);
        if (string.IsNullOrWhiteSpace(inside) || parts is ["", ""])
        {
            NoteEmpty(filter);
            return;
        }

        if (parts.Length != 2)
        {
            Notes.Add(QueryNote.Of(QueryNoteKind.UnreadableRange, value));
            return;
        }

        var start = parts[0] is "*" or "" ? null : Date(filter, parts[0]);
        var end = parts[1] is "*" or "" ? null : Date(filter, parts[1]);
        if (start > end)
        {
            // Typed the other way round: the days between are meant.
            (start, end) = (end, start);
            Notes.Add(QueryNote.Of(QueryNoteKind.RangeReversed, Day(start!.Value), Day(end!.Value)));
        }

        From = start ?? From;
        To = end ?? To;
    }

    /// <summary>A day as the date filters write it.</summary>
    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void NoteEmpty(TypedFilter filter) => Notes.Add(QueryNote.Of(QueryNoteKind.EmptyFilter, filter.Name + ":"));

    /// <summary>A day as the date filters take it: <c>YYYY-MM-DD</c>.</summary>
    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private DateOnly? Date(TypedFilter filter, string text)
    {
        if (TryDay(text, out var day))
        {
            return day;
        }

        Notes.Add(QueryNote.Of(QueryNoteKind.UnreadableDate, text, filter.Name + ":"));
        return null;
    }

    private static void Add(Dictionary<string, HashSet<string>> target, string dimension, string value)
    {
        if (!target.TryGetValue(dimension, out var values))
        {
            target[dimension] = values = new HashSet<string>(StringComparer.Ordinal);
        }

        values.Add(value);
    }
}

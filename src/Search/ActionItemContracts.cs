using KnowledgeHub.Documents;

namespace KnowledgeHub.Search;

/// <summary>
/// The action items (<c>- [ ] task @owner due:YYYY-MM-DD</c>) of documents the caller may read, open ones
/// first sorted overdue first then by due date (items without a due date last).
/// <see cref="Owner"/>: null means "mine" — the caller's handle (<see cref="HandleOf"/>); <see cref="AnyOwner"/> lists everyone's.
/// Items of archived documents are left out.
/// </summary>
public sealed record ActionItemQuery
{
    /// <summary>The <see cref="Owner"/> that lists everyone's items.</summary>
    public const string AnyOwner = "*";

    public required Caller Caller { get; init; }

    /// <summary>The day that decides what is overdue (due before today).</summary>
    public required DateOnly Today { get; init; }

    /// <summary>The <c>@handle</c> (with or without '@', any case), or null/blank for the caller's own, or <see cref="AnyOwner"/>.</summary>
    public string? Owner { get; init; }

    public bool IncludeDone { get; init; }

    /// <summary>Selected values of the parent documents (type, collection, tags, ...).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = SearchFacets.NoFilters;

    public int Max { get; init; } = 200;

    /// <summary>
    /// The handle that <c>@name</c> in action items means for a caller: the user name up to any '@', lower-cased
    /// ("alice" for the local user alice, "alice" for alice@contoso.com); null when the caller has no user name.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1308", Justification = "Handles are compared in lower case.")]
    public static string? HandleOf(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var name = caller.UserName.Trim();
        var at = name.IndexOf('@', StringComparison.Ordinal);
        var handle = (at >= 0 ? name[..at] : name).Trim().ToLowerInvariant();
        return handle.Length == 0 ? null : handle;
    }
}

/// <summary>
/// One owner's open action items among those the caller may read (archived documents' left out): how many, how many are
/// overdue (due before today) and how many are due by a day (overdue ones included; 0 when no day was asked).
/// </summary>
public sealed record ActionItemLoad(string Owner, int Open, int Overdue, int DueBy);

/// <summary>The items (at most <see cref="ActionItemQuery.Max"/>) and how many there are; <see cref="Owner"/> is the handle listed (null: everyone's or unknown).</summary>
public sealed record ActionItemResults(IReadOnlyList<ActionItemHit> Items, int Total, string? Owner);

/// <summary>An action item of a document; <see cref="Overdue"/> when open and due before the query's today.</summary>
public sealed record ActionItemHit(
    string DocumentId,
    string DocumentTitle,
    string Text,
    string? Owner,
    DateOnly? Due,
    bool Done,
    bool Overdue,
    string Type,
    DocumentStatus Status);

using KnowledgeHub.Documents;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>
/// When a search with filters finds nothing, the filter values nothing the caller may read has at all — archived
/// entries and the other filters and words aside — so the empty page says which filter to fix (<c>tag:</c> with a typo,
/// an owner nobody is called) rather than nothing (<see cref="QueryNoteKind.FilterMatchesNothing"/>). Each value is asked
/// on its own, as the caller (what others may read is never told), with an early-exit check.
/// </summary>
internal static class UnmatchedFilters
{
    /// <summary>The note for <paramref name="constraints"/>' unmatched values (<c>tag:zzz</c>, in the dimensions' order), or null when each value has some entry.</summary>
    public static QueryNote? Note(IndexSearcher searcher, EntrySearcher entries, SearchConstraints constraints, string kind, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        var unmatched = new List<string>();
        foreach (var dimension in SearchDimension.All)
        {
            var values = constraints.Selected.GetValueOrDefault(dimension.Name) ?? [];
            unmatched.AddRange(values
                .Where(value => !Any(new SearchConstraints { Selected = new Dictionary<string, IReadOnlyList<string>> { [dimension.Name] = [value] } }))
                .Select(value => dimension.Key + ":" + (dimension == SearchDimension.Owner && value == caller.Principal ? "me" : value)));
            if (dimension == SearchDimension.Owner)
            {
                unmatched.AddRange(constraints.OwnerNames
                    .Where(owner => !Any(new SearchConstraints { OwnerNames = [owner] }))
                    .Select(owner => dimension.Key + ":" + owner));
            }
        }

        return unmatched.Count == 0 ? null : new QueryNote(QueryNoteKind.FilterMatchesNothing, unmatched);

        bool Any(SearchConstraints only) => entries.Any(searcher, EntryRequest.Within(only, kind, caller));
    }
}

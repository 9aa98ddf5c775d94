using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>
/// Turns a <see cref="FacetCollector"/>'s counts into <see cref="FacetGroup"/>s: dimensions in display order,
/// top <see cref="SearchFacets.Top"/> values by count then label, selected values always listed, owner
/// principals labelled with the owner's name (read from an entry the caller may read).
/// </summary>
internal static class FacetGroups
{
    /// <summary>The one stored field a label needs (not the entry's body).</summary>
    private static readonly HashSet<string> OwnerNameField = new(StringComparer.Ordinal) { SearchFields.OwnerName };

    /// <summary>Owner names found per index reader (see <see cref="Label"/>): a page of results reads them once, not per search.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, System.Collections.Concurrent.ConcurrentDictionary<string, string>> OwnerNames = [];

    public static IReadOnlyList<FacetGroup> Build(
        IndexSearcher searcher,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> counts,
        IReadOnlyDictionary<string, IReadOnlyList<string>> selected,
        Filter visible)
    {
        var groups = new List<FacetGroup>();
        foreach (var dimension in SearchFacets.Dimensions.Where(counts.ContainsKey))
        {
            var chosen = selected.GetValueOrDefault(dimension) ?? [];
            var counted = counts[dimension];
            var limit = SearchFacets.Top(dimension);
            var cutoff = counted.Values.OrderDescending().Skip(limit - 1).FirstOrDefault();
            var values = counted
                .Where(p => p.Value >= cutoff || chosen.Contains(p.Key))
                .Select(p => (Value: p.Key, Count: p.Value))
                .Concat(chosen.Where(v => !counted.ContainsKey(v)).Select(v => (Value: v, Count: 0)))
                .Select(v => new FacetValue(v.Value, Label(searcher, visible, dimension, v.Value, v.Count), v.Count, chosen.Contains(v.Value)))
                .OrderByDescending(v => v.Count)
                .ThenBy(v => v.Label ?? v.Value, StringComparer.Ordinal)
                .ToList();
            var top = values.Take(limit).ToList();
            top.AddRange(values.Skip(top.Count).Where(v => v.Selected));
            if (top.Count > 0)
            {
                groups.Add(new FacetGroup(dimension, top));
            }
        }

        return groups;
    }

    /// <summary>
    /// The owner's name for an owner principal, from the first entry of that owner that the caller may read (the owner's
    /// postings walked against the cached access filter, no scoring); null for other dimensions. A value counted in the
    /// caller's results (<paramref name="count"/> &gt; 0) has such an entry already, so its name may come from the names
    /// this reader has given before; a value only selected (count 0) is always looked up against the caller's access.
    /// </summary>
    private static string? Label(IndexSearcher searcher, Filter visible, string dimension, string value, int count)
    {
        if (dimension != SearchFacets.Owner)
        {
            return null;
        }

        var known = OwnerNames.GetValue(searcher.IndexReader.CoreCacheKey, _ => new(StringComparer.Ordinal));
        if (count > 0 && known.TryGetValue(value, out var cached))
        {
            return cached;
        }

        var name = ReadableOwnerName(searcher, visible, value);
        if (name is not null)
        {
            known[value] = name;
        }

        return name;
    }

    private static string? ReadableOwnerName(IndexSearcher searcher, Filter visible, string value)
    {
        var term = new Term(SearchFields.Owner, value);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var owned = reader.GetTermDocsEnum(term);
            var readable = owned is null ? null : visible.GetDocIdSet(leaf, reader.LiveDocs)?.GetIterator();
            if (owned is null || readable is null)
            {
                continue;
            }

            var (doc, allowed) = (owned.NextDoc(), readable.NextDoc());
            while (doc != DocIdSetIterator.NO_MORE_DOCS && allowed != DocIdSetIterator.NO_MORE_DOCS && doc != allowed)
            {
                (doc, allowed) = doc < allowed ? (owned.Advance(allowed), allowed) : (doc, readable.Advance(doc));
            }

            if (doc != DocIdSetIterator.NO_MORE_DOCS && doc == allowed)
            {
                return reader.Document(doc, OwnerNameField).Get(SearchFields.OwnerName, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}

using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>
/// "Entries of this kind that one of these principals may read" as a cached filter, one per (kind, principal set):
/// a <see cref="CachingWrapperFilter"/> keeps the matching documents of each segment as a bit set (<see cref="BitSetFilter"/>),
/// keyed by the segment's core, so a segment's set is computed once and reused by every later search of the same
/// principals until a merge retires the segment; deletions are applied per search. Bounded: past
/// <see cref="MaxEntries"/> principal sets the cache starts again.
/// </summary>
internal static class AccessFilters
{
    public const int MaxEntries = 1024;

    private static readonly ConcurrentDictionary<string, Filter> Cache = new(StringComparer.Ordinal);

    /// <summary>The cached filter; the principals are normalized as the index stores them (<see cref="SearchFields.Principal"/>).</summary>
    public static Filter For(string kind, IEnumerable<string> principals)
    {
        var normalized = principals.Select(SearchFields.Principal).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var key = kind + "\n" + string.Join('\n', normalized);
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (Cache.Count >= MaxEntries)
        {
            Cache.Clear();
        }

        var query = new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(new Term(SearchFields.Kind, kind)), Occur.MUST },
            { ConstraintQueries.AnyPrincipal(SearchFields.Acl, normalized), Occur.MUST },
        };
        return Cache.GetOrAdd(key, _ => new BitSetFilter(query));
    }
}

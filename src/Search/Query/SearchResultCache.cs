using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>
/// Pages of results already computed on the current index, as Solr's query result cache keeps them: a search repeated
/// by the same principals — paging back, a facet removed again, a refresh, the same report looked up twice — is answered
/// without matching, counting facets and highlighting again. An entry is keyed by everything the page depends on (the
/// parsed query with its glossary expansions and time filter, the filters, dates, sort, archived, page and size, and the
/// caller's principals, its own user principal included, so no entry ever serves another user) and is valid only for
/// the index version it was computed on: the first search after a change computes afresh. Bounded: past
/// <see cref="Capacity"/> entries the least recently used go. 0 entries turns it off (<c>Search:ResultCacheEntries</c>).
/// </summary>
internal sealed class SearchResultCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<Entry>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> recency = new();
    private readonly System.Threading.Lock gate = new();

    public int Capacity { get; } = Math.Max(0, capacity);

    /// <summary>The page for <paramref name="key"/> computed on <paramref name="searcher"/>'s index version, computing it when missing.</summary>
    public SearchResults GetOrRun(IndexSearcher searcher, string key, Func<SearchResults> run)
    {
        if (Capacity == 0 || searcher.IndexReader is not DirectoryReader reader)
        {
            return run();
        }

        var version = reader.Version;
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node) && node.Value.Version == version)
            {
                recency.Remove(node);
                recency.AddFirst(node);
                return node.Value.Results;
            }
        }

        var results = run();
        lock (gate)
        {
            if (entries.Remove(key, out var stale))
            {
                recency.Remove(stale);
            }

            entries[key] = recency.AddFirst(new Entry(key, version, results));
            while (entries.Count > Capacity && recency.Last is { } oldest)
            {
                entries.Remove(oldest.Value.Key);
                recency.RemoveLast();
            }
        }

        return results;
    }

    /// <summary>
    /// The key of a page: a digest of the parsed query, every request field that shapes it, the filters as read (typed
    /// <c>type:</c> values are read against the templates, which change without the index changing) and the caller's principals.
    /// </summary>
    public static string Key(SearchRequest request, ParsedSearch parsed, SearchConstraints constraints, int page, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(constraints);
        var key = new System.Text.StringBuilder(256)
            .Append(request.Query).Append('\u0001')
            .Append(parsed.Query?.ToString() ?? "").Append('\u0001')
            .Append(parsed.Plan?.Time is { } time ? $"{time.From:O}..{time.To:O}" : "").Append('\u0001')
            .Append(request.From?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)).Append("..")
            .Append(request.To?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)).Append('\u0001')
            .Append((int)request.Sort).Append(request.IncludeArchived ? "+archived" : "").Append('\u0001')
            .Append(page).Append('/').Append(pageSize).Append('\u0001');
        void Filters(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, string prefix)
        {
            foreach (var (dimension, values) in filters.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                key.Append(prefix).Append(dimension).Append('=').AppendJoin(',', values.Order(StringComparer.Ordinal)).Append(';');
            }
        }

        Filters(request.Filters, "");
        key.Append('\u0001');
        Filters(constraints.Selected, "");
        Filters(constraints.Excluded, "-");
        key.Append('\u0001').AppendJoin('\n', request.Caller.Principals.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

        // Kept as a digest: a long pasted query with many glossary expansions makes a key of tens of KB, and the cache
        // holds hundreds of them; a SHA-256 is 64 characters whatever the query's size.
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key.ToString())));
    }

    private sealed record Entry(string Key, long Version, SearchResults Results);
}

using System.Collections.Concurrent;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>What went wrong with a document in the index: indexed degraded, or not indexed at all.</summary>
public enum IndexProblemKind
{
    /// <summary>Indexed from its metadata and plain text only: the mapper, the Markdown parser or Lucene refused the full entry.</summary>
    Degraded,

    /// <summary>Not indexed (its entries, if any, are as they were): storage could not give it back.</summary>
    Skipped,
}

/// <summary>One document the index could not take whole.</summary>
public sealed record IndexProblem(string DocumentId, int? Version, IndexProblemKind Kind, string Reason, DateTimeOffset Utc);

/// <summary>
/// The documents the index could not take whole, for the admin page and the ready check. Degraded documents carry
/// their reason in the index (<see cref="SearchFields.Degraded"/>), so they are listed after a restart too; skipped
/// ones are known to this process only (the next reconciliation or rebuild tries them again).
/// </summary>
public sealed class IndexProblems(LuceneIndex index, TimeProvider? time = null)
{
    private readonly ConcurrentDictionary<string, IndexProblem> recent = new(StringComparer.Ordinal);
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    public void Record(string documentId, int? version, IndexProblemKind kind, string reason) =>
        recent[documentId] = new IndexProblem(documentId, version, kind, reason, clock.GetUtcNow());

    public void Clear(string documentId) => recent.TryRemove(documentId, out _);

    public void ClearAll() => recent.Clear();

    /// <summary>Every known problem, newest first: this process's, and the degraded entries found in the index.</summary>
    public IReadOnlyList<IndexProblem> List(int max = 500)
    {
        var found = new Dictionary<string, IndexProblem>(recent, StringComparer.Ordinal);
        foreach (var problem in index.Search(searcher => Degraded(searcher, max)))
        {
            found.TryAdd(problem.DocumentId, problem);
        }

        return [.. found.Values.OrderByDescending(p => p.Utc).ThenBy(p => p.DocumentId, StringComparer.Ordinal).Take(max)];
    }

    /// <summary>How many documents are degraded (counted in the index, nothing loaded) or skipped by this process (for the ready check).</summary>
    public int Count => index.Search(searcher =>
    {
        var counter = new TotalHitCountCollector();
        searcher.Search(new TermQuery(new Term(SearchFields.Degraded, "true")), counter);
        return counter.TotalHits;
    }) + recent.Values.Count(p => p.Kind == IndexProblemKind.Skipped);

    private static List<IndexProblem> Degraded(IndexSearcher searcher, int max)
    {
        var top = searcher.Search(new TermQuery(new Term(SearchFields.Degraded, "true")), max);
        var fields = new HashSet<string> { SearchFields.DocId, SearchFields.DegradedReason, SearchFields.DegradedVersion, SearchFields.Updated };
        return [.. top.ScoreDocs.Select(hit =>
        {
            var doc = searcher.Doc(hit.Doc, fields);
            var version = int.TryParse(doc.Get(SearchFields.DegradedVersion, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null;
            var updated = long.TryParse(doc.Get(SearchFields.Updated, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : DateTimeOffset.MinValue;
            return new IndexProblem(doc.Get(SearchFields.DocId, CultureInfo.InvariantCulture), version, IndexProblemKind.Degraded, doc.Get(SearchFields.DegradedReason, CultureInfo.InvariantCulture) ?? "", updated);
        })];
    }
}

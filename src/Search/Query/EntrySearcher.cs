using KnowledgeHub.Documents;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>One page of entries of one kind: the text query, the constraints, the order and the page bounds.</summary>
internal sealed record EntryRequest(Query Text, string Kind, Caller Caller, SearchConstraints Constraints, Sort? Order, int Skip, int Take, bool Facets)
{
    /// <summary>Every entry of <paramref name="kind"/> <paramref name="caller"/> may read within <paramref name="constraints"/>, no words, no page: for <see cref="EntrySearcher.Any"/>.</summary>
    public static EntryRequest Within(SearchConstraints constraints, string kind, Caller caller) =>
        new(new MatchAllDocsQuery(), kind, caller, constraints, null, 0, 0, Facets: false);

    /// <summary>The entries of <paramref name="kind"/> <paramref name="caller"/> may read whose owner has <paramref name="name"/> (archived ones too).</summary>
    public static EntryRequest OwnedBy(string name, string kind, Caller caller) => Within(new SearchConstraints { OwnerNames = [name] }, kind, caller);
}

/// <summary>The page's hits (in order), the exact total and, when asked, the facets.</summary>
internal sealed record EntryPage(IReadOnlyList<ScoreDoc> Hits, int Total, IReadOnlyList<FacetGroup> Facets);

/// <summary>
/// Runs an <see cref="EntryRequest"/> in one pass: the text query restricted to the entry kind, the caller's
/// principals and the constraints, hits collected by relevance (a <see cref="RescoredQuery"/>'s bonus added to the first
/// of them) or <see cref="EntryRequest.Order"/>, facets counted drill-sideways by a <see cref="FacetCollector"/>. Totals
/// are exact; a page past the end only counts.
/// </summary>
internal sealed class EntrySearcher(ConstraintQueries constraintQueries)
{
    public static readonly Sort Newest = new(new SortField(SearchFields.Updated, SortFieldType.INT64, true));

    public EntryPage Run(IndexSearcher searcher, EntryRequest request)
    {
        var constraints = FilterValues.ResolveAll(searcher.IndexReader, request.Constraints);
        var filter = constraintQueries.Filter(constraints, request.Kind, request.Caller, withSelections: !request.Facets);
        var maxDoc = searcher.IndexReader.MaxDoc;
        var wanted = (int)Math.Min((long)request.Skip + request.Take, maxDoc);

        // A bonus counts only in a ranking by relevance, and there only for the first hits: they are collected by the
        // matching words, then rescored (RescoredQuery); a sort by date, a count or a page past the end never reads it.
        var paged = request.Skip < maxDoc && wanted > 0;
        var rescored = paged && request.Text is RescoredQuery { Boost: 1f } r && request.Order is null ? r : null;
        var text = TermContexts.Bind(searcher, ConstraintQueries.Restrict(RescoredQuery.MatchingOf(request.Text), filter));
        var collected = rescored is null ? wanted : Math.Max(wanted, Math.Min(RescoredQuery.Window, maxDoc));
        var top = paged ? TopHits.Create(request.Order, collected) : null;
        var collector = new FacetCollector(
            request.Facets ? SearchFacets.Dimensions : [],
            request.Facets ? ConstraintQueries.Selections(constraints) : [],
            top?.Collector);
        IReadOnlyList<ScoreDoc> hits;
        if (rescored is null || top is null)
        {
            searcher.Search(text, collector);
            collector.Finish();
            hits = top?.Page(request.Skip, request.Take) ?? [];
        }
        else
        {
            var (matching, bonus) = RescoredQuery.Weights(searcher, text, TermContexts.Bind(searcher, rescored.Bonus));
            RescoredQuery.Search(searcher, matching, collector);
            collector.Finish();
            hits = RescoredQuery.Rescore(searcher, top.Page(0, collected), bonus).Skip(request.Skip).Take(request.Take).ToArray();
        }

        var facets = request.Facets ? FacetGroups.Build(searcher, collector.Counts, constraints.Selected, AccessFilters.For(request.Kind, request.Caller.Principals)) : [];
        return new EntryPage(hits, collector.TotalHits, facets);
    }

    /// <summary>
    /// Whether any entry matches <paramref name="request"/> (its page bounds, order and facets are not read): the first
    /// match in any segment answers, where a count would visit every match. For the notes that only ask "is there one".
    /// </summary>
    public bool Any(IndexSearcher searcher, EntryRequest request)
    {
        var constraints = FilterValues.ResolveAll(searcher.IndexReader, request.Constraints);
        var filter = constraintQueries.Filter(constraints, request.Kind, request.Caller, withSelections: true);
        return Matches(searcher, TermContexts.Bind(searcher, ConstraintQueries.Restrict(RescoredQuery.MatchingOf(request.Text), filter)));
    }

    /// <summary>Every entry matching <paramref name="request"/> (its page bounds, order and facets are not read), into <paramref name="collector"/>.</summary>
    public void Collect(IndexSearcher searcher, EntryRequest request, ICollector collector)
    {
        var constraints = FilterValues.ResolveAll(searcher.IndexReader, request.Constraints);
        var filter = constraintQueries.Filter(constraints, request.Kind, request.Caller, withSelections: true);
        searcher.Search(TermContexts.Bind(searcher, ConstraintQueries.Restrict(RescoredQuery.MatchingOf(request.Text), filter)), collector);
    }

    /// <summary>Whether <paramref name="query"/> matches any live document: each segment's scorer is advanced once, nothing is scored.</summary>
    public static bool Matches(IndexSearcher searcher, Query query)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var weight = searcher.CreateNormalizedWeight(query);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            if (weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is { } scorer && scorer.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A top-N collector by score or by a sort that accepts documents out of order (ties still go to the lower document
    /// number), so a query of optional clauses can be scored in bulk; the facet collector counts in any order.
    /// </summary>
    private sealed record TopHits(ICollector Collector, Func<int, int, TopDocs> TopDocs)
    {
        public static TopHits Create(Sort? order, int size)
        {
            if (order is null)
            {
                var byScore = TopScoreDocCollector.Create(size, false);
                return new TopHits(byScore, byScore.GetTopDocs);
            }

            var bySort = TopFieldCollector.Create(order, size, false, true, false, false);
            return new TopHits(bySort, bySort.GetTopDocs);
        }

        public ScoreDoc[] Page(int skip, int take) => TopDocs(skip, take).ScoreDocs;
    }
}

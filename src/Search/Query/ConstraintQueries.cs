using KnowledgeHub.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using LuceneQueryBuilder = Lucene.Net.Util.QueryBuilder;

namespace KnowledgeHub.Search;

/// <summary>
/// Turns <see cref="SearchConstraints"/> into Lucene: one non-scoring filter clause (entry kind and the caller's
/// principals as a cached per-segment bit set, see <see cref="AccessFilters"/>; dates, exclusions, owner names) and the dimension selections, which either join that filter or
/// are left to the <see cref="FacetCollector"/> (drill-sideways facets). Constraints must already be resolved
/// (<see cref="FilterValues.ResolveAll"/>).
/// </summary>
internal sealed class ConstraintQueries(SearchAnalyzer analyzer)
{
    /// <summary>
    /// <paramref name="text"/> restricted by the filter, with no effect on scores. When the filter is the access filter
    /// alone (most searches: no dates, exclusions or owner names), a <see cref="FilteredQuery"/>: its cached bit set is
    /// handed to the text's scorers as the documents they may accept, so postings skip what the caller may not read and
    /// a query of optional clauses can be scored in bulk, out of order; otherwise a required non-scoring clause, which
    /// the text's scorer leapfrogs with.
    /// </summary>
    public static Query Restrict(Query text, Query filter) =>
        filter is BooleanQuery { Clauses.Count: 1 } only && only.Clauses[0] is { Occur: Occur.MUST, Query: ConstantScoreQuery { Filter: BitSetFilter access } }
            ? new FilteredQuery(text, access)
            : new BooleanQuery(disableCoord: true)
            {
                { text, Occur.MUST },
                { new ConstantScoreQuery(filter) { Boost = 0f }, Occur.MUST },
            };

    /// <summary>The filter; with <paramref name="withSelections"/> the dimension selections are part of it.</summary>
    public Query Filter(SearchConstraints constraints, string kind, Caller caller, bool withSelections)
    {
        var filter = new BooleanQuery(disableCoord: true)
        {
            { new ConstantScoreQuery(AccessFilters.For(kind, caller.Principals)), Occur.MUST },
        };
        if (constraints.From is not null || constraints.To is not null)
        {
            filter.Add(UpdatedBetween(constraints.From, constraints.To), Occur.MUST);
        }

        foreach (var (dimension, values) in constraints.Excluded)
        {
            foreach (var value in values)
            {
                filter.Add(new TermQuery(new Term(dimension, value)), Occur.MUST_NOT);
            }
        }

        if (AnyOwnerName(constraints.OwnerNames) is { } owners)
        {
            filter.Add(owners, Occur.MUST);
        }

        if (AnyOwnerName(constraints.ExcludedOwnerNames) is { } excludedOwners)
        {
            filter.Add(excludedOwners, Occur.MUST_NOT);
        }

        foreach (var selection in withSelections ? Selections(constraints) : [])
        {
            var any = AnyOf(selection.Dimension, selection.Values);
            filter.Add(any, selection.Exclude ? Occur.MUST_NOT : Occur.MUST);
        }

        return filter;
    }

    /// <summary>The dimension selections, and "not archived" on status when archived documents are left out.</summary>
    public static IReadOnlyList<DimensionSelection> Selections(SearchConstraints constraints)
    {
        var selections = constraints.Selected
            .Where(p => p.Value.Count > 0)
            .Select(p => new DimensionSelection(p.Key, p.Value, Exclude: false))
            .ToList();
        if (constraints.ExcludeArchived)
        {
            selections.Add(new DimensionSelection(SearchFacets.Status, [nameof(DocumentStatus.Archived)], Exclude: true));
        }

        return selections;
    }

    /// <summary>Any of the principals may read: the access clause every query carries.</summary>
    public static Query Readable(IEnumerable<string> principals) => AnyPrincipal(SearchFields.Acl, principals);

    /// <summary>Any of the principals (normalized with <see cref="SearchFields.Principal"/>) in <paramref name="field"/>.</summary>
    public static Query AnyPrincipal(string field, IEnumerable<string> principals)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var principal in principals.Select(SearchFields.Principal).Distinct(StringComparer.Ordinal))
        {
            any.Add(new TermQuery(new Term(field, principal)), Occur.SHOULD);
        }

        return any;
    }

    private static BooleanQuery AnyOf(string field, IEnumerable<string> values)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var value in values)
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        return any;
    }

    /// <summary>
    /// Updated on a day from <paramref name="from"/> through <paramref name="to"/> (UTC days, inclusive). Any day of the
    /// calendar is safe: the first day is an open start, the last day (9999-12-31, which has no next day) an open end.
    /// </summary>
    private static NumericRangeQuery<long> UpdatedBetween(DateOnly? from, DateOnly? to) =>
        NumericRangeQuery.NewInt64Range(
            SearchFields.Updated,
            from is { } f && f > DateOnly.MinValue ? StartOf(f) : null,
            to is { } t && t < DateOnly.MaxValue ? StartOf(t.AddDays(1)) : null,
            true,
            false);

    private static long StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>Null without names; a query matching nothing when no name has a word.</summary>
    private BooleanQuery? AnyOwnerName(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return null;
        }

        var builder = new LuceneQueryBuilder(analyzer);
        var any = new BooleanQuery(disableCoord: true);
        foreach (var name in names)
        {
            if (builder.CreatePhraseQuery(SearchFields.OwnerName, name) is { } query)
            {
                any.Add(query, Occur.SHOULD);
            }
        }

        return any;
    }
}

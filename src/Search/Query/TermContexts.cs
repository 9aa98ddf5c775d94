using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>
/// Each term's per-segment lookups (<see cref="TermContext"/>: where its postings start in every segment, its document
/// frequency), kept for the life of one index version: a word is searched in up to seven fields, a glossary adds its
/// synonyms, and the notes, the glossary check and the next user's search look the same terms up again — each lookup a
/// seek in every segment's terms dictionary and a fresh terms enumerator (a fifth of the bytes a search allocates on a
/// compacted 20k index, more with more segments).
/// <see cref="Bind"/> hands a query's term queries and exact phrases (<see cref="BoundPhraseQuery"/>) their looked-up
/// contexts; Lucene then seeks no more. A context is read only once built, so searches share it. Bounded: past
/// <see cref="MaxTerms"/> terms of one version it starts again.
/// </summary>
internal static class TermContexts
{
    public const int MaxTerms = 8192;

    private static readonly ConditionalWeakTable<IndexReaderContext, ConcurrentDictionary<Term, TermContext>> Versions = [];

    private static readonly HashSet<Type> Rebuildable = [typeof(TermQuery), typeof(PhraseQuery), typeof(BooleanQuery), typeof(ConstantScoreQuery), typeof(FilteredQuery), typeof(RescoredQuery)];

    /// <summary>
    /// <paramref name="query"/> with its term queries and exact phrases (inside boolean, constant-score, filtered and
    /// rescored queries) carrying the searcher's contexts of their terms; other queries are left as they are. Scores and matches
    /// are unchanged.
    /// </summary>
    public static Query Bind(IndexSearcher searcher, Query query)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(query);
        var top = searcher.TopReaderContext;
        var known = Versions.GetValue(top, _ => new ConcurrentDictionary<Term, TermContext>());
        return Bound(query, top, known);
    }

    private static Query Bound(Query query, IndexReaderContext top, ConcurrentDictionary<Term, TermContext> known)
    {
        if (!Rebuildable.Contains(query.GetType()))
        {
            return query; // a subclass may score or match differently: copying it as its base type would lose that
        }

        switch (query)
        {
            case TermQuery term:
                return new TermQuery(term.Term, Context(term.Term, top, known)) { Boost = term.Boost };
            case PhraseQuery { Slop: 0 } phrase when phrase.GetTerms() is { Length: >= 2 } terms:
                return new BoundPhraseQuery(phrase, [.. terms.Select(t => Context(t, top, known))]);
            case BooleanQuery boolean:
                var copy = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
                foreach (var clause in boolean.Clauses)
                {
                    copy.Add(Bound(clause.Query, top, known), clause.Occur);
                }

                return copy;
            case ConstantScoreQuery { Query: { } inner } constant:
                return new ConstantScoreQuery(Bound(inner, top, known)) { Boost = constant.Boost };
            case FilteredQuery filtered:
                return new FilteredQuery(Bound(filtered.Query, top, known), filtered.Filter, filtered.Strategy) { Boost = filtered.Boost };
            case RescoredQuery rescored:
                return new RescoredQuery(Bound(rescored.Matching, top, known), Bound(rescored.Bonus, top, known)) { Boost = rescored.Boost };
            default:
                return query;
        }
    }

    private static TermContext Context(Term term, IndexReaderContext top, ConcurrentDictionary<Term, TermContext> known)
    {
        if (known.TryGetValue(term, out var context))
        {
            return context;
        }

        if (known.Count >= MaxTerms)
        {
            known.Clear();
        }

        return known.GetOrAdd(term, t => TermContext.Build(top, t));
    }
}

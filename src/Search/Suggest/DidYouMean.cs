using KnowledgeHub.Documents;
using KnowledgeHub.Search.Querying;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>
/// "Did you mean" for a search with few hits, of documents or of lessons: the <see cref="SpellingSuggester"/>'s correction,
/// where each replacement word is in an entry of that kind the caller may read, kept only when the corrected query — same filters, same
/// caller, read as its own page would be (all words; a joined word's parts; most words; any time) — finds more than the
/// page it is offered on. <c>node.js campaing</c> finds nothing, and neither does <c>node.js campaign</c> with every word as
/// written: its page finds the parts, and so the correction is offered.
/// </summary>
internal sealed class DidYouMean(SearchQueryBuilder queries, EntrySearcher entries)
{
    private readonly SpellingSuggester spelling = new(queries.Analyzer);

    /// <summary>
    /// The suggestion for each page of one search (all words, then the fallbacks, each with its total): the text is corrected
    /// and its reading counted once, on the first page that asks.
    /// </summary>
    public Func<int, string?> For(IndexSearcher searcher, string text, string kind, Caller caller, SearchConstraints constraints)
    {
        (string Text, int Found)? correction = null;
        var corrected = false;
        return total =>
        {
            if (!corrected)
            {
                correction = Correct(searcher, text, kind, caller, constraints);
                corrected = true;
            }

            return correction is { } c && c.Found > total ? c.Text : null;
        };
    }

    private (string Text, int Found)? Correct(IndexSearcher searcher, string text, string kind, Caller caller, SearchConstraints constraints)
    {
        var visible = new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(new Lucene.Net.Index.Term(SearchFields.Kind, kind)), Occur.MUST },
            { ConstraintQueries.Readable(caller.Principals), Occur.MUST },
        };
        var corrected = spelling.Correct(searcher.IndexReader, text, word => EntrySearcher.Matches(searcher, ConstraintQueries.Restrict(SpellingSuggester.AnyField(word), visible)));
        if (corrected is null || queries.ParseSearch(corrected, caller) is not { Query: not null } parsed)
        {
            return null;
        }

        EntryRequest Counting(Query query) => new(query, kind, caller, constraints, null, 0, 0, Facets: false);
        int Count(Query? query) => query is null ? 0 : entries.Run(searcher, Counting(query)).Total;
        var found = parsed.Plan is null
            ? Count(parsed.Query)
            : NaturalSearch.Read(parsed.Plan, parsed.Query, Count, Count, query => entries.Any(searcher, Counting(query)), n => n, _ => 0, (_, wider) => wider).Results;
        return (corrected, found);
    }
}

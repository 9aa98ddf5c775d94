using KnowledgeHub.Documents;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>
/// "Did you mean" for a search with few hits: the <see cref="SpellingSuggester"/>'s correction, where each
/// replacement word is in an entry the caller may read, kept only when the corrected query — same filters, same
/// caller — finds more than the original.
/// </summary>
internal sealed class DidYouMean(SearchQueryBuilder queries, EntrySearcher entries)
{
    private readonly SpellingSuggester spelling = new(queries.Analyzer);

    public string? Suggest(IndexSearcher searcher, string text, Caller caller, SearchConstraints constraints, int total)
    {
        var visible = new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(new Lucene.Net.Index.Term(SearchFields.Kind, EntryKinds.Document)), Occur.MUST },
            { ConstraintQueries.Readable(caller.Principals), Occur.MUST },
        };
        var corrected = spelling.Correct(searcher.IndexReader, text, word => EntrySearcher.Matches(searcher, ConstraintQueries.Restrict(SpellingSuggester.AnyField(word), visible)));
        if (corrected is null || queries.ParseSearch(corrected).Query is not { } query)
        {
            return null;
        }

        var found = entries.Run(searcher, new EntryRequest(query, EntryKinds.Document, caller, constraints, null, 0, 0, Facets: false)).Total;
        return found > total ? corrected : null;
    }
}

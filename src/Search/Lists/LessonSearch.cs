using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>
/// Searches lesson entries: the words (or every lesson when there are none), typed and selected filters on the
/// lesson's document, facets over the lessons the caller may read, each lesson's text highlighted whole. The words are
/// read as on the search page (<see cref="Querying.NaturalSearch"/>): most of them when no lesson has them all, time
/// words as a filter on the document's period (any time, with a note, when it leaves nothing); a "did you mean" when few
/// lessons match, as there.
/// </summary>
internal sealed class LessonSearch(SearchQueryBuilder queries, EntrySearcher entries, SnippetHighlighter highlighter, DidYouMean corrections, KnowledgeHub.Documents.TemplateCatalog? templates = null)
{
    public const int MaxPageSize = 100;

    public LessonResults Search(IndexSearcher searcher, LessonQuery request)
    {
        var page = Math.Max(1, request.Page);
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var typeOf = TypeValues.Reader(templates, value => TypeValues.Indexed(searcher.IndexReader, value));
        return ProseFilters.Read(
            filter => TypedFilterReader.Reads(filter, typeOf, name => entries.Any(searcher, EntryRequest.OwnedBy(name, EntryKinds.Lesson, request.Caller))),
            reads =>
            {
                var parsed = queries.ParseSearch(request.Query, request.Caller, reads);
                return (Once(searcher, request, page, pageSize, parsed, typeOf), parsed.Filters);
            },
            r => r.Total,
            (r, note) => r with { Notes = [.. r.Notes, note] });
    }

    private LessonResults Once(IndexSearcher searcher, LessonQuery request, int page, int pageSize, ParsedSearch parsed, Func<string, string?>? typeOf)
    {
        var filters = request.Year is { } year
            ? new Dictionary<string, IReadOnlyList<string>>(request.Filters, StringComparer.Ordinal) { [SearchFacets.Year] = [year.ToString(System.Globalization.CultureInfo.InvariantCulture)] }
            : request.Filters;
        var constraints = SearchConstraints.Build(parsed.Filters, filters, null, null, request.IncludeArchived, request.Caller, typeOf);
        IReadOnlyList<QueryNote> notAsTyped = [.. parsed.Notes, .. constraints.Notes];
        Func<int, string?>? suggestions = null;
        LessonResults Page(Query? words)
        {
            var text = words ?? new MatchAllDocsQuery();
            var order = words is null || request.Sort == SearchSort.Newest ? EntrySearcher.Newest : null;
            var result = entries.Run(searcher, new EntryRequest(text, EntryKinds.Lesson, request.Caller, constraints, order, (page - 1) * pageSize, pageSize, Facets: true));
            var hits = result.Hits.Select(d => Hit(searcher, d, text)).ToList();
            return new LessonResults(result.Total, page, pageSize, hits)
            {
                Facets = result.Facets,
                Notes = notAsTyped,
                DidYouMean = words is null || result.Total >= SpellingSuggester.FewHits
                    ? null
                    : (suggestions ??= corrections.For(searcher, request.Query, EntryKinds.Lesson, request.Caller, constraints))(result.Total),
            };
        }

        if (parsed.Plan is not { } plan)
        {
            return WithUnmatchedFilters(Page(parsed.Query));
        }

        // Read as the search page reads: most words when nothing has them all, any time when the time words leave nothing.
        var (results, notes, _) = Querying.NaturalSearch.Read(plan, parsed.Query, Page, Count, Any, results => results.Total, results => results.PageSize, Keep, ShowsNonGlossary);
        if (results.Total == 0 && plan.AsPlainWords() is var (plain, words))
        {
            // The query as written (quotes, signs) found nothing: its words as plain text, as the search page does.
            var (asWords, wordNotes, _) = Querying.NaturalSearch.Read(plain, words, Page, Count, Any, r => r.Total, r => r.PageSize, Keep, ShowsNonGlossary);
            if (asWords.Total > 0)
            {
                return asWords with { Notes = [.. asWords.Notes, .. wordNotes, new QueryNote(QueryNoteKind.SyntaxAsWords, [])], TimeFilter = plain.Time };
            }
        }

        if (results.Total == 0 && notes.All(n => n.Kind != QueryNoteKind.ExclusionsRemoved) && Querying.NaturalSearch.AsTypedNote(plan, parsed.Filters, Count, Any) is { } asTyped)
        {
            // A short query's syntax is meant: what its words would find, and that search offered, as the search page does.
            return results with { Notes = [.. results.Notes, .. notes, asTyped], TimeFilter = plan.Time };
        }

        return WithUnmatchedFilters(results with { Notes = [.. results.Notes, .. notes], TimeFilter = plan.Time });

        LessonResults WithUnmatchedFilters(LessonResults results) =>
            results.Total == 0 && constraints.HasFilters && UnmatchedFilters.Note(searcher, entries, constraints, EntryKinds.Lesson, request.Caller) is { } note
                ? results with { Notes = [.. results.Notes, note] }
                : results;

        static bool ShowsNonGlossary(LessonResults results) => results.Hits.Any(hit => !Querying.NaturalSearch.IsGlossary(hit.Type));

        // A wider page (most words, any time) keeps the first page's "did you mean", as the search page does.
        static LessonResults Keep(LessonResults first, LessonResults wider) => wider with { DidYouMean = first.DidYouMean ?? wider.DidYouMean };

        EntryRequest Counting(Query query) => new(query, EntryKinds.Lesson, request.Caller, constraints, null, 0, 0, Facets: false);

        int Count(Query query) => entries.Run(searcher, Counting(query)).Total;

        bool Any(Query query) => entries.Any(searcher, Counting(query));
    }

    private LessonHit Hit(IndexSearcher searcher, ScoreDoc scoreDoc, Query query)
    {
        var entry = StoredEntry.Load(searcher, scoreDoc.Doc);
        var text = entry.Body;
        return new LessonHit(
            entry.DocumentId,
            entry.Title,
            text,
            highlighter.Match(SearchFields.Body, SearchFields.BodyCjk, text, query, whole: true) ?? HtmlTextEncoder.Encode(text),
            entry.Type,
            entry.Collection,
            entry.Tags,
            entry.Status,
            entry.UpdatedUtc,
            scoreDoc.Score);
    }
}

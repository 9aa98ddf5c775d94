using System.Diagnostics;
using KnowledgeHub.Documents;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Search;

/// <summary>
/// The search API of the portal (synchronous: Lucene is CPU-bound): documents with facets and "did you mean",
/// suggestions as you type, lessons, action items and related entries. Everything returned only ever comes from
/// entries the caller may read — the caller's principals filter inside every Lucene query. No user text throws:
/// unreadable syntax becomes a plain-words search with a note; an empty query without filters has no hits.
/// </summary>
public sealed partial class SearchService(
    LuceneIndex index,
    SearchQueryBuilder queries,
    SnippetHighlighter highlighter,
    ILogger<SearchService> logger,
    MarkdownRenderer? markdown = null,
    Microsoft.Extensions.Options.IOptions<SearchOptions>? options = null,
    TemplateCatalog? templates = null)
{
    public const int MaxPageSize = 100;

    private readonly EntrySearcher entries = new(new ConstraintQueries(queries.Analyzer));
    private readonly SearchHitReader hitReader = new(highlighter);
    private readonly DidYouMean corrections = new(queries, new EntrySearcher(new ConstraintQueries(queries.Analyzer)));
    private readonly TypeaheadSuggester typeahead = new(queries.Analyzer);
    private readonly RelatedFinder related = new(queries.Analyzer);
    private readonly MarkdownRenderer renderer = markdown ?? new MarkdownRenderer();
    private readonly SearchResultCache resultCache = new(options?.Value.ResultCacheEntries ?? 0);

    public SearchResults Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Query);
        ArgumentNullException.ThrowIfNull(request.Caller);
        ArgumentNullException.ThrowIfNull(request.Filters);
        var page = Math.Max(1, request.Page);
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        using var activity = KnowledgeHub.Telemetry.KnowledgeHubTelemetry.Source.StartActivity("search");
        var started = Stopwatch.GetTimestamp();
        var typeOf = TypeValues.Reader(templates, value => index.Search(s => TypeValues.Indexed(s.IndexReader, value)));
        // An owner of that name on a document the caller may read (Owner: Alice Wang, pasted): checked as the filter would be.
        bool OwnerNamed(string name) => index.Search(s => entries.Any(s, EntryRequest.OwnedBy(name, EntryKinds.Document, request.Caller)));

        (SearchResults, IReadOnlyList<TypedFilter>) Once(Func<TypedFilter, bool> reads)
        {
            var parsed = queries.ParseSearch(request.Query, request.Caller, reads);
            var constraints = SearchConstraints.Build(parsed.Filters, request.Filters, request.From, request.To, request.IncludeArchived, request.Caller, typeOf);
            IReadOnlyList<QueryNote> notes = [.. parsed.Notes, .. constraints.Notes];
            var found = parsed.Query is null && !constraints.HasFilters
                ? new SearchResults(request.Query, 0, page, pageSize, []) { Notes = notes }
                : Run(request, parsed, constraints, notes, page, pageSize);
            return (found, parsed.Filters);
        }

        var results = ProseFilters.Read(filter => TypedFilterReader.Reads(filter, typeOf, OwnerNamed), Once, r => r.Total, (r, note) => r with { Notes = [.. r.Notes, note] });
        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        KnowledgeHub.Telemetry.KnowledgeHubTelemetry.SearchDuration.Record(elapsedMs);
        activity?.SetTag("knowledgehub.search.query_length", request.Query.Length);
        activity?.SetTag("knowledgehub.search.total", results.Total);
        LogSearch(logger, request.Query.Length, results.Total, elapsedMs, results.Notes.Any(n => n.NotAsTyped));
        return results;
    }

    /// <summary>Up to <paramref name="max"/> tags and titles for what has been typed so far (see the suggester's rules).</summary>
    public IReadOnlyList<SearchSuggestion> Suggest(string prefix, Caller caller, int max = 8)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(caller);
        return index.Search(searcher => typeahead.Suggest(searcher, prefix, caller, Math.Min(max, MaxPageSize)));
    }

    public LessonResults SearchLessons(LessonQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Query);
        ArgumentNullException.ThrowIfNull(query.Caller);
        ArgumentNullException.ThrowIfNull(query.Filters);
        var lessons = new LessonSearch(queries, entries, highlighter, corrections, templates);
        return index.Search(searcher => lessons.Search(searcher, query));
    }

    public ActionItemResults ListActionItems(ActionItemQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Caller);
        ArgumentNullException.ThrowIfNull(query.Filters);
        return index.Search(searcher => new ActionItemList(entries).List(searcher, query));
    }

    /// <summary>
    /// Every owner's open action items <paramref name="caller"/> may read, counted over all of them: how many, how many are
    /// overdue on <paramref name="today"/>, and how many are due by <paramref name="dueBy"/>. For the team view and the digest,
    /// which a list of the first items (by due day) would undercount.
    /// </summary>
    public IReadOnlyList<ActionItemLoad> ActionItemLoads(Caller caller, DateOnly today, DateOnly? dueBy = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return index.Search(searcher => new ActionItemList(entries).Loads(searcher, caller, today, dueBy));
    }

    /// <summary>Documents and lessons like document <paramref name="documentId"/>; none when the caller may not read it.</summary>
    public RelatedResults Related(string documentId, Caller caller, int max = 5)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentNullException.ThrowIfNull(caller);
        return index.Search(searcher => related.FindFor(searcher, documentId, caller, Math.Clamp(max, 0, MaxPageSize)));
    }

    /// <summary>
    /// Documents and lessons like a text being written (not saved yet): the editor's title and Markdown.
    /// <paramref name="excludeDocumentId"/> leaves out the document being edited and its own lessons.
    /// </summary>
    public RelatedResults RelatedToText(string title, string markdown, Caller caller, int max = 5, string? excludeDocumentId = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(caller);
        var body = renderer.ToPlainText(markdown);
        return index.Search(searcher => related.Find(searcher, title, body, caller, excludeDocumentId, Math.Clamp(max, 0, MaxPageSize)));
    }

    private SearchResults Run(SearchRequest request, ParsedSearch parsed, SearchConstraints constraints, IReadOnlyList<QueryNote> notes, int page, int pageSize)
    {
        try
        {
            var key = resultCache.Capacity == 0 ? "" : SearchResultCache.Key(request, parsed, constraints, page, pageSize);
            Func<int, string?>? suggestions = null;
            return index.Search(searcher => resultCache.GetOrRun(searcher, key, () => Explained(searcher, Read(searcher, parsed.Plan, parsed.Query), parsed.Plan, parsed.Query)));

            SearchResults Read(IndexSearcher searcher, Querying.QueryPlan? plan, Query? query) => Querying.NaturalSearch.Run(
                searcher,
                plan,
                query,
                query => Page(searcher, request, query, constraints, notes, page, pageSize, suggestions ??= corrections.For(searcher, request.Query, EntryKinds.Document, request.Caller, constraints)),
                query => entries.Run(searcher, Counting(query)).Total,
                query => entries.Any(searcher, Counting(query)));

            EntryRequest Counting(Query query) => new(query, EntryKinds.Document, request.Caller, constraints, null, 0, 0, Facets: false);

            // An empty page says why when it can: only archived documents match (the page offers them), or a filter value
            // nothing readable has; a long query with syntax (quotes, signs) that found nothing is searched as plain words, a
            // short one says what its words would find (and offers that search). A page
            // of most words says what archived documents hold instead of "no document has": every word, or some of the words
            // it names as in no document; so does a page of a joined word's parts (GMV↑20%) when archived documents have it whole. <paramref name="plan"/> and <paramref name="all"/>: the reading and its every word.
            SearchResults Explained(IndexSearcher searcher, SearchResults results, Querying.QueryPlan? plan, Query? all)
            {
                if (plan?.Parts is not null && constraints.ExcludeArchived && all is not null && results.Notes.Any(n => n.Kind == QueryNoteKind.JoinedWordsSplit)
                    && entries.Any(searcher, Counting(all) with { Constraints = ArchivedOnly() }))
                {
                    // Archived documents have the words as typed (Drag-and-Drop): the page says so, as for any words, rather
                    // than search the joined words' parts in the others.
                    var whole = plan with { Parts = null };
                    return Explained(searcher, Read(searcher, whole, all), whole, all);
                }

                if (results.Total > 0)
                {
                    return results.Notes.FirstOrDefault(n => n.Kind == QueryNoteKind.MostWords) is { } most ? WithArchivedWords(searcher, results, most, plan, all) : results;
                }

                if (constraints.ExcludeArchived && ArchivedMatches(searcher, plan, all) is > 0 and var archived)
                {
                    // "No document has most of these words together" would be wrong: archived ones do (a pasted row of an
                    // archived report, cut mid-word).
                    return results with { Notes = [.. results.Notes.Where(n => n.Kind != QueryNoteKind.NoneTogether), new QueryNote(QueryNoteKind.OnlyArchived, [], archived)] };
                }

                if (parsed.Plan?.AsPlainWords() is var (plain, words) && Read(searcher, plain, words) is { Total: > 0 } asWords)
                {
                    return Explained(searcher, asWords with { Notes = [.. asWords.Notes, new QueryNote(QueryNoteKind.SyntaxAsWords, [])] }, plain, words);
                }

                if (plan is not null && results.Notes.All(n => n.Kind != QueryNoteKind.ExclusionsRemoved)
                    && Querying.NaturalSearch.AsTypedNote(plan, parsed.Filters, query => entries.Run(searcher, Counting(query)).Total, query => entries.Any(searcher, Counting(query))) is { } asTyped)
                {
                    return results with { Notes = [.. results.Notes, asTyped] };
                }

                return constraints.HasFilters && UnmatchedFilters.Note(searcher, entries, constraints, EntryKinds.Document, request.Caller) is { } note
                    ? results with { Notes = [.. results.Notes, note] }
                    : results;
            }

            // The most-words note when archived documents are left out: archived documents with every word replace it
            // (ArchivedHaveEveryWord, how many); else the words it names that only archived documents have move to their
            // own note (OnlyArchivedHave), each checked alone with an early exit.
            SearchResults WithArchivedWords(IndexSearcher searcher, SearchResults results, QueryNote most, Querying.QueryPlan? plan, Query? all)
            {
                if (!constraints.ExcludeArchived || all is null)
                {
                    return results;
                }

                if (entries.Run(searcher, Counting(all) with { Constraints = ArchivedOnly() }).Total is > 0 and var held)
                {
                    return results with { Notes = [.. results.Notes.Select(n => n == most ? new QueryNote(QueryNoteKind.ArchivedHaveEveryWord, [], held) : n)] };
                }

                if (plan is null || most.Words.Count == 0)
                {
                    return results;
                }

                var texts = plan.WordTexts.ToList();
                var archivedWords = most.Words
                    .Where(word => texts.IndexOf(word) is >= 0 and var i && i < plan.Words.Count && entries.Any(searcher, Counting(plan.Words[i]) with { Constraints = ArchivedOnly() }))
                    .ToList();
                return archivedWords.Count == 0
                    ? results
                    : results with
                    {
                        Notes =
                        [
                            .. results.Notes.SelectMany(n => n == most
                                ? [most with { Words = [.. most.Words.Except(archivedWords, StringComparer.Ordinal)] }, new QueryNote(QueryNoteKind.OnlyArchivedHave, archivedWords)]
                                : new[] { n }),
                        ],
                    };
            }

            // How many archived documents the search would find with them included: those with every word, else, for a
            // query that may relax, those with most words, as the search with archived documents included reads it.
            int ArchivedMatches(IndexSearcher searcher, Querying.QueryPlan? plan, Query? all)
            {
                var included = constraints with { ExcludeArchived = false };
                var every = entries.Run(searcher, Counting(all ?? new MatchAllDocsQuery()) with { Constraints = included }).Total;
                return every > 0 || plan is not { CanRelax: true } || plan.Make(relaxed: true) is not { } most
                    ? every
                    : entries.Run(searcher, Counting(most) with { Constraints = included }).Total;
            }

            // Archived documents only (they are left out only when no status is chosen), so a count visits only them.
            SearchConstraints ArchivedOnly() => constraints with
            {
                ExcludeArchived = false,
                Selected = new Dictionary<string, IReadOnlyList<string>>(constraints.Selected) { [SearchFacets.Status] = [nameof(DocumentStatus.Archived)] },
            };
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            // A prefix expanded into more terms than Lucene allows: search the words instead.
            var words = queries.Words(parsed.Words);
            IReadOnlyList<QueryNote> fallback = [SearchQueryBuilder.TooComplexNote, .. constraints.Notes];
            return words is null
                ? new SearchResults(request.Query, 0, page, pageSize, []) { Notes = fallback }
                : index.Search(searcher => Page(searcher, request, words, constraints, fallback, page, pageSize, corrections.For(searcher, request.Query, EntryKinds.Document, request.Caller, constraints)));
        }
    }

    /// <summary>One page of <paramref name="text"/>'s hits; <paramref name="suggestions"/> gives its "did you mean" when it has few.</summary>
    private SearchResults Page(IndexSearcher searcher, SearchRequest request, Query? text, SearchConstraints constraints, IReadOnlyList<QueryNote> notes, int page, int pageSize, Func<int, string?> suggestions)
    {
        var query = text ?? new MatchAllDocsQuery();
        var order = text is null || request.Sort == SearchSort.Newest ? EntrySearcher.Newest : null;
        var skip = (long)(page - 1) * pageSize;
        var result = entries.Run(searcher, new EntryRequest(
            query, EntryKinds.Document, request.Caller, constraints, order, (int)Math.Min(skip, int.MaxValue), pageSize, Facets: true));
        var hits = result.Hits.Select(scoreDoc => hitReader.Read(searcher, scoreDoc, query)).ToList();
        return new SearchResults(request.Query, result.Total, page, pageSize, hits)
        {
            Notes = notes,
            Facets = result.Facets,
            DidYouMean = text is null || result.Total >= SpellingSuggester.FewHits ? null : suggestions(result.Total),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search of {QueryLength} characters found {Total} hits in {ElapsedMs:0.0} ms (fell back: {FellBack})")]
    private static partial void LogSearch(ILogger logger, int queryLength, int total, double elapsedMs, bool fellBack);
}

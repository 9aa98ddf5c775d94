using System.Diagnostics;
using System.Globalization;
using KnowledgeHub.Documents;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Search;

/// <summary>
/// Runs a caller's query against the index (synchronous: Lucene is CPU-bound). Hits and totals only come
/// from documents the caller may read. No user text throws: unreadable syntax becomes a plain-words search
/// with a notice; an empty query has no hits.
/// </summary>
public sealed partial class SearchService(LuceneIndex index, SearchQueryBuilder queries, SnippetHighlighter highlighter, ILogger<SearchService> logger)
{
    public const int MaxPageSize = 100;

    public SearchResults Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Query);
        ArgumentNullException.ThrowIfNull(request.Caller);
        var page = Math.Max(1, request.Page);
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var started = Stopwatch.GetTimestamp();
        var parsed = queries.Parse(request.Query);
        var results = parsed.Query is null
            ? new SearchResults(request.Query, 0, page, pageSize, [], parsed.Notice)
            : Run(request, parsed, page, pageSize);
        LogSearch(logger, request.Query.Length, results.Total, Stopwatch.GetElapsedTime(started).TotalMilliseconds, results.Notice is not null);
        return results;
    }

    private SearchResults Run(SearchRequest request, ParsedQuery parsed, int page, int pageSize)
    {
        try
        {
            return index.Search(searcher => Page(searcher, request, parsed.Query!, parsed.Notice, page, pageSize));
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            // A prefix expanded into more terms than Lucene allows: search the words instead.
            var words = queries.Words(request.Query);
            return words is null
                ? new SearchResults(request.Query, 0, page, pageSize, [], SearchQueryBuilder.TooManyClausesNotice)
                : index.Search(searcher => Page(searcher, request, words, SearchQueryBuilder.TooManyClausesNotice, page, pageSize));
        }
    }

    private SearchResults Page(IndexSearcher searcher, SearchRequest request, Query query, string? notice, int page, int pageSize)
    {
        var filtered = SearchQueryBuilder.RestrictTo(query, request.Caller.Principals);
        var skip = (long)(page - 1) * pageSize;
        var maxDoc = searcher.IndexReader.MaxDoc;
        if (skip >= maxDoc)
        {
            // Past the last possible hit: count only, never ask Lucene for a huge top-N queue.
            var counter = new TotalHitCountCollector();
            searcher.Search(filtered, counter);
            return new SearchResults(request.Query, counter.TotalHits, page, pageSize, [], notice);
        }

        var top = searcher.Search(filtered, (int)Math.Min(skip + pageSize, maxDoc));
        var hits = top.ScoreDocs.Skip((int)skip).Select(scoreDoc => ToHit(searcher, scoreDoc, query)).ToList();
        return new SearchResults(request.Query, top.TotalHits, page, pageSize, hits, notice);
    }

    private SearchHit ToHit(IndexSearcher searcher, ScoreDoc scoreDoc, Query query)
    {
        var document = searcher.Doc(scoreDoc.Doc);
        var title = Stored(document, SearchFields.Title);
        var body = Stored(document, SearchFields.Body);
        var updated = document.GetField(SearchFields.Updated)?.GetInt64Value() ?? 0;
        return new SearchHit(
            DocumentId: Stored(document, SearchFields.Id),
            Title: title,
            TitleHtml: highlighter.Title(title, query),
            Type: Stored(document, SearchFields.Type),
            Status: Enum.TryParse<DocumentStatus>(Stored(document, SearchFields.Status), out var status) ? status : DocumentStatus.Draft,
            UpdatedUtc: DateTimeOffset.FromUnixTimeMilliseconds(updated),
            SnippetHtml: highlighter.Body(searcher.IndexReader, scoreDoc.Doc, body, query),
            Score: scoreDoc.Score);
    }

    private static string Stored(Lucene.Net.Documents.Document document, string field) =>
        document.Get(field, CultureInfo.InvariantCulture) ?? "";

    [LoggerMessage(Level = LogLevel.Information, Message = "Search of {QueryLength} characters found {Total} hits in {ElapsedMs:0.0} ms (fell back: {FellBack})")]
    private static partial void LogSearch(ILogger logger, int queryLength, int total, double elapsedMs, bool fellBack);
}

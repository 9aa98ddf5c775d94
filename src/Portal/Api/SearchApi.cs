using System.Globalization;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Components;
using KnowledgeHub.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// Search for scripts: the caller comes from the bearer token, the caller's principals filter inside the Lucene
/// query, and <see cref="SearchHitGuard"/> checks each hit again, as on the search page. Bad input is a 400 with a
/// sentence; unreadable query syntax is a plain-words search with a notice, never a 500. Facet values filter as on the
/// search page, under the same keys (<see cref="SearchDimension.Key"/>: <c>?q=复盘&amp;type=retrospective&amp;tag=618</c>).
/// </summary>
public static class SearchApi
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;
    public const int MaxPage = 1000;
    public const int MaxQueryLength = 500;

    public static async Task<Results<Ok<ApiSearchResponse>, ProblemHttpResult>> SearchAsync(
        HttpContext context,
        SearchService search,
        SearchHitGuard guard,
        [FromQuery(Name = "q")] string? q,
        [FromQuery(Name = "page")] string? page,
        [FromQuery(Name = "pageSize")] string? pageSize)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(guard);
        if (string.IsNullOrWhiteSpace(q))
        {
            return BadRequest("Give the words to search for in the query parameter q, e.g. ?q=复盘. 请在 q 中填写搜索词。");
        }

        if (q.Length > MaxQueryLength)
        {
            return BadRequest($"The query is longer than {MaxQueryLength} characters. 搜索词过长。");
        }

        if (!TryParse(page, 1, 1, MaxPage, out var pageNumber))
        {
            return BadRequest($"page must be a whole number from 1 to {MaxPage}. page 参数无效。");
        }

        if (!TryParse(pageSize, DefaultPageSize, 1, MaxPageSize, out var size))
        {
            return BadRequest($"pageSize must be a whole number from 1 to {MaxPageSize}. pageSize 参数无效。");
        }

        var caller = context.GetCaller();
        var results = await guard.GuardAsync(
            search.Search(new SearchRequest
            {
                Query = q.Trim(),
                Caller = caller,
                Page = pageNumber,
                PageSize = size,
                Filters = Pages.Search.FilterBinding.Read(context.Request.Query, SearchFacets.Dimensions),
            }),
            caller,
            context.RequestAborted);
        var hits = results.Hits
            .Select(h => new ApiSearchHit(h.DocumentId, h.Title, h.Type, h.Status, h.UpdatedUtc, h.SnippetHtml, DocumentLinks.View(h.DocumentId)))
            .ToList();
        return TypedResults.Ok(new ApiSearchResponse(results.Query, results.Total, results.Page, results.PageSize, hits, results.Notice));
    }

    private static bool TryParse(string? text, int fallback, int min, int max, out int value)
    {
        value = fallback;
        return string.IsNullOrWhiteSpace(text)
            || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
}

using System.Globalization;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Components;
using KnowledgeHub.Portal.Pages.Search;
using KnowledgeHub.Portal.Resources;
using KnowledgeHub.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// Search for scripts: the caller comes from the bearer token, the caller's principals filter inside the Lucene
/// query, and <see cref="SearchHitGuard"/> checks each hit again, as on the search page. Bad input is a 400 with a
/// sentence; unreadable query syntax is a plain-words search with a notice in the request's language, never a 500.
/// Facet values filter as on the search page, under the same keys (<see cref="SearchDimension.Key"/>:
/// <c>?q=复盘&amp;type=retrospective&amp;tag=618</c>).
/// </summary>
public static class SearchApi
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;
    public const int MaxPage = 1000;

    public static async Task<Results<Ok<ApiSearchResponse>, ProblemHttpResult>> SearchAsync(
        HttpContext context,
        SearchService search,
        SearchHitGuard guard,
        TypeLabels typeLabels,
        IStringLocalizer<SearchQueryText> text,
        [FromQuery(Name = "q")] string? q,
        [FromQuery(Name = "page")] string? page,
        [FromQuery(Name = "pageSize")] string? pageSize)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(guard);
        if (string.IsNullOrWhiteSpace(q))
        {
            return ApiProblems.BadRequest(ApiProblems.Sentence("SearchNoQuery"));
        }

        if (!TryParse(page, 1, 1, MaxPage, out var pageNumber))
        {
            return ApiProblems.BadRequest(ApiProblems.Sentence("SearchPage", MaxPage));
        }

        if (!TryParse(pageSize, DefaultPageSize, 1, MaxPageSize, out var size))
        {
            return ApiProblems.BadRequest(ApiProblems.Sentence("SearchPageSize", MaxPageSize));
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
        var typeNames = await typeLabels.OfferedByAsync(results.Notes, context.RequestAborted);
        return TypedResults.Ok(new ApiSearchResponse(
            results.Query, results.Total, results.Page, results.PageSize, hits, text.NotAsTyped(results.Notes, typeNames), ApiQueryNote.Of(results.Notes, text, typeNames: typeNames), results.DidYouMean));
    }

    private static bool TryParse(string? text, int fallback, int min, int max, out int value)
    {
        value = fallback;
        return string.IsNullOrWhiteSpace(text)
            || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
    }
}

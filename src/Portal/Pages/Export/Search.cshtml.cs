using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Export;
using KnowledgeHub.Portal.Pages.Search;
using KnowledgeHub.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Export;

/// <summary>A search's hits as a zip: the same parameters as the search page (words and typed filters, facet values, dates, archived).</summary>
public sealed class SearchModel(ExportDownloads exports) : PageModel
{
    public async Task<IActionResult> OnGetAsync(
        [FromQuery(Name = "q")] string? q,
        [FromQuery(Name = "from")] string? from = null,
        [FromQuery(Name = "to")] string? to = null,
        [FromQuery(Name = "archived")] string? archived = null)
    {
        var request = new SearchRequest
        {
            Query = q?.Trim() ?? "",
            Caller = HttpContext.GetCaller(),
            Filters = FilterBinding.Read(Request.Query, SearchFacets.Dimensions),
            From = FilterBinding.Day(from),
            To = FilterBinding.Day(to),
            Sort = SearchSort.Newest,
            IncludeArchived = archived is "1" or "true" or "on",
        };
        return ExportResults.Zip(Response, await exports.SearchAsync(request, HttpContext.RequestAborted));
    }
}

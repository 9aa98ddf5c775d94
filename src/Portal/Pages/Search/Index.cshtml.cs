using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Search;

/// <summary>Full-text search; the caller's principals filter inside the query, and each hit is checked again here.</summary>
public sealed class IndexModel(SearchService search, DocumentRepository documents, TypeLabels typeLabels) : PageModel
{
    public const int PageSize = 10;

    public string? Q { get; private set; }

    public SearchResults? Results { get; private set; }

    public IReadOnlyDictionary<string, string> TypeLabels { get; private set; } = new Dictionary<string, string>();

    /// <summary>
    /// <paramref name="page"/> comes from the query string only: Razor Pages' own "page" route value
    /// would otherwise win over <c>?page=2</c>.
    /// </summary>
    public async Task OnGetAsync([FromQuery(Name = "q")] string? q, [FromQuery(Name = "page")] int page = 1)
    {
        Q = q;
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }

        var caller = HttpContext.GetCaller();
        var token = HttpContext.RequestAborted;
        var results = search.Search(new SearchRequest
        {
            Query = Q.Trim(),
            Caller = caller,
            Page = Math.Max(1, page),
            PageSize = PageSize,
        });

        // Defence in depth: the index filtered by principals; the manifest decides.
        var readable = new List<SearchHit>(results.Hits.Count);
        foreach (var hit in results.Hits)
        {
            var manifest = await documents.GetManifestAsync(hit.DocumentId, token);
            if (manifest is not null && DocumentAccess.CanRead(manifest, caller))
            {
                readable.Add(hit);
            }
        }

        Results = results with { Hits = readable };
        TypeLabels = await typeLabels.GetAsync(token);
    }
}

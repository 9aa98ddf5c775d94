using KnowledgeHub.Portal.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>One immutable version of a document.</summary>
public sealed class VersionModel(DocumentReader reader) : PageModel
{
    public DocumentView? Document { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, int n)
    {
        Document = n < 1 ? null : await reader.ReadAsync(id, n, HttpContext.GetCaller(), HttpContext.RequestAborted);
        return Document is null ? NotFound() : Page();
    }
}

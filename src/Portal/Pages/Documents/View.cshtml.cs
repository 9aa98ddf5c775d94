using KnowledgeHub.Portal.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>A document's current version; unknown and unreadable documents are both 404.</summary>
public sealed class ViewDocumentModel(DocumentReader reader) : PageModel
{
    public DocumentView? Document { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        Document = await reader.ReadAsync(id, null, HttpContext.GetCaller(), HttpContext.RequestAborted);
        return Document is null ? NotFound() : Page();
    }
}

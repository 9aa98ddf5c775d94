using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>
/// A document at the version readers see, with its workflow panel (<see cref="DocumentPanel"/>); unknown and
/// unreadable documents are both 404.
/// </summary>
public sealed class ViewDocumentModel(DocumentReader reader, ReviewLog reviews, IOptions<DirectoryOptions> directory, TimeProvider time) : PageModel
{
    public DocumentView? Document { get; private set; }

    public DocumentPanel? Panel { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var caller = HttpContext.GetCaller();
        Document = await reader.ReadAsync(id, null, caller, HttpContext.RequestAborted);
        if (Document is null)
        {
            return NotFound();
        }

        var trail = await reviews.ReadAsync(Document.Manifest.Id, HttpContext.RequestAborted);
        Panel = DocumentPanel.Create(Document, caller, trail, directory.Value, DocumentPanels.Today(time));
        return Page();
    }
}

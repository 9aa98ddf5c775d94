using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>Every version the caller may see, newest first, with author, time, change note, review steps and the published marker.</summary>
public sealed class HistoryModel(DocumentHistory history) : PageModel
{
    /// <summary>What the caller may see of the document: the heading's title and status come from here, not the manifest.</summary>
    public ReaderView? Document { get; private set; }

    public IReadOnlyList<VersionHistoryEntry> Versions { get; private set; } = [];

    /// <summary>Editors may restore an old version (not on an archived document: it is read-only).</summary>
    public bool CanRestore { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await history.GetHistoryViewAsync(id, HttpContext.GetCaller(), HttpContext.RequestAborted) is not { } view)
        {
            return NotFound();
        }

        (Document, Versions, CanRestore) = (view.Document, view.Versions, view.CanRestore);
        return Page();
    }
}

using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>Every version the caller may see, newest first, with author, time, change note, review steps and the published marker.</summary>
public sealed class HistoryModel(DocumentHistory history, DocumentRepository documents) : PageModel
{
    public DocumentManifest? Manifest { get; private set; }

    public IReadOnlyList<VersionHistoryEntry> Versions { get; private set; } = [];

    /// <summary>Editors may restore an old version (not on an archived document: it is read-only).</summary>
    public bool CanRestore { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var caller = HttpContext.GetCaller();
        if (await history.GetHistoryAsync(id, caller, HttpContext.RequestAborted) is not { } versions
            || await documents.GetManifestAsync(id, HttpContext.RequestAborted) is not { } manifest)
        {
            return NotFound();
        }

        (Manifest, Versions, CanRestore) = (manifest, versions, DocumentAccess.CanEdit(manifest, caller));
        return Page();
    }
}

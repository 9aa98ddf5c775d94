using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Following;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Outage;
using KnowledgeHub.Portal.Workflow;
using KnowledgeHub.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>
/// A document at the version readers see, with its workflow panel (<see cref="DocumentPanel"/>); unknown and
/// unreadable documents are both 404. While storage is unreachable, a document no cache holds is answered from the
/// search index (<see cref="FromIndex"/>, read with the caller's principals as every search is); one the index does
/// not show this caller stays a 503, so an outage never tells whether a document exists.
/// </summary>
public sealed class ViewDocumentModel(
    DocumentReader reader, ReviewLog reviews, IndexedDocuments indexed, CommitFollowUp audit, IOptions<DirectoryOptions> directory, TimeProvider time) : PageModel
{
    public DocumentView? Document { get; private set; }

    public DocumentPanel? Panel { get; private set; }

    /// <summary>The document as the index holds it, when storage could not give it back.</summary>
    public IndexedDocument? FromIndex { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var caller = HttpContext.GetCaller();
        try
        {
            Document = await reader.ReadAsync(id, null, caller, HttpContext.RequestAborted);
            if (Document is null)
            {
                return NotFound();
            }

            var trail = await reviews.ReadAsync(Document.Manifest.Id, HttpContext.RequestAborted);
            Panel = DocumentPanel.Create(Document, caller, trail, directory.Value, DocumentPanels.Today(time));
            return Page();
        }
        catch (Exception exception) when (StorageFaults.IsStorageOutage(exception) && indexed.Find(id, caller) is { } found)
        {
            // The reader audits the views it answers; one that failed after that (the review trail) is not audited twice.
            var audited = Document is not null;
            (Document, Panel, FromIndex) = (null, null, found);
            if (!audited)
            {
                await audit.AuditAsync(caller, AuditActions.View, found.Id, null, AuditActions.Allowed);
            }

            return Page();
        }
    }
}

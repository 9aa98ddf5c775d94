using KnowledgeHub.Documents;
using KnowledgeHub.Documents.UseCases;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>
/// Downloads an attachment: <c>Content-Disposition: attachment</c> with an RFC 6266 <c>filename*</c>, the content type
/// the server decided from the bytes, nosniff, not cached. Unreadable is 404; Restricted without a grant is 403. Audited.
/// </summary>
public sealed class AttachmentsDownloadModel(AttachmentFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string id, string name)
    {
        switch (await files.OpenAsync(id, name, AttachmentUse.Download, HttpContext.GetCaller(), HttpContext.RequestAborted))
        {
            case AttachmentFile.Found found:
                AttachmentHeaders.Apply(Response, ContentDispositionHeader.ForAttachment(found.Content.Info.Name));
                return File(found.Content.OpenRead(), found.Content.ContentType);
            case AttachmentFile.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }
}

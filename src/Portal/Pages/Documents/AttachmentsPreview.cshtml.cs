using KnowledgeHub.Documents;
using KnowledgeHub.Documents.UseCases;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Security;
using KnowledgeHub.Portal.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>
/// The bytes of an image or PDF for the preview frame: <c>Content-Disposition: inline</c> and a sandboxing
/// Content-Security-Policy (<see cref="AttachmentHeaders.PreviewPolicy"/>); only this site may frame it. Other
/// types have no preview (404). The same access rules and audit as a download.
/// </summary>
[AllowSameOriginFraming]
public sealed class AttachmentsPreviewModel(AttachmentFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string id, string name)
    {
        switch (await files.OpenAsync(id, name, AttachmentUse.Preview, HttpContext.GetCaller(), HttpContext.RequestAborted))
        {
            case AttachmentFile.Found found:
                AttachmentHeaders.Apply(Response, ContentDispositionHeader.ForInline(found.Content.Info.Name));
                Response.Headers.ContentSecurityPolicy = AttachmentHeaders.PreviewPolicy;
                return File(found.Content.OpenRead(), found.Content.ContentType);
            case AttachmentFile.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }
}

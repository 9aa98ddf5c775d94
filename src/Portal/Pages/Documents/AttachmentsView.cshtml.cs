using KnowledgeHub.Documents;
using KnowledgeHub.Documents.UseCases;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>The preview page: an image or PDF attachment in a sandboxed frame, with a download link.</summary>
public sealed class AttachmentsViewModel(AttachmentFiles files) : PageModel
{
    public AttachmentInfo? Attachment { get; private set; }

    public string DocumentId { get; private set; } = "";

    public string DocumentTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, string name)
    {
        var caller = HttpContext.GetCaller();
        if (await files.GetReadableAsync(id, caller, HttpContext.RequestAborted) is not { } manifest)
        {
            return NotFound();
        }

        if (!AccessRules.CanDownload(manifest, caller))
        {
            return Forbid();
        }

        Attachment = manifest.Attachments.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
        if (Attachment?.Kind is not { } kind || !AttachmentTypes.CanPreviewInline(kind))
        {
            return NotFound();
        }

        (DocumentId, DocumentTitle) = (manifest.Id, manifest.Title);
        return Page();
    }
}

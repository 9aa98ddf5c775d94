using KnowledgeHub.Documents;
using KnowledgeHub.Documents.UseCases;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Security;
using KnowledgeHub.Portal.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>
/// The PDF viewer framed by the preview page: PDF.js (vendored under <c>/lib/pdfjs</c>) draws each page into a canvas,
/// with a text layer, from the bytes of <c>/Preview</c>. The PDF never reaches the browser's own viewer and no script
/// of the PDF runs (PDF.js runs no document script; eval is off). The page's policy is a sandbox (no forms, popups,
/// top navigation or plugins) and allows only this site's scripts, worker and fetches.
/// </summary>
[AllowSameOriginFraming]
public sealed class AttachmentsPreviewPdfModel(AttachmentFiles files) : PageModel
{
    /// <summary>
    /// <c>sandbox allow-scripts allow-same-origin</c>: PDF.js needs script and this origin (its worker and the fetch of
    /// the file); everything else a sandbox forbids stays forbidden. Nothing but this site's files may load.
    /// </summary>
    public const string ViewerPolicy =
        "sandbox allow-scripts allow-same-origin; default-src 'none'; script-src 'self'; worker-src 'self'; connect-src 'self'; " +
        "img-src 'self' data: blob:; font-src 'self' data: blob:; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    public string FileUrl { get; private set; } = "";

    public string FileName { get; private set; } = "";

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

        var attachment = manifest.Attachments.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
        if (attachment?.Kind is not AttachmentKind.Pdf)
        {
            return NotFound();
        }

        (FileUrl, FileName) = (WorkflowLinks.AttachmentPreview(manifest.Id, attachment.Name), attachment.Name);
        Response.Headers.ContentSecurityPolicy = ViewerPolicy;
        Response.Headers.CacheControl = "private, no-store";
        return Page();
    }
}

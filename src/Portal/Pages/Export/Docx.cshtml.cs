using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Export;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Export;

/// <summary>One document as a Word file (the version the caller sees); 404 unreadable, 403 Restricted without a grant.</summary>
public sealed class DocxModel(SingleDocumentExport exports) : PageModel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<IActionResult> OnGetAsync(string id)
    {
        switch (await exports.OpenAsync(id, HttpContext.GetCaller(), HttpContext.RequestAborted))
        {
            case SingleExport.Ready ready:
                var bytes = DocxExporter.Write(ready.Version.Title, ready.Version.Markdown);
                Response.Headers.ContentDisposition = ContentDispositionHeader.ForAttachment(DownloadFileName.FileName(ready.Version.Title) + ".docx", ready.Manifest.Id + ".docx");
                Response.Headers.CacheControl = "private, no-store";
                Response.Headers.XContentTypeOptions = "nosniff";
                return File(bytes, ContentType);
            case SingleExport.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }
}

using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>The document's text as a Markdown file; unreadable is 404, Restricted without a download grant is 403.</summary>
public sealed class DownloadModel(DocumentDownloads downloads) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string id)
    {
        switch (await downloads.GetAsync(id, HttpContext.GetCaller(), HttpContext.RequestAborted))
        {
            case DownloadResult.File file:
                Response.Headers.ContentDisposition = file.ContentDisposition;
                Response.Headers.XContentTypeOptions = "nosniff";
                Response.Headers.CacheControl = "private, no-store";
                return File(file.Content, DocumentDownloads.ContentType);
            case DownloadResult.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }
}

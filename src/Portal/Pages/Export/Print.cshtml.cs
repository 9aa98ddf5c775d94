using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Export;

/// <summary>One document as a printable page: the sanitized rendering with its metadata, print CSS, no navigation.</summary>
public sealed class PrintModel(SingleDocumentExport exports, MarkdownRenderer markdown) : PageModel
{
    public DocumentManifest? Manifest { get; private set; }

    public DocumentVersion? Version { get; private set; }

    public string Html { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id)
    {
        switch (await exports.OpenAsync(id, HttpContext.GetCaller(), HttpContext.RequestAborted))
        {
            case SingleExport.Ready ready:
                (Manifest, Version) = (ready.Manifest, ready.Version);
                Html = markdown.ToHtml(ready.Version.Markdown);
                Response.Headers.CacheControl = "private, no-store";
                return Page();
            case SingleExport.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }
}

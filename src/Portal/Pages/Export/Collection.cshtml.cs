using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Export;

/// <summary>A collection as a zip of Markdown, attachments and manifest.json: what the caller may take away.</summary>
public sealed class CollectionModel(ExportDownloads exports) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return BadRequest("Name the collection to export: /Export/Collection?name=…");
        }

        var file = await exports.CollectionAsync(name.Trim(), HttpContext.GetCaller(), HttpContext.RequestAborted);
        return ExportResults.Zip(Response, file);
    }
}

/// <summary>How an export zip is answered: an attachment named after the scope, not cached, with the counts in headers.</summary>
internal static class ExportResults
{
    public static FileStreamResult Zip(HttpResponse response, ExportFile file)
    {
        response.Headers.ContentDisposition = ContentDispositionHeader.ForAttachment(file.FileName);
        response.Headers.CacheControl = "private, no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["X-Export-Count"] = file.Summary.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["X-Export-Left-Out"] = file.Summary.LeftOut.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new FileStreamResult(file.Content, "application/zip");
    }
}

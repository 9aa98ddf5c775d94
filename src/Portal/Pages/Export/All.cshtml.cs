using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Export;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Export;

/// <summary>The whole store as a zip, for admins; anyone else gets 403 (audited).</summary>
public sealed class AllModel(ExportDownloads exports, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var caller = HttpContext.GetCaller();
        if (!caller.IsInRole(AppRoles.Admin))
        {
            await audit.RecordAsync(caller, DocumentExporter.AuditAction, null, null, AuditActions.Denied, HttpContext.RequestAborted);
            return Forbid();
        }

        return ExportResults.Zip(Response, await exports.EverythingAsync(caller, HttpContext.RequestAborted));
    }
}

using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Localization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeHub.Portal.Pages.Admin.Audit;

/// <summary>
/// The filtered audit entries as CSV (newest first; days of the viewer's time zone as on the page, times in UTC for
/// machines); the export itself is audited "audit-export".
/// </summary>
public sealed class ExportModel(AuditBrowser browser, AuditLog audit, PortalTime time, TimeProvider clock) : ReadOnlyPageModel
{
    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var caller = HttpContext.GetCaller();
        if (!caller.IsInRole(AppRoles.Admin))
        {
            await audit.RecordAsync(caller, AuditActions.AuditExport, null, null, AuditActions.Denied, HttpContext.RequestAborted);
            return Forbid();
        }

        var query = Filter.ToQuery(time, clock);
        if (query.RangeError is not null)
        {
            return BadRequest();
        }

        var entries = await browser.FindAsync(query, HttpContext.RequestAborted);
        await audit.RecordAsync(caller, AuditActions.AuditExport, null, null, AuditActions.Allowed, HttpContext.RequestAborted);
        var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"audit-{query.From:yyyyMMdd}-{query.To:yyyyMMdd}.csv");
        Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(AuditCsv.Write(entries), AuditCsv.ContentType);
    }
}

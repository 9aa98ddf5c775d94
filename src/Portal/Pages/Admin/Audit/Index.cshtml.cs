using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Localization;
using KnowledgeHub.Portal.People;
using KnowledgeHub.Portal.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KnowledgeHub.Portal.Pages.Admin.Audit;

/// <summary>
/// Admins browse the audit log: a range of days in their time zone, user, action, document, outcome; newest first, paged. Read only:
/// the page has no handler that writes, and POST, PUT and DELETE answer 405.
/// </summary>
public sealed class IndexModel(
    AuditBrowser browser, AuditLog audit, PortalTime time, TimeProvider clock, DocumentRepository documents, PeopleNames people, IStringLocalizer<AuditText> text)
    : ReadOnlyPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    public AuditQuery? Query { get; private set; }

    public AuditPage? Results { get; private set; }

    /// <summary>Users' names and the titles of the documents the viewer may read, for the entries shown.</summary>
    public AuditNames Names { get; private set; } = AuditNames.None;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page = 1)
    {
        var caller = HttpContext.GetCaller();
        if (!caller.IsInRole(AppRoles.Admin))
        {
            await audit.RecordAsync(caller, AuditActions.AuditView, null, null, AuditActions.Denied, HttpContext.RequestAborted);
            return Forbid();
        }

        Query = Filter.ToQuery(time, clock);
        if (Query.RangeError is not null)
        {
            var error = Query.To < Query.From ? text["EndBeforeStart"] : text["TooManyDays", AuditQuery.MaxDays];
            ModelState.AddModelError($"{nameof(Filter)}.{nameof(Filter.To)}", error);
            return Page();
        }

        Results = await browser.PageAsync(Query, page, PageSize, HttpContext.RequestAborted);
        Names = await AuditNames.ForAsync(Results.Entries, caller, documents, people, HttpContext.RequestAborted);
        return Page();
    }
}

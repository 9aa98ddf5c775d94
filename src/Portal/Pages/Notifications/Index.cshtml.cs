using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Pages.Notifications;

/// <summary>The signed-in user's notifications, newest first, the unseen ones marked; "mark all as read" empties the bell.</summary>
public sealed class IndexModel(Inbox inbox, NotificationComposer composer, TimeProvider time, IOptions<PortalSiteOptions> site) : PageModel
{
    public InboxPage? Inbox { get; private set; }

    public string Sentence(Notification notification) => composer.Sentence(notification);

    /// <summary>When it happened, in the portal's time zone.</summary>
    public DateTime Local(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, site.Value.Zone).DateTime;

    public async Task OnGetAsync() =>
        Inbox = await inbox.ReadAsync(HttpContext.GetCaller().ObjectId, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostReadAsync()
    {
        await inbox.MarkReadAsync(HttpContext.GetCaller().ObjectId, time.GetUtcNow(), HttpContext.RequestAborted);
        return RedirectToPage();
    }
}

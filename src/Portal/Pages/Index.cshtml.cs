using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Dashboard;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages;

/// <summary>
/// Home: a search box, the review queues and newest documents (<see cref="HomeView"/>), and the dashboard
/// (<see cref="DashboardView"/>): my action items and recent lessons, then the team view — all over what the caller may read.
/// </summary>
public sealed class IndexModel(HomeView home, DashboardView dashboard, TemplateCatalog templates) : PageModel
{
    private Dictionary<string, string> _labels = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<DocumentManifest> Recent { get; private set; } = [];

    public bool CanCreate { get; private set; }

    /// <summary>Awaiting my review, my drafts, changes requested (<see cref="ReviewQueries"/>).</summary>
    public ReviewQueues Queues { get; private set; } = new([], [], []);

    public DashboardData? Dashboard { get; private set; }

    /// <summary>The type's name in the page's language.</summary>
    public string TypeLabel(string type) => _labels.GetValueOrDefault(type, type);

    public async Task OnGetAsync()
    {
        var caller = HttpContext.GetCaller();
        var token = HttpContext.RequestAborted;
        CanCreate = DocumentAccess.CanCreate(caller);
        var lists = await home.GetAsync(caller, token);
        (Recent, Queues) = (lists.Recent, lists.Queues);
        Dashboard = await dashboard.GetAsync(caller, token);
        _labels = (await templates.ListAsync(token)).ToDictionary(t => t.Key, DashboardView.TypeName, StringComparer.OrdinalIgnoreCase);
    }
}

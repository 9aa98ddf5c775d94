using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages;

/// <summary>Home: a search box, the newest documents the caller may read and the review queues (<see cref="HomeView"/>).</summary>
public sealed class IndexModel(HomeView home, TypeLabels typeLabels) : PageModel
{
    private IReadOnlyDictionary<string, string> _labels = new Dictionary<string, string>();

    public IReadOnlyList<DocumentManifest> Recent { get; private set; } = [];

    public bool CanCreate { get; private set; }

    /// <summary>Awaiting my review, my drafts, changes requested (<see cref="ReviewQueries"/>).</summary>
    public ReviewQueues Queues { get; private set; } = new([], [], []);

    public string TypeLabel(string type) => _labels.GetValueOrDefault(type, type);

    public async Task OnGetAsync()
    {
        var caller = HttpContext.GetCaller();
        var token = HttpContext.RequestAborted;
        CanCreate = DocumentAccess.CanCreate(caller);
        var lists = await home.GetAsync(caller, token);
        (Recent, Queues) = (lists.Recent, lists.Queues);
        _labels = await typeLabels.GetAsync(token);
    }
}

using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages;

/// <summary>
/// Home: a search box and the newest documents the caller may read (never Restricted ones: not in feeds), from the
/// in-memory <see cref="ManifestCatalog"/> rather than a read of every manifest per visit.
/// </summary>
public sealed class IndexModel(ManifestCatalog catalog, TypeLabels typeLabels) : PageModel
{
    public const int RecentCount = 10;

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
        var manifests = await catalog.GetAsync(token);
        Recent = manifests
            .Where(m => DocumentAccess.CanRead(m, caller) && AccessRules.ShowInFeeds(m))
            .OrderByDescending(m => m.UpdatedUtc)
            .Take(RecentCount)
            .ToList();
        Queues = ReviewQueries.From(manifests, caller);
        _labels = await typeLabels.GetAsync(token);
    }
}

using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages;

/// <summary>Home: a search box and the newest documents the caller may read.</summary>
public sealed class IndexModel(DocumentRepository documents, TypeLabels typeLabels) : PageModel
{
    public const int RecentCount = 10;

    private IReadOnlyDictionary<string, string> _labels = new Dictionary<string, string>();

    public IReadOnlyList<DocumentManifest> Recent { get; private set; } = [];

    public bool CanCreate { get; private set; }

    public string TypeLabel(string type) => _labels.GetValueOrDefault(type, type);

    public async Task OnGetAsync()
    {
        var caller = HttpContext.GetCaller();
        var token = HttpContext.RequestAborted;
        CanCreate = DocumentAccess.CanCreate(caller);
        var readable = new List<DocumentManifest>();
        await foreach (var manifest in documents.ListAsync(token))
        {
            if (DocumentAccess.CanRead(manifest, caller))
            {
                readable.Add(manifest);
            }
        }

        Recent = readable.OrderByDescending(m => m.UpdatedUtc).Take(RecentCount).ToList();
        _labels = await typeLabels.GetAsync(token);
    }
}

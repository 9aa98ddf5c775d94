using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Following;
using KnowledgeHub.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Admin.Index;

/// <summary>
/// The search index for admins (the /Admin folder needs the Admin role): its state, the follower's last round, a
/// running rebuild's progress, and every document indexed degraded or skipped with its version and reason.
/// "Rebuild" asks the follower to rebuild in the background; the page never does index work itself.
/// </summary>
public sealed class IndexModel(LuceneIndex index, IndexSynchronizer synchronizer, ChangeFollower follower, IndexProblems problems) : PageModel
{
    public int Documents { get; private set; }

    public string Checkpoint { get; private set; } = "";

    public IndexOpenState Opened { get; private set; }

    public FollowerState Follower { get; private set; } = new(null, null, null, null);

    public RebuildProgress? Rebuild { get; private set; }

    public IReadOnlyList<IndexProblem> Problems { get; private set; } = [];

    public bool RebuildRequested { get; private set; }

    public void OnGet(bool rebuild = false)
    {
        RebuildRequested = rebuild;
        Documents = index.DocumentCount;
        Checkpoint = index.Checkpoint?.Value ?? "";
        Opened = index.OpenState;
        Follower = follower.State;
        Rebuild = synchronizer.Rebuild;
        Problems = problems.List();
    }

    public IActionResult OnPostRebuild()
    {
        index.MarkNeedsRebuild();
        follower.Wake();
        return RedirectToPage(new { rebuild = true });
    }
}

using KnowledgeHub.Documents;
using KnowledgeHub.Documents.UseCases;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Components;
using KnowledgeHub.Portal.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>
/// The workflow steps: submit for review, approve or request changes, archive and restore. Done: back to the
/// document with a message. Refused: this page with the sentence (and the missing items), the form again, and
/// the status — 400 invalid, 403 not allowed, 409 wrong state or not conformant; unknown or unreadable is 404.
/// </summary>
public sealed class ReviewModel(WorkflowActions actions, DocumentPanels panels) : PageModel
{
    [BindProperty]
    public List<string> Reviewers { get; set; } = [];

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public ReviewDecision? Decision { get; set; }

    public string? Error { get; private set; }

    public IReadOnlyList<ConformanceProblem> Problems { get; private set; } = [];

    public DocumentView? Document { get; private set; }

    public DocumentPanel? Panel { get; private set; }

    public IActionResult OnGet(string id) => Redirect(DocumentLinks.View(id));

    public Task<IActionResult> OnPostSubmitAsync(string id) =>
        AnswerAsync(id, actions.SubmitAsync(id, Reviewers, Comment, HttpContext.GetCaller(), HttpContext.RequestAborted),
            "已提交审阅。Submitted for review.");

    public Task<IActionResult> OnPostDecideAsync(string id) =>
        AnswerAsync(id, actions.DecideAsync(id, Decision ?? default, Comment, HttpContext.GetCaller(), HttpContext.RequestAborted),
            Decision == ReviewDecision.RequestChanges ? "已退回修改，作者会看到您的意见。Changes requested: the author sees your comment." : "已批准并发布。Approved and published.");

    public Task<IActionResult> OnPostArchiveAsync(string id) =>
        AnswerAsync(id, actions.ArchiveAsync(id, HttpContext.GetCaller(), HttpContext.RequestAborted),
            "已归档，文档现在只读。Archived: the document is now read-only.");

    public Task<IActionResult> OnPostUnarchiveAsync(string id) =>
        AnswerAsync(id, actions.RestoreFromArchiveAsync(id, HttpContext.GetCaller(), HttpContext.RequestAborted),
            "已从归档恢复。Restored from the archive.");

    private async Task<IActionResult> AnswerAsync(string id, Task<WorkflowResult> step, string done)
    {
        var result = await step;
        if (result is WorkflowResult.Done finished)
        {
            TempData["WorkflowMessage"] = done;
            return Redirect(DocumentLinks.View(finished.Manifest.Id));
        }

        return await RefuseAsync(id, result);
    }

    private async Task<IActionResult> RefuseAsync(string id, WorkflowResult result)
    {
        if (result is WorkflowResult.NotFound)
        {
            return NotFound();
        }

        Error = result.Message;
        Problems = result is WorkflowResult.NotConformant refused ? refused.Report.Problems : [];
        if (await panels.LoadAsync(id, HttpContext.GetCaller(), HttpContext.RequestAborted) is var (view, panel))
        {
            Document = view;
            Panel = panel with
            {
                Comment = Comment,
                Reviewers = [.. panel.Reviewers.Select(r => r with { Selected = Reviewers.Contains(r.Principal, StringComparer.OrdinalIgnoreCase) })],
            };
        }

        Response.StatusCode = WorkflowStatus.Of(result);
        return Page();
    }
}

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
public sealed class ReviewModel(WorkflowActions actions, DocumentPanels panels, KnowledgeHub.Portal.Localization.DomainMessages messages, Microsoft.Extensions.Localization.IStringLocalizer<KnowledgeHub.Portal.Resources.ReviewText> text) : PageModel
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
            "Submitted");

    public Task<IActionResult> OnPostDecideAsync(string id) =>
        AnswerAsync(id, actions.DecideAsync(id, Decision ?? default, Comment, HttpContext.GetCaller(), HttpContext.RequestAborted),
            Decision == ReviewDecision.RequestChanges ? "ChangesRequestedDone" : "Approved");

    public Task<IActionResult> OnPostArchiveAsync(string id) =>
        AnswerAsync(id, actions.ArchiveAsync(id, HttpContext.GetCaller(), HttpContext.RequestAborted),
            "Archived");

    public Task<IActionResult> OnPostUnarchiveAsync(string id) =>
        AnswerAsync(id, actions.RestoreFromArchiveAsync(id, HttpContext.GetCaller(), HttpContext.RequestAborted),
            "Unarchived");

    /// <summary>Done: back to the document with the ReviewText message <paramref name="done"/>; refused: this page.</summary>
    private async Task<IActionResult> AnswerAsync(string id, Task<WorkflowResult> step, string done)
    {
        var result = await step;
        if (result is WorkflowResult.Done finished)
        {
            TempData["WorkflowMessage"] = text[done].Value;
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

        Error = messages.Refusal(result);
        Problems = result is WorkflowResult.NotConformant refused ? [.. refused.Report.Problems.Select(p => p with { Message = messages.Problem(p) })] : [];
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

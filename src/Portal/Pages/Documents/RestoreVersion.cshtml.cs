using KnowledgeHub.Documents;
using KnowledgeHub.Documents.UseCases;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>
/// Restores an old version as a new one (editors; POST only, from the history and version pages). Done: to the
/// history with a message. Refused: the sentence with 400, 403 or 409; unknown or unreadable is 404.
/// </summary>
public sealed class RestoreVersionModel(WorkflowActions actions, KnowledgeHub.Portal.Localization.DomainMessages messages, Microsoft.Extensions.Localization.IStringLocalizer<KnowledgeHub.Portal.Resources.DocumentText> text) : PageModel
{
    public string? Error { get; private set; }

    public string DocumentId { get; private set; } = "";

    public IActionResult OnGet(string id, int n) => Redirect(WorkflowLinks.History(id));

    public async Task<IActionResult> OnPostAsync(string id, int n)
    {
        var result = await actions.RestoreVersionAsync(id, n, HttpContext.GetCaller(), HttpContext.RequestAborted);
        switch (result)
        {
            case WorkflowResult.Done done:
                TempData["WorkflowMessage"] = text["RestoredAs", n, done.Manifest.CurrentVersion].Value;
                return Redirect(WorkflowLinks.History(done.Manifest.Id));
            case WorkflowResult.NotFound:
                return NotFound();
            default:
                (Error, DocumentId) = (messages.Refusal(result), id);
                Response.StatusCode = WorkflowStatus.Of(result);
                return Page();
        }
    }
}

using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Components;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>Edit against a base version; a stale base is a 409 page with both texts, never a silent overwrite.</summary>
public sealed class EditModel(DocumentReader reader, DocumentWriter writer) : PageModel
{
    [BindProperty]
    public EditDocumentForm Form { get; set; } = new();

    public DocumentManifest? Manifest { get; private set; }

    public SaveResult.Conflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var target = await reader.OpenForEditAsync(id, HttpContext.GetCaller(), HttpContext.RequestAborted);
        if (target.Access != EditAccess.Allowed)
        {
            return Refuse(target.Access);
        }

        Manifest = target.Manifest;
        Form = new EditDocumentForm
        {
            Title = target.Current!.Title,
            Markdown = target.Current.Markdown,
            BaseVersion = target.Current.Number,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var caller = HttpContext.GetCaller();
        var target = await reader.OpenForEditAsync(id, caller, HttpContext.RequestAborted);
        if (target.Access != EditAccess.Allowed)
        {
            return Refuse(target.Access);
        }

        Manifest = target.Manifest;
        FormRules.CheckTitle(ModelState, $"{nameof(Form)}.{nameof(Form.Title)}", Form.Title);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var edit = new DocumentEdit
        {
            Id = Manifest!.Id,
            BaseVersion = Form.BaseVersion,
            Title = Form.Title!.Trim(),
            Markdown = Form.Markdown ?? "",
            ChangeNote = Form.ChangeNote?.Trim() ?? "",
        };
        switch (await writer.SaveAsync(edit, caller, HttpContext.RequestAborted))
        {
            case SaveResult.Saved saved:
                return Redirect(DocumentLinks.View(saved.Manifest.Id));
            case SaveResult.Conflict conflict:
                Conflict = conflict;
                Manifest = conflict.Manifest;

                // Re-saving from this page deliberately replaces their version: the base becomes theirs.
                ModelState.Remove($"{nameof(Form)}.{nameof(Form.BaseVersion)}");
                Form.BaseVersion = conflict.Current.Number;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                return NotFound();
        }
    }

    private IActionResult Refuse(EditAccess access) => access == EditAccess.Forbidden ? Forbid() : NotFound();
}

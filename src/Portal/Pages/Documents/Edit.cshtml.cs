using KnowledgeHub.Documents;
using KnowledgeHub.Documents.UseCases;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Components;
using KnowledgeHub.Portal.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>
/// Edit against a base version, with the template's fields and the live template check (saving is never refused for
/// it). A stale base is a 409 page with both texts, the differences and, when the changes do not overlap, a proposed
/// merge to check — never a silent overwrite.
/// </summary>
public sealed class EditModel(DocumentReader reader, DocumentWriter writer, TemplateCatalog templates, DocumentRepository documents, KnowledgeHub.Portal.Localization.DomainMessages messages) : PageModel
{
    [BindProperty]
    public EditDocumentForm Form { get; set; } = new();

    /// <summary>Template field key → value.</summary>
    [BindProperty]
    public Dictionary<string, string?> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public DocumentManifest? Manifest { get; private set; }

    public SaveResult.Conflict? Conflict { get; private set; }

    public MergeView? Merge { get; private set; }

    public DocumentTemplate? Template { get; private set; }

    public ConformanceReport? Conformance { get; private set; }

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
        Fields = target.Current.Metadata.ToDictionary(f => f.Key, f => (string?)f.Value, StringComparer.OrdinalIgnoreCase);
        await CheckAsync(target.Current.Metadata);
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
        Template = await templates.GetAsync(Manifest!.Type, HttpContext.RequestAborted);
        var metadata = TemplateFields.Merge(target.Current!.Metadata, Template, Fields);
        Form.Title = Form.Title is null ? null : DocumentRules.NormalizeTitle(Form.Title);
        FormRules.CheckTitle(ModelState, $"{nameof(Form)}.{nameof(Form.Title)}", Form.Title, messages);
        if (!ModelState.IsValid)
        {
            await CheckAsync(metadata);
            return Page();
        }

        var edit = new DocumentEdit
        {
            Id = Manifest!.Id,
            BaseVersion = Form.BaseVersion,
            Title = Form.Title!.Trim(),
            Markdown = Form.Markdown ?? "",
            Metadata = metadata,
            ChangeNote = Form.ChangeNote?.Trim() ?? "",
        };
        switch (await writer.SaveAsync(edit, caller, HttpContext.RequestAborted))
        {
            case SaveResult.Saved saved:
                return Redirect(DocumentLinks.View(saved.Manifest.Id));
            case SaveResult.Conflict conflict:
                Conflict = conflict;
                Manifest = conflict.Manifest;

                // Re-saving from this page deliberately replaces their version: the base becomes theirs. When the two
                // edits touch different lines, the box holds the proposed merge instead of the user's text (shown too).
                var baseText = (await documents.GetVersionAsync(edit.Id, edit.BaseVersion, HttpContext.RequestAborted))?.Markdown ?? conflict.Current.Markdown;
                Merge = ConflictMerge.Prepare(baseText, conflict.Current.Markdown, edit.Markdown.ReplaceLineEndings("\n")); // stored text has \n; browsers post \r\n
                ModelState.Remove($"{nameof(Form)}.{nameof(Form.BaseVersion)}");
                ModelState.Remove($"{nameof(Form)}.{nameof(Form.Markdown)}");
                Form.BaseVersion = conflict.Current.Number;
                Form.Markdown = Merge.ProposedMerge ?? edit.Markdown;
                await CheckAsync(metadata);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                return NotFound();
        }
    }

    private IActionResult Refuse(EditAccess access) => access == EditAccess.Forbidden ? Forbid() : NotFound();

    /// <summary>The template's fields and the template check of what the form holds now (none for a type without a template).</summary>
    private async Task CheckAsync(IReadOnlyDictionary<string, string> metadata)
    {
        Template ??= await templates.GetAsync(Manifest!.Type, HttpContext.RequestAborted);
        Conformance = Template is null ? null : TemplateConformance.Check(Template, Form.Title ?? "", metadata, Form.Markdown ?? "");
    }
}

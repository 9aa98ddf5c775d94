using KnowledgeHub.Documents;
using KnowledgeHub.Documents.UseCases;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Components;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>New document: choose a template, fill the form, create (with its collection's access defaults), redirect to the document.</summary>
public sealed class NewModel(TemplateCatalog templates, DocumentWriter writer, CollectionCatalog collections, KnowledgeHub.Portal.Localization.DomainMessages messages) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    [BindProperty]
    public NewDocumentForm Form { get; set; } = new();

    public IReadOnlyList<DocumentTemplate> Templates { get; private set; } = [];

    public DocumentTemplate? Template { get; private set; }

    /// <summary>The template check of what the form holds (creating a draft is never refused for it).</summary>
    public ConformanceReport? Conformance { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!DocumentAccess.CanCreate(HttpContext.GetCaller()))
        {
            await writer.RecordDeniedAsync(AuditActions.Create, null, HttpContext.GetCaller(), HttpContext.RequestAborted);
            return Forbid();
        }

        if (string.IsNullOrEmpty(Type))
        {
            Templates = await templates.ListAsync(HttpContext.RequestAborted);
            return Page();
        }

        Template = await templates.GetAsync(Type, HttpContext.RequestAborted);
        if (Template is null)
        {
            return NotFound();
        }

        Form = new NewDocumentForm { Markdown = Template.Markdown };
        Conformance = TemplateConformance.Check(Template, "", FieldValues(Template, Form), Form.Markdown);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var caller = HttpContext.GetCaller();
        if (!DocumentAccess.CanCreate(caller))
        {
            await writer.RecordDeniedAsync(AuditActions.Create, null, caller, HttpContext.RequestAborted);
            return Forbid();
        }

        Template = string.IsNullOrEmpty(Type) ? null : await templates.GetAsync(Type, HttpContext.RequestAborted);
        if (Template is null)
        {
            return NotFound();
        }

        Form.Title = Form.Title is null ? null : DocumentRules.NormalizeTitle(Form.Title);
        FormRules.CheckTitle(ModelState, $"{nameof(Form)}.{nameof(Form.Title)}", Form.Title, messages);
        if (!ModelState.IsValid)
        {
            Conformance = TemplateConformance.Check(Template, Form.Title ?? "", FieldValues(Template, Form), Form.Markdown ?? "");
            return Page();
        }

        var manifest = await writer.CreateAsync(
            collections.Apply(new NewDocument
            {
                Type = Template.Key,
                Title = Form.Title!.Trim(),
                Markdown = Form.Markdown ?? "",
                Metadata = FieldValues(Template, Form),
                Tags = NewDocumentForm.SplitTags(Form.Tags),
                Collection = Template.DefaultCollection,
                Confidentiality = Template.DefaultConfidentiality,
            }),
            caller,
            HttpContext.RequestAborted);
        return Redirect(DocumentLinks.View(manifest.Id));
    }

    /// <summary>The template's fields that were filled in; other posted keys are ignored.</summary>
    private static Dictionary<string, string> FieldValues(DocumentTemplate template, NewDocumentForm form)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in template.RequiredFields)
        {
            if (form.Fields.TryGetValue(field.Key, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                values[field.Key] = value.Trim();
            }
        }

        return values;
    }
}

using System.ComponentModel.DataAnnotations;
using KnowledgeHub.Documents;
using KnowledgeHub.Documents.UseCases;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Components;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>The access form: confidentiality, and readers and editors one per line.</summary>
public sealed class AccessForm
{
    [Display(Name = "Confidentiality")]
    public Confidentiality Confidentiality { get; set; }

    [Display(Name = "Readers")]
    public string? Readers { get; set; }

    [Display(Name = "Editors")]
    public string? Editors { get; set; }
}

/// <summary>Who may read and edit a document: owners, editors and Admins change it; readers get 403, others 404.</summary>
public sealed class AccessModel(DocumentAccessManager access, PrincipalDirectory directory, KnowledgeHub.Portal.Localization.DomainMessages messages) : PageModel
{
    [BindProperty]
    public AccessForm Form { get; set; } = new();

    public DocumentManifest? Manifest { get; private set; }

    public IReadOnlyList<KnownPrincipal> Known => directory.Known();

    [TempData]
    public string? Saved { get; set; }

    public string DisplayName(string principal) => directory.DisplayName(principal);

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var target = await access.OpenAsync(id, HttpContext.GetCaller(), HttpContext.RequestAborted);
        if (target.Outcome != AccessOutcome.Allowed)
        {
            return Refuse(target.Outcome);
        }

        Manifest = target.Manifest!;
        Form = new AccessForm
        {
            Confidentiality = Manifest.Confidentiality,
            Readers = string.Join('\n', Manifest.Readers.Select(directory.ToInput)),
            Editors = string.Join('\n', Manifest.Editors.Select(directory.ToInput)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var caller = HttpContext.GetCaller();
        var target = await access.OpenAsync(id, caller, HttpContext.RequestAborted);
        if (target.Outcome != AccessOutcome.Allowed)
        {
            return Refuse(target.Outcome);
        }

        Manifest = target.Manifest!;
        var readers = Check(nameof(AccessForm.Readers), Form.Readers);
        var editors = Check(nameof(AccessForm.Editors), Form.Editors);
        if (!Enum.IsDefined(Form.Confidentiality))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Form.Confidentiality)}", messages["ChooseConfidentiality"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var changed = await access.ChangeAsync(id, new AccessChange(Form.Confidentiality, readers, editors), caller, HttpContext.RequestAborted);
        if (changed.Outcome != AccessOutcome.Allowed)
        {
            return Refuse(changed.Outcome);
        }

        var stored = changed.Manifest!;
        if (AccessRules.CanManageAccess(stored, caller))
        {
            Saved = "1"; // the page says it in the UI language
            return Redirect(AccessLinks.Access(stored.Id));
        }

        return Redirect(DocumentAccess.CanRead(stored, caller) ? DocumentLinks.View(stored.Id) : "/");
    }

    private IReadOnlyList<string> Check(string field, string? text)
    {
        var list = directory.Parse(text);
        foreach (var error in list.Errors)
        {
            ModelState.AddModelError($"{nameof(Form)}.{field}", messages.Localize(error));
        }

        return list.Principals;
    }

    private IActionResult Refuse(AccessOutcome outcome) => outcome == AccessOutcome.Forbidden ? Forbid() : NotFound();
}

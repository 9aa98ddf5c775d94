using KnowledgeHub.Documents;
using KnowledgeHub.Documents.UseCases;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Components;
using KnowledgeHub.Portal.People;
using KnowledgeHub.Portal.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>The access form: confidentiality, and readers and editors one per line, by name (or e-mail, or principal).</summary>
public sealed class AccessForm
{
    public Confidentiality Confidentiality { get; set; }

    public string? Readers { get; set; }

    public string? Editors { get; set; }
}

/// <summary>Who may read and edit a document: owners, editors and Admins change it; readers get 403, others 404.</summary>
public sealed class AccessModel(DocumentAccessManager access, PeopleNames people, IStringLocalizer<PeopleText> text) : PageModel
{
    [BindProperty]
    public AccessForm Form { get; set; } = new();

    public DocumentManifest? Manifest { get; private set; }

    public string OwnerName { get; private set; } = "";

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var cancel = HttpContext.RequestAborted;
        var target = await access.OpenAsync(id, HttpContext.GetCaller(), cancel);
        if (target.Outcome != AccessOutcome.Allowed)
        {
            return Refuse(target.Outcome);
        }

        await ShowAsync(target.Manifest!, cancel);
        Form = new AccessForm
        {
            Confidentiality = Manifest!.Confidentiality,
            Readers = await InputsAsync(Manifest.Readers, cancel),
            Editors = await InputsAsync(Manifest.Editors, cancel),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var caller = HttpContext.GetCaller();
        var cancel = HttpContext.RequestAborted;
        var target = await access.OpenAsync(id, caller, cancel);
        if (target.Outcome != AccessOutcome.Allowed)
        {
            return Refuse(target.Outcome);
        }

        await ShowAsync(target.Manifest!, cancel);
        var readers = await CheckAsync(nameof(AccessForm.Readers), Form.Readers, cancel);
        var editors = await CheckAsync(nameof(AccessForm.Editors), Form.Editors, cancel);
        if (!Enum.IsDefined(Form.Confidentiality))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Form.Confidentiality)}", text["ChooseConfidentiality"]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var changed = await access.ChangeAsync(id, new AccessChange(Form.Confidentiality, readers, editors), caller, cancel);
        if (changed.Outcome != AccessOutcome.Allowed)
        {
            return Refuse(changed.Outcome);
        }

        var stored = changed.Manifest!;
        if (AccessRules.CanManageAccess(stored, caller))
        {
            Saved = "saved";
            return Redirect(AccessLinks.Access(stored.Id));
        }

        return Redirect(DocumentAccess.CanRead(stored, caller) ? DocumentLinks.View(stored.Id) : "/");
    }

    private async Task ShowAsync(DocumentManifest manifest, CancellationToken cancellationToken)
    {
        Manifest = manifest;
        OwnerName = string.IsNullOrEmpty(manifest.OwnerName) ? await people.NameAsync(manifest.Owner, cancellationToken) : manifest.OwnerName;
    }

    private async Task<string> InputsAsync(IEnumerable<string> principals, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var principal in principals)
        {
            lines.Add(await people.InputAsync(principal, cancellationToken));
        }

        return string.Join('\n', lines);
    }

    private async Task<IReadOnlyList<string>> CheckAsync(string field, string? input, CancellationToken cancellationToken)
    {
        var list = await people.ParseAsync(input, cancellationToken);
        foreach (var error in list.Errors)
        {
            ModelState.AddModelError($"{nameof(Form)}.{field}", error);
        }

        return list.Principals;
    }

    private IActionResult Refuse(AccessOutcome outcome) => outcome == AccessOutcome.Forbidden ? Forbid() : NotFound();
}

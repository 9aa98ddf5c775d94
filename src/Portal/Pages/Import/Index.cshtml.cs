using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Import;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Import;
using KnowledgeHub.Portal.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KnowledgeHub.Portal.Pages.Import;

/// <summary>Bulk import: upload a zip or files with the batch's defaults, then a dry run (or the import) runs in the background.</summary>
[ImportUploadLimit]
public sealed class IndexModel(ImportJobs jobs, TemplateCatalog templates, CollectionCatalog collections, AuditLog audit, IStringLocalizer<ImportText> text) : PageModel
{
    [BindProperty]
    public ImportForm Form { get; set; } = new();

    /// <summary>"dry" (the default) or "run".</summary>
    [BindProperty]
    public string? Mode { get; set; }

    public IReadOnlyList<DocumentTemplate> Templates { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }

        Templates = await templates.ListAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }

        var caller = HttpContext.GetCaller();
        Templates = await templates.ListAsync(HttpContext.RequestAborted);
        var (defaults, error) = Form.ToDefaults(Mode != "run", collections);
        if (error is null && defaults?.Type is { } type && !Templates.Any(t => string.Equals(t.Key, type, StringComparison.OrdinalIgnoreCase)))
        {
            error = text["UnknownType", type];
        }

        if (error is not null || defaults is null)
        {
            return Invalid(StatusCodes.Status400BadRequest, error ?? "");
        }

        if (jobs.IsBusy(caller))
        {
            return Invalid(StatusCodes.Status429TooManyRequests, text["Busy"]);
        }

        var spool = jobs.NewSpool();
        var saved = await ImportUpload.SaveAsync(Request.Form.Files, spool, HttpContext.RequestAborted);
        if (saved is not { } batch)
        {
            Directory.Delete(spool, recursive: true);
            return Invalid(StatusCodes.Status400BadRequest, text["NoFiles"]);
        }

        var id = jobs.Start(spool, batch.Source, batch.Name, defaults, caller);
        return RedirectToPage("/Import/Job", new { id });
    }

    private PageResult Invalid(int status, string error)
    {
        Error = error;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<IActionResult?> RefuseAsync()
    {
        var caller = HttpContext.GetCaller();
        if (DocumentAccess.CanCreate(caller))
        {
            return null;
        }

        await audit.RecordAsync(caller, BulkImporter.AuditAction, null, null, AuditActions.Denied, HttpContext.RequestAborted);
        return Forbid();
    }
}

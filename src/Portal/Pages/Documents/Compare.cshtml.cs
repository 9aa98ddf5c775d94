using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>Two versions compared word by word (?from=1&amp;to=3); a version the caller may not see is 404, missing numbers 400.</summary>
public sealed class CompareModel(DocumentHistory history, KnowledgeHub.Portal.Localization.DomainMessages messages) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public VersionComparison? Comparison { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (From is null || To is null || !ModelState.IsValid)
        {
            Error = messages["CompareWhich"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Comparison = await history.CompareAsync(id, From.Value, To.Value, HttpContext.GetCaller(), HttpContext.RequestAborted);
        return Comparison is null ? NotFound() : Page();
    }
}

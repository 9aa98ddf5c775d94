using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Admin.Audit;

/// <summary>
/// A page that only reads: POST, PUT, DELETE and PATCH answer 405 (after antiforgery, which refuses a request without
/// a token with 400). Without these handlers Razor Pages would render the page for any method.
/// </summary>
public abstract class ReadOnlyPageModel : PageModel
{
    public IActionResult OnPost() => StatusCode(StatusCodes.Status405MethodNotAllowed);

    public IActionResult OnPut() => StatusCode(StatusCodes.Status405MethodNotAllowed);

    public IActionResult OnDelete() => StatusCode(StatusCodes.Status405MethodNotAllowed);

    public IActionResult OnPatch() => StatusCode(StatusCodes.Status405MethodNotAllowed);
}

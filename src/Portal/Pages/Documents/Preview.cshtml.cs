using KnowledgeHub.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>Live preview for the editor: POST Markdown (with the antiforgery header), get sanitized HTML back.</summary>
public sealed class PreviewModel(MarkdownRenderer markdown) : PageModel
{
    /// <summary>Generous for any real document; beyond it the preview is refused with 413.</summary>
    public const int MaxLength = 500_000;

    [BindProperty]
    public string? Markdown { get; set; }

    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost()
    {
        if (Markdown is { Length: > MaxLength })
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        return Content(markdown.ToHtml(Markdown ?? ""), "text/html; charset=utf-8");
    }
}

using KnowledgeHub.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>
/// Live preview for the editor: POST Markdown (with the antiforgery header), get sanitized HTML back. Text past the
/// renderer's caps (<see cref="MarkdownLimits"/>) is refused with a sentence: 413 when too long, 400 when nested too
/// deeply or too complex — never formatted at a cost that grows faster than its length.
/// </summary>
public sealed class PreviewModel(MarkdownRenderer markdown, KnowledgeHub.Portal.Localization.DomainMessages messages) : PageModel
{
    /// <summary>Generous for any real document; beyond it the preview is refused with 413.</summary>
    public const int MaxLength = 500_000;

    [BindProperty]
    public string? Markdown { get; set; }

    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost()
    {
        if (Refusal(Markdown, messages) is { } refused)
        {
            return refused;
        }

        var rendered = markdown.Render(Markdown ?? "");
        return rendered.Degraded is { } degraded ? Refuse(degraded, messages) : Content(rendered.Html, "text/html; charset=utf-8");
    }

    /// <summary>
    /// The answer for editor text the server will not work on (preview, conformance, related): 413 past
    /// <see cref="MaxLength"/>, 400 or 413 past <see cref="MarkdownLimits"/>, each with a sentence; null when it may go on.
    /// </summary>
    public static ContentResult? Refusal(string? text, KnowledgeHub.Portal.Localization.DomainMessages messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (text is { Length: > MaxLength })
        {
            return Sentence(StatusCodes.Status413PayloadTooLarge, messages["PreviewTooLong", MaxLength.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)]);
        }

        return text is null || MarkdownLimits.Check(text) is not { } exceeded ? null : Refuse(exceeded, messages);
    }

    private static ContentResult Refuse(MarkdownLimitExceeded exceeded, KnowledgeHub.Portal.Localization.DomainMessages messages) =>
        Sentence(exceeded.IsTooLong ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, messages.Localize(exceeded.Message));

    private static ContentResult Sentence(int status, string sentence) =>
        new() { StatusCode = status, Content = sentence, ContentType = "text/plain; charset=utf-8" };
}

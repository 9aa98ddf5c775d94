using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Components;
using KnowledgeHub.Portal.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>
/// The editor's live template check (conformance.js): POST the type, title, template fields and Markdown (with the
/// antiforgery header), get back which fields are missing and which required sections are missing or empty, as JSON.
/// Text past the Markdown caps answers 413/400 with a sentence (<see cref="PreviewModel.Refusal"/>).
/// </summary>
public sealed class ReviewConformanceModel(DocumentWorkflow workflow, KnowledgeHub.Portal.Localization.DomainMessages messages, Microsoft.Extensions.Localization.IStringLocalizer<KnowledgeHub.Portal.Resources.ReviewText> text) : PageModel
{
    [BindProperty(Name = "type")]
    public string? DocumentType { get; set; }

    [BindProperty(Name = "title")]
    public string? Title { get; set; }

    [BindProperty(Name = "markdown")]
    public string? Markdown { get; set; }

    [BindProperty(Name = "fields")]
    public Dictionary<string, string?> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (PreviewModel.Refusal(Markdown, messages) is { StatusCode: { } status, Content: { } sentence })
        {
            return UploadResponses.Error(status, sentence);
        }

        if (string.IsNullOrWhiteSpace(DocumentType))
        {
            return UploadResponses.Error(StatusCodes.Status400BadRequest, messages["NoTypeToCheck"]);
        }

        var fields = Fields.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value!.Trim(), StringComparer.OrdinalIgnoreCase);
        var report = await workflow.CheckAsync(DocumentType, Title ?? "", fields, Markdown ?? "", HttpContext.RequestAborted);
        if (report.Problems.FirstOrDefault(p => p.Kind == ConformanceProblemKind.Unformattable) is { } unformattable)
        {
            return UploadResponses.Error(StatusCodes.Status400BadRequest, messages.Localize(unformattable.Message)); // the parser refused what the caps let through
        }
        return new JsonResult(new ConformanceAnswer(
            report.Conforms,
            WorkflowText.Conformance(report, text),
            [.. report.Problems.Select(p => new ConformanceAnswer.Problem(ConformancePanel.Kebab(p.Kind), p.Key, messages.Problem(p)))]));
    }
}

/// <summary>The live check's answer: <see cref="Summary"/> and each problem's sentence are ready to show.</summary>
public sealed record ConformanceAnswer(bool Conforms, string Summary, IReadOnlyList<ConformanceAnswer.Problem> Problems)
{
    public sealed record Problem(string Kind, string Key, string Message);
}

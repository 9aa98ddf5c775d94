using System.ComponentModel.DataAnnotations;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>The new-document form.</summary>
public sealed class NewDocumentForm
{
    /// <summary>Checked with <see cref="KnowledgeHub.Documents.DocumentRules.ValidateTitle"/>, the repository's own rule.</summary>
    [Display(Name = "Title")]
    public string? Title { get; set; }

    /// <summary>Comma-separated (either "," or "，").</summary>
    [Display(Name = "Tags")]
    public string? Tags { get; set; }

    /// <summary>Kept exactly as posted: a whitespace-only body is a body (model binding would otherwise make it null).</summary>
    [Display(Name = "Markdown")]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Markdown { get; set; }

    /// <summary>Template field key → value.</summary>
    public Dictionary<string, string?> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> SplitTags(string? tags) =>
        (tags ?? "").Split([',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
}

/// <summary>The edit form; <see cref="BaseVersion"/> is the version the editor started from.</summary>
public sealed class EditDocumentForm
{
    /// <summary>Checked with <see cref="KnowledgeHub.Documents.DocumentRules.ValidateTitle"/>, the repository's own rule.</summary>
    [Display(Name = "Title")]
    public string? Title { get; set; }

    /// <summary>Kept exactly as posted: a whitespace-only body is a body (model binding would otherwise make it null).</summary>
    [Display(Name = "Markdown")]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Markdown { get; set; }

    [Display(Name = "ChangeNote")]
    [StringLength(500, ErrorMessage = "ChangeNoteTooLong")]
    public string? ChangeNote { get; set; }

    [Range(1, int.MaxValue)]
    public int BaseVersion { get; set; }
}

/// <summary>Form checks (labels and messages in FormText.resx) that use the domain's rules, so the form and the repository never disagree.</summary>
public static class FormRules
{
    public static void CheckTitle(ModelStateDictionary modelState, string key, string? title, DomainMessages messages)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(messages);
        if (DocumentRules.ValidateTitle(title) is { } error)
        {
            modelState.AddModelError(key, messages.Localize(error));
        }
    }
}

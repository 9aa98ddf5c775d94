using KnowledgeHub.Documents;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// The checks a JSON write passes before it reaches the repository, each answering with the sentence and status a form
/// would: the title rule, the Markdown cap (413), control characters (the pages refuse them in forms), tags.
/// </summary>
public static class ApiInput
{
    public const int MaxTags = 50;
    public const int MaxTagLength = 100;
    public const int MaxFieldLength = 2_000;

    /// <summary>Null when the parts are acceptable; else (status, sentence).</summary>
    public static (int Status, string Sentence)? Check(string? title, string? markdown, IEnumerable<KeyValuePair<string, string?>>? fields, IReadOnlyList<string>? tags)
    {
        if (DocumentRules.ValidateTitle(title) is { } titleError)
        {
            return (StatusCodes.Status400BadRequest, titleError);
        }

        if (markdown is { Length: > MarkdownLimits.MaxLength })
        {
            return (StatusCodes.Status413PayloadTooLarge, ApiProblems.Sentence("MarkdownTooLong", MarkdownLimits.MaxLength.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)));
        }

        if (UnicodeControls.HasRefusedControl(markdown))
        {
            return (StatusCodes.Status400BadRequest, ApiProblems.Sentence("MarkdownControl"));
        }

        foreach (var (key, value) in fields ?? [])
        {
            if (string.IsNullOrWhiteSpace(key) || UnicodeControls.HasRefusedControl(key) || UnicodeControls.HasRefusedControl(value))
            {
                return (StatusCodes.Status400BadRequest, ApiProblems.Sentence("FieldName"));
            }

            if (value is { Length: > MaxFieldLength })
            {
                return (StatusCodes.Status400BadRequest, ApiProblems.Sentence("FieldTooLong", key, MaxFieldLength.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)));
            }
        }

        if (tags is { Count: > MaxTags })
        {
            return (StatusCodes.Status400BadRequest, ApiProblems.Sentence("TooManyTags", MaxTags));
        }

        foreach (var tag in tags ?? [])
        {
            if (string.IsNullOrWhiteSpace(tag) || tag.Length > MaxTagLength || UnicodeControls.HasRefusedControl(tag))
            {
                return (StatusCodes.Status400BadRequest, ApiProblems.Sentence("TagForm", MaxTagLength));
            }
        }

        return null;
    }

    public static IReadOnlyList<string> Tags(IReadOnlyList<string>? tags) =>
        (tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

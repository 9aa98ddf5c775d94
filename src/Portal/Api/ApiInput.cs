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
            return (StatusCodes.Status413PayloadTooLarge, $"The Markdown is longer than {MarkdownLimits.MaxLength:N0} characters. 正文过长。");
        }

        if (UnicodeControls.HasRefusedControl(markdown))
        {
            return (StatusCodes.Status400BadRequest, "The Markdown contains a control character (such as NUL); remove it. 正文包含控制字符。");
        }

        foreach (var (key, value) in fields ?? [])
        {
            if (string.IsNullOrWhiteSpace(key) || UnicodeControls.HasRefusedControl(key) || UnicodeControls.HasRefusedControl(value))
            {
                return (StatusCodes.Status400BadRequest, "A field has an empty name or a control character. 字段名为空或包含控制字符。");
            }

            if (value is { Length: > MaxFieldLength })
            {
                return (StatusCodes.Status400BadRequest, $"The field '{key}' is longer than {MaxFieldLength:N0} characters.");
            }
        }

        if (tags is { Count: > MaxTags })
        {
            return (StatusCodes.Status400BadRequest, $"A document takes at most {MaxTags} tags.");
        }

        foreach (var tag in tags ?? [])
        {
            if (string.IsNullOrWhiteSpace(tag) || tag.Length > MaxTagLength || UnicodeControls.HasRefusedControl(tag))
            {
                return (StatusCodes.Status400BadRequest, $"Each tag needs 1 to {MaxTagLength} characters and no control characters. 标签格式不正确。");
            }
        }

        return null;
    }

    public static IReadOnlyList<string> Tags(IReadOnlyList<string>? tags) =>
        (tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

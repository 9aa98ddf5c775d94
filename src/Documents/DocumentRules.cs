namespace KnowledgeHub.Documents;

/// <summary>Validation rules shared by the repository and the Portal's forms: each returns an error sentence or null.</summary>
public static class DocumentRules
{
    public const int MaxTitleLength = 200;

    /// <summary>Front-matter keys of a version blob that template metadata may not use.</summary>
    public static readonly IReadOnlySet<string> ReservedMetadataKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "id", "version", "base_version", "title", "author", "author_name", "created", "change_note",
    };

    /// <summary>A title as it is stored: bidirectional controls removed (they can make a title pose as another), trimmed.</summary>
    public static string NormalizeTitle(string? title) => UnicodeControls.WithoutBidiControls(title ?? "").Trim();

    public static string? ValidateTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return "A title is required.";
        }

        if (UnicodeControls.HasRefusedControl(title))
        {
            return "The title contains a control character (such as NUL); remove it.";
        }

        return title.Trim().Length > MaxTitleLength
            ? $"The title is longer than {MaxTitleLength} characters."
            : null;
    }

    public static string? ValidateMetadata(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            return null;
        }

        foreach (var key in metadata.Keys)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                return "A metadata field needs a name.";
            }

            if (ReservedMetadataKeys.Contains(key))
            {
                return $"'{key}' is reserved and cannot be used as a metadata field.";
            }
        }

        return null;
    }

    internal static void ThrowIfInvalid(string? error, string parameterName)
    {
        if (error is not null)
        {
            throw new ArgumentException(error, parameterName);
        }
    }
}

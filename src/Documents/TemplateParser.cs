namespace KnowledgeHub.Documents;

/// <summary>
/// Parses a template file: front matter (name, name_zh, description, collection, confidentiality,
/// fields: [{key, label}], sections: [{title, aliases}], and optionally cadence, due and per: <see cref="ReportingCadence"/>)
/// and the Markdown body a new document starts with.
/// </summary>
public static class TemplateParser
{
    /// <summary>Throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static DocumentTemplate Parse(string key, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var document = FrontMatter.Parse(text);
        return new DocumentTemplate
        {
            Key = key,
            Name = document.GetString("name") ?? throw new FormatException($"The template '{key}' has no 'name'."),
            NameZh = document.GetString("name_zh") ?? "",
            Description = document.GetString("description") ?? "",
            DefaultCollection = document.GetString("collection") ?? "",
            DefaultConfidentiality = ParseEnum(document.GetString("confidentiality"), Confidentiality.Internal, "confidentiality"),
            RequiredFields = Items(document, "fields").Select(f => new TemplateField(
                Required(f, "key", key, "fields"),
                FrontMatterValues.AsString(f.GetValueOrDefault("label")) ?? Required(f, "key", key, "fields"))).ToList(),
            RequiredSections = Items(document, "sections").Select(s => new TemplateSection(
                Required(s, "title", key, "sections"),
                FrontMatterValues.AsList(s.GetValueOrDefault("aliases")))).ToList(),
            Cadence = ReportingCadence.Parse(document.GetString("cadence"), document.GetString("due"), document.GetString("per"), key),
            Markdown = document.Body,
        };
    }

    /// <summary>Parses an enum name case-insensitively; null or empty gives <paramref name="fallback"/>.</summary>
    public static T ParseEnum<T>(string? text, T fallback, string field)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return Enum.TryParse<T>(text.Replace(" ", "", StringComparison.Ordinal), ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new FormatException($"'{text}' is not a valid {field} ({string.Join(", ", Enum.GetNames<T>())}).");
    }

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Items(FrontMatterDocument document, string field) =>
        document.Fields.GetValueOrDefault(field) switch
        {
            null => [],
            IEnumerable<object?> list => list.Select(item => item as IReadOnlyDictionary<string, object?>
                ?? throw new FormatException($"Each entry of '{field}' must be a mapping.")),
            _ => throw new FormatException($"'{field}' must be a list."),
        };

    private static string Required(IReadOnlyDictionary<string, object?> item, string name, string key, string field) =>
        FrontMatterValues.AsString(item.GetValueOrDefault(name))
            ?? throw new FormatException($"An entry of '{field}' in the template '{key}' has no '{name}'.");
}

using System.Runtime.CompilerServices;

namespace KnowledgeHub.Documents;

/// <summary>
/// Does a document satisfy its type's template? Names each missing field and each missing or empty
/// required section. Pure and fast (one Markdig parse, bounded by
/// <see cref="MarkdownLimits"/>), so the editor can call it on every change; it never throws on the text.
/// </summary>
/// <remarks>
/// A heading matches a required section when, ignoring case and surrounding space, it is made only of the
/// section's names (its title and aliases) joined by spaces or punctuation: "经验教训", "Lessons",
/// "经验教训 Lessons" and "Lessons（经验教训）" all match; "Lessons from Q3" does not. Any heading level counts.
/// A section is empty when it has no text (HTML comments, the template's guidance, are not text), or when
/// every line of it is a line of the template's guidance for that section (an uncommented placeholder such
/// as <c>- [ ] 行动 @owner due:YYYY-MM-DD</c>).
/// </remarks>
public static class TemplateConformance
{
    private static readonly ConditionalWeakTable<DocumentTemplate, IReadOnlyDictionary<TemplateSection, HashSet<string>>> Placeholders = [];

    public static ConformanceReport Check(DocumentTemplate template, string title, IReadOnlyDictionary<string, string> metadata, string markdown)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(markdown);
        var problems = new List<ConformanceProblem>();
        if (DocumentRules.ValidateTitle(title) is { } titleError)
        {
            problems.Add(new ConformanceProblem(ConformanceProblemKind.MissingTitle, "title", titleError));
        }

        foreach (var field in template.RequiredFields)
        {
            if (string.IsNullOrWhiteSpace(Lookup(metadata, field.Key)))
            {
                problems.Add(new ConformanceProblem(ConformanceProblemKind.MissingField, field.Key, $"Missing field: {field.Label}"));
            }
        }

        var structure = MarkdownStructure.Parse(markdown);
        if (structure.Degraded is { } degraded)
        {
            // Past the Markdown caps the sections cannot be told apart: say so once rather than call every section missing.
            problems.Add(new ConformanceProblem(ConformanceProblemKind.Unformattable, "markdown", degraded.Message));
            return new ConformanceReport(problems);
        }

        var sections = structure.Sections;
        var placeholders = Placeholders.GetValue(template, GuidanceLines);
        foreach (var required in template.RequiredSections)
        {
            var matching = sections.Where(s => SectionNames.Matches(s.Title, required)).ToList();
            var name = SectionNames.Display(required);
            if (matching.Count == 0)
            {
                problems.Add(new ConformanceProblem(ConformanceProblemKind.MissingSection, required.Title, $"Missing section: {name}"));
            }
            else if (matching.All(s => IsEmpty(s.Text, placeholders[required])))
            {
                problems.Add(new ConformanceProblem(ConformanceProblemKind.EmptySection, required.Title, $"Empty section: {name}"));
            }
        }

        return new ConformanceReport(problems);
    }

    private static string? Lookup(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value)
            ? value
            : metadata.FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    private static bool IsEmpty(string text, HashSet<string> placeholderLines) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(placeholderLines.Contains);

    /// <summary>Per required section, the text lines of the template's guidance with the comment markers taken away.</summary>
    private static IReadOnlyDictionary<TemplateSection, HashSet<string>> GuidanceLines(DocumentTemplate template)
    {
        var uncommented = template.Markdown.Replace("<!--", "\n", StringComparison.Ordinal).Replace("-->", "\n", StringComparison.Ordinal);
        var sections = MarkdownStructure.Parse(uncommented).Sections;
        var result = new Dictionary<TemplateSection, HashSet<string>>(ReferenceEqualityComparer.Instance);
        foreach (var required in template.RequiredSections)
        {
            result[required] = sections.Where(s => SectionNames.Matches(s.Title, required))
                .SelectMany(s => s.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToHashSet(StringComparer.Ordinal);
        }

        return result;
    }
}

/// <summary>The outcome of <see cref="TemplateConformance.Check"/>: conforming means no problems.</summary>
public sealed record ConformanceReport(IReadOnlyList<ConformanceProblem> Problems)
{
    public static ConformanceReport Conforming { get; } = new([]);

    public bool Conforms => Problems.Count == 0;
}

/// <summary>One problem: <see cref="Key"/> is the field key or the section's template title (for a form to point at); <see cref="Message"/> is the sentence to show.</summary>
public sealed record ConformanceProblem(ConformanceProblemKind Kind, string Key, string Message);

public enum ConformanceProblemKind
{
    MissingTitle,
    MissingField,
    MissingSection,
    EmptySection,

    /// <summary>The Markdown is past <see cref="MarkdownLimits"/> (or refused by the parser), so its sections cannot be checked.</summary>
    Unformattable,
}

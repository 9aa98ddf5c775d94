namespace KnowledgeHub.Documents;

/// <summary>A document type: its template Markdown, required metadata fields and required sections.</summary>
public sealed record DocumentTemplate
{
    /// <summary>The type key, e.g. <c>weekly-report</c>; the file name without <c>.md</c>.</summary>
    public required string Key { get; init; }

    public required string Name { get; init; }

    public string NameZh { get; init; } = "";

    public string Description { get; init; } = "";

    public string DefaultCollection { get; init; } = "";

    public Confidentiality DefaultConfidentiality { get; init; } = Confidentiality.Internal;

    public IReadOnlyList<TemplateField> RequiredFields { get; init; } = [];

    public IReadOnlyList<TemplateSection> RequiredSections { get; init; } = [];

    /// <summary>The expected reporting rhythm (<c>cadence</c>, <c>due</c>, <c>per</c> in the front matter), or null.</summary>
    public ReportingCadence? Cadence { get; init; }

    /// <summary>The body a new document of this type starts with.</summary>
    public required string Markdown { get; init; }
}

public sealed record TemplateField(string Key, string Label);

/// <summary>A required section: a heading that matches <see cref="Title"/> or any alias (e.g. its Chinese name).</summary>
public sealed record TemplateSection(string Title, IReadOnlyList<string> Aliases);


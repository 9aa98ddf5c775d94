namespace KnowledgeHub.Documents.Import;

/// <summary>A file to attach to an imported document.</summary>
public sealed record ImportAttachment(string Name, ReadOnlyMemory<byte> Content);

/// <summary>
/// One file read and converted, before the batch's defaults apply: the fields its own front matter (or metadata) gave,
/// the Markdown body, the headings the type may be guessed from, and what to attach.
/// </summary>
internal sealed record ImportedFile(ImportFileKind Kind, string Title, string Markdown, IReadOnlyList<string> Headings, IReadOnlyList<ImportAttachment> Attachments)
{
    public FrontMatterDocument? Front { get; init; }
}

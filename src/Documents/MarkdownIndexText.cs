namespace KnowledgeHub.Documents;

/// <summary>
/// What the index needs of a version's Markdown, from one parse: its plain text and its structure — lessons and action
/// items; its sections carry titles and levels, but their text only under a lessons heading.
/// </summary>
public sealed record IndexedMarkdown(PlainMarkdown Text, MarkdownStructure Structure);

public sealed partial class MarkdownRenderer
{
    /// <summary>
    /// <see cref="PlainText"/> and <see cref="GetStructure"/> from a single Markdig parse (parsing is most of what
    /// turning a version into index entries costs). Never throws: past a cap, or refused by the parser, the text is the
    /// unparsed plain text and the structure is empty, both saying why.
    /// </summary>
    public IndexedMarkdown ForIndex(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (MarkdownLimits.Check(markdown) is { } exceeded)
        {
            return new IndexedMarkdown(new PlainMarkdown(MarkdownText.OfRaw(markdown), exceeded), MarkdownStructure.Unparsed(exceeded));
        }

        try
        {
            var document = Markdig.Markdown.Parse(markdown, pipeline);
            return new IndexedMarkdown(new PlainMarkdown(MarkdownText.OfDocument(document), null), MarkdownStructure.Of(document, sectionTexts: false));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogParserRefused(logger, markdown.Length, e.GetType().Name);
            var refused = MarkdownLimitExceeded.ParserRefused;
            return new IndexedMarkdown(new PlainMarkdown(MarkdownText.OfRaw(markdown), refused), MarkdownStructure.Unparsed(refused));
        }
    }
}

using Markdig;

namespace KnowledgeHub.Documents;

/// <summary>
/// Markdig rendering, always sanitized; plain text for the index. Thread-safe: one instance (a singleton)
/// reuses the pipeline and the configured sanitizer.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = MarkdownPipelines.Default;
    private readonly MarkdownSanitizer sanitizer = new();

    /// <summary>Sanitized HTML: no script, no javascript:/data:/vbscript: links, no event handlers; headings keep (Unicode) ids; links get rel="noopener noreferrer".</summary>
    public string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, pipeline));
    }

    /// <summary>The text a reader sees, without Markdown syntax, for indexing and snippets: one block per line.</summary>
    public string ToPlainText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return MarkdownText.OfDocument(Markdig.Markdown.Parse(markdown, pipeline));
    }

    /// <summary>Sections, action items and lessons (the same parse as <see cref="ToHtml"/>).</summary>
    public MarkdownStructure GetStructure(string markdown) => MarkdownStructure.Parse(markdown, pipeline);
}

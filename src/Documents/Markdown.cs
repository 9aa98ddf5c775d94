namespace KnowledgeHub.Documents;

/// <summary>Markdig rendering, always sanitized; plain text for the index.</summary>
public sealed class MarkdownRenderer
{
    /// <summary>Sanitized HTML: no script, no javascript:/data:/vbscript: links, no event handlers; headings keep (Unicode) ids.</summary>
    public string ToHtml(string markdown) => throw new NotImplementedException();

    /// <summary>The text a reader sees, without Markdown syntax, for indexing and snippets.</summary>
    public string ToPlainText(string markdown) => throw new NotImplementedException();
}

using System.Text;
using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KnowledgeHub.Documents;

/// <summary>Readable text of a Markdig syntax tree: no Markdown syntax, no raw HTML, no link targets.</summary>
internal static partial class MarkdownText
{
    public static string OfDocument(MarkdownDocument document)
    {
        var builder = new StringBuilder();
        foreach (var block in document)
        {
            AppendBlock(builder, block);
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>The text of blocks, one line per leaf block.</summary>
    public static string OfBlocks(IEnumerable<Block> blocks)
    {
        var builder = new StringBuilder();
        foreach (var block in blocks)
        {
            AppendBlock(builder, block);
        }

        return builder.ToString().TrimEnd();
    }

    public static void AppendBlock(StringBuilder builder, Block block)
    {
        switch (block)
        {
            case Table table:
                foreach (var row in table.OfType<TableRow>())
                {
                    var cells = row.OfType<TableCell>().Select(cell => OfBlocks(cell).Replace('\n', ' ')).Where(t => t.Length > 0);
                    AppendLine(builder, string.Join(" ", cells));
                }

                break;
            case LeafBlock { Inline: { } inline }:
                AppendLine(builder, OfInline(inline));
                break;
            case CodeBlock code:
                AppendLine(builder, code.Lines.ToString());
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendBlock(builder, child);
                }

                break;
        }
    }

    public static string OfInline(ContainerInline container)
    {
        var builder = new StringBuilder();
        AppendInline(builder, container);
        return Spaces().Replace(builder.ToString(), " ").Trim();
    }

    /// <summary>Not recursive: emphasis can nest tens of thousands deep in a tree Markdig accepts.</summary>
    private static void AppendInline(StringBuilder builder, Inline root)
    {
        var pending = new Stack<Inline>();
        pending.Push(root);
        while (pending.TryPop(out var inline))
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline or HtmlInline:
                    builder.Append(' ');
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case TaskList:
                    break;
                case ContainerInline container:
                    for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Text of Markdown that is not parsed (past a cap, or refused by the parser): the Markdown itself, with HTML
    /// comments and tags replaced by a space, in one linear pass. Markdown punctuation stays; analyzers drop it.
    /// </summary>
    public static string OfRaw(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var builder = new StringBuilder(markdown.Length);
        var lastCommentClose = markdown.LastIndexOf("-->", StringComparison.Ordinal);
        var i = 0;
        while (i < markdown.Length)
        {
            var c = markdown[i];
            var end = c == '<' ? TagEnd(markdown, i, lastCommentClose) : -1;
            if (end < 0)
            {
                builder.Append(c);
                i++;
            }
            else
            {
                builder.Append(' ');
                i = end;
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// A note, then the Markdown HTML-escaped in a <c>pre</c>: how a document past the caps is shown. At most
    /// <see cref="MarkdownLimits.MaxLength"/> characters are shown (the note says so), so a page stays a page.
    /// </summary>
    public static string EscapedSource(string markdown, string note)
    {
        var shown = markdown.Length <= MarkdownLimits.MaxLength ? markdown : markdown[..(char.IsHighSurrogate(markdown[MarkdownLimits.MaxLength - 1]) ? MarkdownLimits.MaxLength - 1 : MarkdownLimits.MaxLength)];
        var builder = new StringBuilder(shown.Length + note.Length + 160);
        builder.Append("<p class=\"markdown-degraded\" role=\"note\">");
        Escape(builder, note);
        if (shown.Length < markdown.Length)
        {
            builder.Append(' ').Append(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Only the first {shown.Length:N0} characters are shown; download the document for the rest. 仅显示开头部分。"));
        }

        builder.Append("</p>\n<pre class=\"markdown-source\">");
        Escape(builder, shown);
        return builder.Append("</pre>").ToString();
    }

    private static void Escape(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\0' => builder.Append('\uFFFD'),
                _ => builder.Append(c),
            };
        }
    }

    /// <summary>The index after an HTML comment or tag starting at <paramref name="start"/> ('&lt;'), or -1; a tag ends within 1,000 characters.</summary>
    private static int TagEnd(string text, int start, int lastCommentClose)
    {
        if (text.AsSpan(start).StartsWith("<!--"))
        {
            var close = lastCommentClose < start + 4 ? -1 : text.IndexOf("-->", start + 4, StringComparison.Ordinal);
            return close < 0 ? -1 : close + 3;
        }

        var next = start + 1 < text.Length ? text[start + 1] : ' ';
        if (!char.IsAsciiLetter(next) && next != '/')
        {
            return -1;
        }

        var end = text.IndexOf('>', start + 1, Math.Min(1_000, text.Length - start - 1));
        return end < 0 ? -1 : end + 1;
    }

    private static void AppendLine(StringBuilder builder, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 0)
        {
            builder.Append(trimmed).Append('\n');
        }
    }

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();
}

using System.Text;
using System.Text.RegularExpressions;
using Markdig.Extensions.Abbreviations;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Mathematics;
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
            case HtmlBlock html when !IsScriptOrStyle(html):
                // What the sanitized page shows of it: its text between the tags (comments, the templates' guidance, vanish).
                AppendLine(builder, OfRaw(html.Lines.ToString()));
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

    /// <summary>
    /// Not recursive: emphasis can nest tens of thousands deep in a tree Markdig accepts. Words the reader sees are kept
    /// and never joined: an inline custom container keeps its <c>::</c> delimiters (<c>::html::init</c> is far more often
    /// a scope operator than a container), and footnote marks, images, math, line breaks and HTML tags are spaces.
    /// </summary>
    private static void AppendInline(StringBuilder builder, Inline root)
    {
        var pending = new Stack<(Inline? Inline, string? Text)>();
        pending.Push((root, null));
        while (pending.TryPop(out var next))
        {
            if (next.Text is { } text)
            {
                builder.Append(text);
                continue;
            }

            switch (next.Inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline or HtmlInline or FootnoteLink:
                    builder.Append(' ');
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case AbbreviationInline abbreviation:
                    builder.Append(abbreviation.Abbreviation.Label);
                    break;
                case MathInline math:
                    builder.Append(' ').Append(math.Content.AsSpan()).Append(' ');
                    break;
                case TaskList:
                    break;
                case CustomContainerInline container:
                    var delimiters = new string(container.DelimiterChar, container.DelimiterCount);
                    builder.Append(delimiters);
                    PushChildren(pending, container, delimiters);
                    break;
                case LinkInline { IsImage: true } image:
                    builder.Append(' ');
                    PushChildren(pending, image, " ");
                    break;
                case ContainerInline container:
                    PushChildren(pending, container, after: null);
                    break;
            }
        }
    }

    private static void PushChildren(Stack<(Inline? Inline, string? Text)> pending, ContainerInline container, string? after)
    {
        if (after is not null)
        {
            pending.Push((null, after));
        }

        for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
        {
            pending.Push((child, null));
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

    private static bool IsScriptOrStyle(HtmlBlock html) =>
        html.Type == HtmlBlockType.ScriptPreOrStyle && html.Lines.Count > 0
        && (html.Lines.Lines[0].Slice.AsSpan().TrimStart().StartsWith("<script", StringComparison.OrdinalIgnoreCase)
            || html.Lines.Lines[0].Slice.AsSpan().TrimStart().StartsWith("<style", StringComparison.OrdinalIgnoreCase));

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

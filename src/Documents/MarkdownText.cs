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

    private static void AppendInline(StringBuilder builder, Inline inline)
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
                foreach (var child in container)
                {
                    AppendInline(builder, child);
                }

                break;
        }
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

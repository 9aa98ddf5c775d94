using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace KnowledgeHub.Benchmarks;

/// <summary>
/// A LibreOffice help page (static HTML) → title and Markdown-ish text. The title is the page's &lt;title&gt;
/// (the &lt;h1&gt; when it has none: Chinese pages sometimes keep an English h1); the body is the text of
/// <c>div#DisplayArea</c> — headings as <c>#</c>, list items as <c>-</c>, table rows as cells joined by
/// <c>|</c> — without the "related topics" box, scripts and the debug footer. Not thread-safe: one per thread.
/// </summary>
public sealed partial class HelpPageConverter
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "meta", "footer", "nav", "header", "aside" };

    private readonly HtmlParser parser = new();

    public (string Title, string Markdown) Convert(string html)
    {
        using var document = parser.ParseDocument(html);
        var area = document.GetElementById("DisplayArea") ?? document.Body;
        var title = Clean(document.Title ?? "");
        if (title.Length == 0)
        {
            title = Clean(area?.QuerySelector("h1")?.TextContent ?? "");
        }

        var markdown = new StringBuilder();
        if (area is not null)
        {
            Visit(area, markdown);
        }

        return (title, markdown.ToString().TrimEnd());
    }

    private static void Visit(IElement element, StringBuilder markdown)
    {
        foreach (var child in element.Children)
        {
            if (Skipped.Contains(child.LocalName) || child.ClassList.Contains("relatedtopics") || child.ClassList.Contains("debug"))
            {
                continue;
            }

            switch (child.LocalName)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    Emit(markdown, new string('#', child.LocalName[1] - '0') + " ", child.TextContent);
                    break;
                case "p" or "pre":
                    Emit(markdown, child.Closest("li") is null ? "" : "- ", child.TextContent);
                    break;
                case "li" when child.QuerySelector("p, pre, h1, h2, h3, h4, h5, h6, tr") is null:
                    Emit(markdown, "- ", child.TextContent);
                    break;
                case "tr":
                    var cells = child.Children.Select(cell => Clean(cell.TextContent)).Where(text => text.Length > 0);
                    Emit(markdown, "", string.Join(" | ", cells));
                    break;
                default:
                    Visit(child, markdown);
                    break;
            }
        }
    }

    private static void Emit(StringBuilder markdown, string prefix, string text)
    {
        var clean = Clean(text);
        if (clean.Length > 0)
        {
            markdown.Append(prefix).Append(Escape(clean)).Append("\n\n");
        }
    }

    /// <summary>Collapses whitespace (the pages are indented HTML).</summary>
    private static string Clean(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Text such as <c>&lt;expression&gt;</c> or <c>*</c> in Basic pages stays text, not Markdown syntax.</summary>
    private static string Escape(string text) => MarkdownSyntax().Replace(text, @"\$0");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\\`*_\[\]<>]")]
    private static partial Regex MarkdownSyntax();
}

using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;

namespace KnowledgeHub.Documents;

/// <summary>
/// The HtmlSanitizer allow-list for Markdig's output: text, headings with ids, lists, task-list checkboxes
/// (forced disabled), tables (text-align only), code with language classes, links and images over
/// http, https, mailto or relative URLs. Links get <c>rel="noopener noreferrer"</c>. Configured once;
/// <see cref="Sanitize"/> is safe to call from many threads.
/// </summary>
internal sealed partial class MarkdownSanitizer
{
    private static readonly string[] Tags =
    [
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code", "span", "div",
        "em", "strong", "b", "i", "u", "del", "s", "ins", "mark", "sub", "sup", "kbd", "abbr", "cite", "q", "small",
        "ul", "ol", "li", "dl", "dt", "dd", "input",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
        "a", "img", "figure", "figcaption", "details", "summary",
    ];

    private static readonly string[] Attributes =
    [
        "id", "class", "href", "title", "src", "alt", "width", "height", "start", "type", "checked", "disabled",
        "colspan", "rowspan", "align", "style", "rel", "lang", "dir",
    ];

    private readonly HtmlSanitizer sanitizer;

    public MarkdownSanitizer()
    {
        sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "action", "formaction", "background", "cite", "longdesc", "poster", "xlink:href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(["text-align"], StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.Ordinal),
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement element)
            {
                Harden(element);
            }
        };
    }

    /// <summary>
    /// The sanitized HTML, written by <see cref="HtmlWriter"/> (linear) rather than AngleSharp's serializer. Callers
    /// check <see cref="MarkdownLimits.CheckHtml"/> first: the sanitizer's tree building is not linear in nesting.
    /// </summary>
    public string Sanitize(string html)
    {
        using var document = sanitizer.SanitizeDom(html);
        return document.Body is { } body ? HtmlWriter.ChildrenOf(body) : "";
    }

    private static void Harden(IElement element)
    {
        if (element is IHtmlInputElement input)
        {
            if (!string.Equals(input.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase))
            {
                element.Remove();
                return;
            }

            input.SetAttribute("disabled", "disabled");

            // A task's box has no visible label of its own (the item's text follows it): name its state for screen readers.
            input.SetAttribute("aria-label", input.HasAttribute("checked") ? "已完成 Done" : "未完成 Open");
        }

        if (element is IHtmlAnchorElement)
        {
            element.SetAttribute("rel", "noopener noreferrer");
        }
        else
        {
            element.RemoveAttribute("rel");
        }

        if (element.GetAttribute("class") is { } classes)
        {
            var kept = classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(c => AllowedClass().IsMatch(c)).ToList();
            if (kept.Count == 0)
            {
                element.RemoveAttribute("class");
            }
            else
            {
                element.SetAttribute("class", string.Join(' ', kept));
            }
        }
    }

    /// <summary>The classes Markdig emits: task lists, code languages, table alignment and math.</summary>
    [GeneratedRegex(@"^(contains-task-list|task-list-item|task-list-item-checkbox|language-[A-Za-z0-9_+#.\-]{1,40}|math|table)$", RegexOptions.CultureInvariant)]
    private static partial Regex AllowedClass();
}

namespace KnowledgeHub.Documents;

/// <summary>
/// Counts the elements of HTML and how deeply they nest, in one pass, before the sanitizer parses it: start tags
/// open, end tags close; void elements and those the parser closes by itself (p, li, td, …) do not nest. Raw HTML
/// left unclosed (<c>&lt;div&gt;</c> 99,000 times) is what makes AngleSharp's tree building slow, and it nests.
/// </summary>
internal static class HtmlScan
{
    private static readonly HashSet<string> Flat = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rt", "rp", "colgroup", "caption",
    };

    public static MarkdownLimitExceeded? Run(string html)
    {
        var (elements, depth) = (0, 0);
        var lookup = Flat.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = html.IndexOf('<'); i >= 0 && i + 1 < html.Length; i = html.IndexOf('<', i + 1))
        {
            var closing = html[i + 1] == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                continue;
            }

            if (lookup.Contains(html.AsSpan(nameStart, nameEnd - nameStart)))
            {
                elements += closing ? 0 : 1;
            }
            else if (closing)
            {
                depth = Math.Max(0, depth - 1);
            }
            else
            {
                elements++;
                var close = html.IndexOf('>', nameEnd, Math.Min(1_000, html.Length - nameEnd)); // bounded: no quadratic scan
                var selfClosing = close > 0 && html[close - 1] == '/';
                depth += selfClosing ? 0 : 1;
                if (depth > MarkdownLimits.MaxHtmlDepth)
                {
                    return MarkdownLimits.Deep("HTML elements");
                }
            }

            if (elements > MarkdownLimits.MaxHtmlElements)
            {
                return MarkdownLimits.Complex("HTML elements", MarkdownLimits.MaxHtmlElements);
            }
        }

        return null;
    }
}

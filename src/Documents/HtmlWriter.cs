using System.Text;
using AngleSharp.Dom;

namespace KnowledgeHub.Documents;

/// <summary>
/// HTML serialization of a sanitized tree in one linear, non-recursive walk. AngleSharp's own serializer is quadratic
/// in the number of siblings (40,000 paragraphs: 13 s) and recursive in depth; this writes the same markup: names
/// as parsed, attribute values escaped (&amp; " and no-break space), text escaped (&amp; &lt; &gt; and no-break space),
/// no end tag for void elements, comments left out.
/// </summary>
internal static class HtmlWriter
{
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
    };

    public static string ChildrenOf(INode parent)
    {
        var builder = new StringBuilder();
        var pending = new Stack<(INode Node, bool Close)>();
        PushChildren(pending, parent);
        while (pending.TryPop(out var next))
        {
            switch (next.Node)
            {
                case IElement element when next.Close:
                    builder.Append("</").Append(element.LocalName).Append('>');
                    break;
                case IElement element:
                    Open(builder, element);
                    if (!Void.Contains(element.LocalName))
                    {
                        if (element.LocalName is "pre" or "textarea" or "listing" && element.FirstChild is IText { Data: ['\n', ..] })
                        {
                            builder.Append('\n'); // the parser drops one leading newline of these
                        }

                        pending.Push((element, true));
                        PushChildren(pending, element);
                    }

                    break;
                case IText text:
                    Escape(builder, text.Data, attribute: false);
                    break;
            }
        }

        return builder.ToString();
    }

    private static void PushChildren(Stack<(INode, bool)> pending, INode parent)
    {
        var children = parent.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            pending.Push((children[i], false));
        }
    }

    private static void Open(StringBuilder builder, IElement element)
    {
        builder.Append('<').Append(element.LocalName);
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            builder.Append(' ').Append(attribute.Name).Append("=\"");
            Escape(builder, attribute.Value, attribute: true);
            builder.Append('"');
        }

        builder.Append('>');
    }

    private static void Escape(StringBuilder builder, string value, bool attribute)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '\u00A0' => builder.Append("&nbsp;"),
                '"' when attribute => builder.Append("&quot;"),
                '<' when !attribute => builder.Append("&lt;"),
                '>' when !attribute => builder.Append("&gt;"),
                _ => builder.Append(c),
            };
        }
    }
}

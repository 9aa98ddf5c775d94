using System.Text;
using Lucene.Net.Search.Highlight;

namespace KnowledgeHub.Search;

/// <summary>
/// Encodes text for HTML element content and attributes (&amp; &lt; &gt; &quot; &#39;), leaving Chinese readable.
/// Lucene's SimpleHTMLEncoder would also turn every non-ASCII character into a numeric entity.
/// </summary>
internal sealed class HtmlTextEncoder : IEncoder
{
    public string EncodeText(string originalText) => Encode(originalText);

    public static string Encode(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}

using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace KnowledgeHub.Documents.Tests.Support;

/// <summary>Parses HTML as a browser would and checks nothing in it can run script.</summary>
public static class HtmlSafety
{
    private static readonly string[] ForbiddenElements =
    [
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link", "meta", "base",
        "form", "button", "textarea", "select", "svg", "math", "template", "noscript", "video", "audio", "source",
    ];

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "srcset"];

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument("<!doctype html><html><body>" + html + "</body></html>");

    public static void AssertSafe(string html)
    {
        var document = Parse(html);
        foreach (var element in document.QuerySelectorAll("*"))
        {
            Assert.False(ForbiddenElements.Contains(element.LocalName), $"<{element.LocalName}> survived in: {html}");
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} survived in: {html}");
                if (UrlAttributes.Contains(attribute.Name.ToLowerInvariant()))
                {
                    var url = Squeeze(attribute.Value);
                    Assert.False(url.StartsWith("javascript:") || url.StartsWith("vbscript:") || url.StartsWith("data:"), $"{attribute.Name}=\"{attribute.Value}\" survived in: {html}");
                }

                if (attribute.Name == "style")
                {
                    var style = Squeeze(attribute.Value);
                    Assert.False(style.Contains("expression(") || style.Contains("url(") || style.Contains("javascript:"), $"style=\"{attribute.Value}\" survived in: {html}");
                }
            }

            if (element.LocalName == "input")
            {
                Assert.Equal("checkbox", element.GetAttribute("type"));
                Assert.True(element.HasAttribute("disabled"), $"an enabled checkbox survived in: {html}");
            }
        }
    }

    /// <summary>How a browser compares a scheme: lower case, without whitespace and control characters.</summary>
    private static string Squeeze(string value)
    {
        var builder = new StringBuilder();
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}

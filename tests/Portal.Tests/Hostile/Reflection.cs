using System.Text.RegularExpressions;

namespace KnowledgeHub.Portal.Tests.Hostile;

/// <summary>Whether an HTML answer carries a hostile string's markup as markup: a tag, an attribute, a script URL.</summary>
public static partial class Reflection
{
    /// <summary>Null when safe; else what was found.</summary>
    public static string? Unescaped(string hostile, string html)
    {
        ArgumentNullException.ThrowIfNull(hostile);
        ArgumentNullException.ThrowIfNull(html);
        var verbatim = Markup().IsMatch(hostile) && html.Contains(hostile, StringComparison.Ordinal);
        if (!verbatim && !ScriptScheme().IsMatch(html))
        {
            return null;
        }

        // Rare (only strings with markup found verbatim, or a script URL somewhere): parse, and look for what would
        // run — an event-handler attribute, a script URL where something is loaded or navigated to, an inline or
        // foreign script, a frame, object, embed, base or refresh. The portal's own pages have none of these (CSP).
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        foreach (var element in document.All)
        {
            var name = element.LocalName;
            if (name is "object" or "embed" or "base" || (name == "meta" && element.HasAttribute("http-equiv")))
            {
                return $"a <{name}> element";
            }

            if ((name == "script" || name == "iframe") && !(element.GetAttribute("src") ?? "").StartsWith('/'))
            {
                return $"a <{name}> that is not the portal's own";
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    return $"an event handler {attribute.Name}=\"{attribute.Value}\" on <{name}>";
                }

                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href" or "data" or "srcdoc"
                    && ScriptScheme().Match(attribute.Value.Trim()) is { Success: true, Index: 0 })
                {
                    return $"a script URL in {attribute.Name}=\"{attribute.Value}\"";
                }
            }
        }

        return null;
    }

    /// <summary>A tag opening or closing, or a quote followed by an attribute assignment.</summary>
    [GeneratedRegex("""<[A-Za-z!/?]|["'][^"'<>]*\s[A-Za-z-]+\s*=""", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    [GeneratedRegex("(javascript|vbscript|livescript)\\s*:|data:text/html", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptScheme();
}

using System.Text;

namespace KnowledgeHub.Documents.Import;

/// <summary>Plain text made safe to place in Markdown: characters that would start markup are backslash-escaped.</summary>
internal static class MarkdownEscape
{
    private const string Special = "\\`*_[]<>#|";

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static string Unescape(string markdown)
    {
        var builder = new StringBuilder(markdown.Length);
        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] == '\\' && i + 1 < markdown.Length && Special.Contains(markdown[i + 1], StringComparison.Ordinal))
            {
                i++;
            }

            builder.Append(markdown[i]);
        }

        return builder.ToString().Replace("**", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal);
    }

    /// <summary>Plain text (e.g. from a PDF) as Markdown paragraphs: each line escaped; blank lines kept as paragraph breaks.</summary>
    public static string Paragraphs(string text)
    {
        var builder = new StringBuilder(text.Length + 64);
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var trimmed = line.Trim();
            builder.Append(trimmed.Length == 0 ? "" : Escape(trimmed)).Append("\n\n");
        }

        return System.Text.RegularExpressions.Regex.Replace(builder.ToString(), "\n{3,}", "\n\n").Trim() + "\n";
    }
}

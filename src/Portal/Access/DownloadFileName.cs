using System.Globalization;
using System.Text;

namespace KnowledgeHub.Portal.Access;

/// <summary>
/// RFC 6266 <c>Content-Disposition: attachment</c> for a document's Markdown: <c>filename="{id}.md"</c> as the
/// ASCII fallback (ids are [a-z0-9-]) and <c>filename*=UTF-8''…</c> with the title, percent-encoded (RFC 8187).
/// </summary>
public static class DownloadFileName
{
    private const int MaxTitleLength = 120;

    public static string ContentDisposition(string title, string asciiFallback)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(asciiFallback);
        return $"attachment; filename=\"{Ascii(asciiFallback)}\"; filename*=UTF-8''{PercentEncode(FileName(title) + ".md")}";
    }

    /// <summary>The title as a file name: no control characters, path separators or characters file systems refuse.</summary>
    public static string FileName(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var builder = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormC))
        {
            builder.Append(char.IsControl(c) || "/\\:*?\"<>|".Contains(c, StringComparison.Ordinal) ? '_' : c);
        }

        var name = builder.ToString().Trim().TrimEnd('.');
        if (name.Length > MaxTitleLength)
        {
            name = name[..MaxTitleLength];
            name = (char.IsHighSurrogate(name[^1]) ? name[..^1] : name).TrimEnd();
        }

        return name.Length == 0 ? "document" : name;
    }

    private static string Ascii(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name)
        {
            builder.Append(c is >= ' ' and <= '~' && c is not ('"' or '\\' or '%') ? c : '_');
        }

        return builder.ToString();
    }

    private static string PercentEncode(string name)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "!#$&+-.^_`|~".Contains(c, StringComparison.Ordinal))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}

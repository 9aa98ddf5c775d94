using System.Globalization;
using System.Text;

namespace KnowledgeHub.Documents;

/// <summary>
/// RFC 6266 <c>Content-Disposition</c> values: <c>attachment; filename="ascii-fallback"; filename*=UTF-8''percent-encoded</c>.
/// The fallback keeps printable ASCII (runs of anything else become one '_'; quotes, backslashes and '%' too);
/// <c>filename*</c> carries the exact name (RFC 8187 attr-chars kept, every other UTF-8 byte %XX-encoded).
/// Path separators and control characters are removed from both.
/// </summary>
public static class ContentDispositionHeader
{
    public static string ForAttachment(string fileName) => Build("attachment", fileName, null);

    /// <summary>An attachment with a chosen ASCII fallback name (a document's id when its title, the real name, is Chinese).</summary>
    public static string ForAttachment(string fileName, string asciiFallback)
    {
        ArgumentNullException.ThrowIfNull(asciiFallback);
        return Build("attachment", fileName, asciiFallback);
    }

    /// <summary>For the inline preview of PDFs and images (served in a sandboxed frame).</summary>
    public static string ForInline(string fileName) => Build("inline", fileName, null);

    private static string Build(string disposition, string fileName, string? asciiFallback)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = Clean(fileName);
        return $"{disposition}; filename=\"{AsciiFallback(asciiFallback is null ? name : Clean(asciiFallback))}\"; filename*=UTF-8''{PercentEncode(name)}";
    }

    private static string Clean(string fileName)
    {
        var builder = new StringBuilder();
        foreach (var c in fileName.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && c is not ('/' or '\\'))
            {
                builder.Append(c);
            }
        }

        var name = builder.ToString().Trim();
        return name.Length == 0 ? "download" : name;
    }

    private static string AsciiFallback(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name)
        {
            var keep = c is >= ' ' and <= '~' && c is not ('"' or '\\' or '%');
            if (keep)
            {
                builder.Append(c);
            }
            else if (builder.Length == 0 || builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        var fallback = builder.ToString();
        var stem = Path.GetFileNameWithoutExtension(fallback);
        return stem.Trim('_', ' ', '.').Length == 0 ? "download" + Path.GetExtension(fallback) : fallback;
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

using System.Text;
using KnowledgeHub.Documents;

namespace KnowledgeHub.Portal.Access;

/// <summary>
/// RFC 6266 <c>Content-Disposition: attachment</c> for a document's Markdown (<see cref="ContentDispositionHeader"/>):
/// <c>filename="{id}.md"</c> as the ASCII fallback (ids are [a-z0-9-]) and <c>filename*</c> with the title made a file name.
/// </summary>
public static class DownloadFileName
{
    private const int MaxTitleLength = 120;

    public static string ContentDisposition(string title, string asciiFallback)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(asciiFallback);
        return ContentDispositionHeader.ForAttachment(FileName(title) + ".md", asciiFallback);
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
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace KnowledgeHub.Documents.Export;

/// <summary>
/// A document version as an exported Markdown file: front matter with every field an import reads back (id, type,
/// title, collection, tags, confidentiality, readers, editors, status, owner, created, updated, version, attachments
/// and the template fields), then the body — with links to the document's own attachments made relative
/// (<c>{id}.files/{name}</c>), so the zip reads on its own and imports back.
/// </summary>
public static partial class MarkdownExport
{
    public static string FilesFolder(string id) => id + ".files";

    public static string Write(DocumentManifest manifest, DocumentVersion version)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(version);
        var fields = new List<KeyValuePair<string, object?>>
        {
            new("id", manifest.Id),
            new("type", manifest.Type),
            new("title", version.Title),
            new("collection", manifest.Collection),
            new("tags", manifest.Tags.ToList()),
            new("confidentiality", manifest.Confidentiality.ToString()),
            new("readers", manifest.Readers.ToList()),
            new("editors", manifest.Editors.ToList()),
            new("status", manifest.Status.ToString()),
            new("owner", manifest.Owner),
            new("owner_name", manifest.OwnerName),
            new("created", manifest.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new("updated", version.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new("version", version.Number),
            new("attachments", manifest.Attachments.Select(a => a.Name).ToList()),
        };
        fields.AddRange(version.Metadata.Select(pair => new KeyValuePair<string, object?>(pair.Key, pair.Value)));
        return FrontMatter.Write(fields, RelativeLinks(manifest.Id, version.Markdown));
    }

    /// <summary><c>(/Documents/{id}/Attachments/x.png)</c> → <c>({id}.files/x.png)</c>, for this document's own attachments.</summary>
    public static string RelativeLinks(string id, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return markdown.Replace($"/Documents/{id}/Attachments/", FilesFolder(id) + "/", StringComparison.Ordinal);
    }

    /// <summary>The reverse of <see cref="RelativeLinks"/>, for an import: <c>{stem}.files/x.png</c> → the new document's attachment address.</summary>
    public static string AbsoluteLinks(string stem, string newId, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return LinkTarget().Replace(markdown, match =>
            match.Groups["folder"].Value == stem + ".files" ? match.Groups["open"].Value + $"/Documents/{newId}/Attachments/" : match.Value);
    }

    [GeneratedRegex(@"(?<open>\]\(<?)(?:\./)?(?<folder>[^\s/()<>]+\.files)/")]
    private static partial Regex LinkTarget();
}

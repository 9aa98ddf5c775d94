using System.Globalization;

namespace KnowledgeHub.Documents;

/// <summary>Blob names of documents. Callers validate ids with <see cref="DocumentIds.IsValid"/> first.</summary>
internal static class DocumentLayout
{
    public const string DocsPrefix = "docs/";

    public static string Manifest(string id) => $"{DocsPrefix}{id}/manifest.json";

    public static string VersionsPrefix(string id) => $"{DocsPrefix}{id}/v/";

    public static string Version(string id, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{VersionsPrefix(id)}{number}.md");

    /// <summary>The action items and lessons parsed from version n (derived data, create-only); see <see cref="VersionStructure"/>.</summary>
    public static string Structure(string id, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{DocsPrefix}{id}/structure/{number}.json");

    /// <summary>The append-only review log of a document (JSON lines of <see cref="ReviewEntry"/>).</summary>
    public static string Reviews(string id) => $"{DocsPrefix}{id}/reviews.jsonl";

    /// <summary>Attachment content, content-addressed and create-only.</summary>
    public static string File(string sha256) => $"files/{sha256}";

    /// <summary>The version number of a blob under <see cref="VersionsPrefix"/>, or null for any other name.</summary>
    public static int? VersionNumber(string id, string blobName)
    {
        var prefix = VersionsPrefix(id);
        if (!blobName.StartsWith(prefix, StringComparison.Ordinal) || !blobName.EndsWith(".md", StringComparison.Ordinal))
        {
            return null;
        }

        var digits = blobName[prefix.Length..^3];
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
    }

    /// <summary>The id of a manifest blob name (<c>docs/{id}/manifest.json</c>), or null.</summary>
    public static string? IdOfManifest(string blobName)
    {
        const string suffix = "/manifest.json";
        if (!blobName.StartsWith(DocsPrefix, StringComparison.Ordinal) || !blobName.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = blobName[DocsPrefix.Length..^suffix.Length];
        return DocumentIds.IsValid(id) ? id : null;
    }
}

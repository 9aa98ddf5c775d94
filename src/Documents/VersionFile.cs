using System.Globalization;
using System.Text;

namespace KnowledgeHub.Documents;

/// <summary>
/// A version blob: Markdown with front matter (id, version, base_version, title, author, author_name,
/// created in ISO 8601 UTC, change_note, then the template metadata fields) and the body.
/// <c>base_version</c> is the version the edit was made from; it lets the history skip numbers that
/// were written but never committed (see <see cref="DocumentRepository"/>).
/// </summary>
internal static class VersionFile
{
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public static byte[] Write(DocumentVersion version, int baseVersion)
    {
        var fields = new List<KeyValuePair<string, object?>>
        {
            new("id", version.DocumentId),
            new("version", version.Number),
            new("base_version", baseVersion),
            new("title", version.Title),
            new("author", version.Author),
            new("author_name", version.AuthorName),
            new("created", version.CreatedUtc.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture)),
            new("change_note", version.ChangeNote),
        };
        fields.AddRange(version.Metadata.Select(pair => new KeyValuePair<string, object?>(pair.Key, pair.Value)));
        return Encoding.UTF8.GetBytes(FrontMatter.Write(fields, version.Markdown));
    }

    public static (DocumentVersion Version, int BaseVersion) Read(string id, int number, ReadOnlyMemory<byte> content)
    {
        var document = FrontMatter.Parse(Encoding.UTF8.GetString(content.Span));
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in document.Fields)
        {
            if (!DocumentRules.ReservedMetadataKeys.Contains(key))
            {
                metadata[key] = FrontMatterValues.AsString(value) ?? "";
            }
        }

        var version = new DocumentVersion
        {
            DocumentId = id,
            Number = number,
            Title = document.GetString("title") ?? "",
            Markdown = document.Body,
            Metadata = metadata,
            Author = document.GetString("author") ?? "",
            AuthorName = document.GetString("author_name") ?? "",
            CreatedUtc = ParseUtc(document.GetString("created")) ?? DateTimeOffset.UnixEpoch,
            ChangeNote = document.GetString("change_note") ?? "",
        };
        var baseVersion = int.TryParse(document.GetString("base_version"), NumberStyles.None, CultureInfo.InvariantCulture, out var b)
            ? b
            : number - 1;
        return (version, baseVersion);
    }

    /// <summary>An ISO 8601 date or date-time; a date or a time without offset is taken as UTC.</summary>
    public static DateTimeOffset? ParseUtc(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value.ToUniversalTime()
            : null;
    }
}

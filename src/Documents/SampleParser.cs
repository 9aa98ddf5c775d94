namespace KnowledgeHub.Documents;

/// <summary>
/// Reads a sample document file (<c>content/samples/{id}.md</c>): front matter with id, type, title, owner,
/// owner_name, created, status, collection, tags, confidentiality, readers, editors; every other key is a
/// template field and goes to <see cref="NewDocument.Metadata"/>. Throws <see cref="FormatException"/> naming what is wrong.
/// </summary>
public static class SampleParser
{
    private static readonly HashSet<string> DocumentKeys = new(StringComparer.Ordinal)
    {
        "id", "type", "title", "owner", "owner_name", "created", "status", "collection", "tags",
        "confidentiality", "readers", "editors",
    };

    public static (NewDocument Document, Caller Owner) Parse(string text)
    {
        var front = FrontMatter.Parse(text);
        var id = Required(front, "id");
        if (!DocumentIds.IsValid(id))
        {
            throw new FormatException($"The id '{id}' is not valid (lowercase letters, digits and '-', 2 to 80 characters).");
        }

        var owner = Required(front, "owner");
        var objectId = owner.StartsWith("user:", StringComparison.Ordinal) ? owner["user:".Length..] : owner;
        var created = front.GetString("created");
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in front.Fields.Where(pair => !DocumentKeys.Contains(pair.Key)))
        {
            metadata[key] = FrontMatterValues.AsString(value) ?? "";
        }

        if (DocumentRules.ValidateMetadata(metadata) is { } error)
        {
            throw new FormatException(error);
        }

        var document = new NewDocument
        {
            Id = id,
            Type = Required(front, "type"),
            Title = Required(front, "title"),
            Markdown = front.Body.TrimStart('\n'),
            Metadata = metadata,
            Collection = front.GetString("collection") ?? "",
            Tags = front.GetList("tags"),
            Confidentiality = TemplateParser.ParseEnum(front.GetString("confidentiality"), Confidentiality.Internal, "confidentiality"),
            Readers = front.GetList("readers"),
            Editors = front.GetList("editors"),
            Status = TemplateParser.ParseEnum(front.GetString("status"), DocumentStatus.Draft, "status"),
            ChangeNote = "Imported sample",
            CreatedUtc = created is null
                ? null
                : VersionFile.ParseUtc(created) ?? throw new FormatException($"'created: {created}' is not a date (YYYY-MM-DD or an ISO 8601 date-time)."),
        };
        return (document, new Caller { ObjectId = objectId, Name = front.GetString("owner_name") ?? owner });
    }

    private static string Required(FrontMatterDocument front, string key) =>
        front.GetString(key) ?? throw new FormatException($"The front matter has no '{key}'.");
}

namespace KnowledgeHub.Documents.Import;

/// <summary>A converted file with the batch's defaults applied: the document to create, and its report line so far.</summary>
internal sealed record PlannedDocument(NewDocument Document, ImportItem Item, IReadOnlyList<ImportAttachment> Attachments);

/// <summary>
/// Applies the batch defaults to a converted file. Each field comes from the file's own front matter first, then the
/// batch, then the template: type (front matter, batch, else guessed from headings), collection, confidentiality,
/// readers and editors; tags are the front matter's, the folder names and the batch's together.
/// </summary>
internal static class ImportPlanner
{
    /// <summary>Front matter keys that describe the document (or came from an export) and are not template fields.</summary>
    private static readonly HashSet<string> DocumentKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "type", "title", "collection", "tags", "confidentiality", "readers", "editors", "status", "owner", "owner_name",
        "created", "updated", "version", "base_version", "author", "author_name", "change_note", "attachments", "published_version",
    };

    public static PlannedDocument Plan(
        SourceEntry entry, ImportedFile file, string id, ImportDefaults defaults, IReadOnlyList<DocumentTemplate> templates, IReadOnlyList<ImportAttachment> extra)
    {
        var front = file.Front;
        var explicitType = front?.GetString("type") ?? defaults.Type;
        var guessed = explicitType is null ? TypeGuesser.Guess(templates, file.Headings) : null;
        var typeKey = explicitType ?? guessed?.Key
            ?? throw new FormatException("Its headings match no template's sections; choose a type for the batch.");
        var template = templates.FirstOrDefault(t => string.Equals(t.Key, typeKey, StringComparison.OrdinalIgnoreCase))
            ?? throw new FormatException($"There is no document type '{typeKey}'. Types: {string.Join(", ", templates.Select(t => t.Key))}.");

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in front?.Fields ?? new Dictionary<string, object?>())
        {
            if (!DocumentKeys.Contains(key) && !DocumentRules.ReservedMetadataKeys.Contains(key) && FrontMatterValues.AsString(value) is { } text)
            {
                metadata[key] = text;
            }
        }

        var title = Title(file.Title);
        var confidentiality = front?.GetString("confidentiality") is { } level
            ? TemplateParser.ParseEnum(level, Confidentiality.Internal, "confidentiality")
            : defaults.Confidentiality ?? template.DefaultConfidentiality;
        var tags = (front?.GetList("tags") ?? [])
            .Concat(entry.Folders.Where(f => !f.EndsWith(".files", StringComparison.OrdinalIgnoreCase)))
            .Concat(defaults.Tags)
            .Select(t => t.Trim())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var document = new NewDocument
        {
            Id = id,
            Type = template.Key,
            Title = title,
            Markdown = file.Markdown,
            Metadata = metadata,
            Collection = front?.GetString("collection") ?? defaults.Collection ?? template.DefaultCollection,
            Tags = tags,
            Confidentiality = confidentiality,
            Readers = front is not null && front.Fields.ContainsKey("readers") ? front.GetList("readers") : defaults.Readers,
            Editors = front is not null && front.Fields.ContainsKey("editors") ? front.GetList("editors") : defaults.Editors,
            ChangeNote = $"Imported from {entry.Path}",
            CreatedUtc = front?.GetString("created") is { } created && DateTimeOffset.TryParse(created, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var when) ? when : null,
        };
        var ownAccess = front is not null && (front.Fields.ContainsKey("confidentiality") || front.Fields.ContainsKey("readers") || front.Fields.ContainsKey("editors"));
        if (!ownAccess && defaults.AccessDefaults is { } apply)
        {
            document = apply(document);
        }

        var problems = TemplateConformance.Check(template, title, metadata, file.Markdown).Problems.Select(p => p.Message).ToList();
        var attachments = file.Attachments.Concat(extra).ToList();
        var item = new ImportItem(entry.Path, ImportOutcome.WouldImport, null)
        {
            Kind = file.Kind,
            Title = title,
            Type = template.Key,
            TypeGuessed = guessed is not null,
            DocumentId = id,
            Tags = tags,
            Attachments = attachments.Count,
            Problems = problems,
        };
        return new PlannedDocument(document, item, attachments);
    }

    private static string Title(string title)
    {
        var clean = DocumentRules.NormalizeTitle(new string(title.Where(c => !char.IsControl(c)).ToArray()));
        return clean.Length <= DocumentRules.MaxTitleLength ? clean : clean[..DocumentRules.MaxTitleLength].Trim();
    }
}

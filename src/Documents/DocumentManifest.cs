using System.Text.Json.Serialization;

namespace KnowledgeHub.Documents;

[JsonConverter(typeof(JsonStringEnumConverter<DocumentStatus>))]
public enum DocumentStatus
{
    Draft,
    InReview,
    Published,
    Archived,
}

[JsonConverter(typeof(JsonStringEnumConverter<Confidentiality>))]
public enum Confidentiality
{
    /// <summary>Every signed-in user may read.</summary>
    Internal,

    /// <summary>Only the owner, listed readers and editors (and admins) may read.</summary>
    Confidential,

    /// <summary>As Confidential; attachments need an explicit grant; never in feeds or previews.</summary>
    Restricted,
}

/// <summary>
/// The current metadata of a document: <c>docs/{id}/manifest.json</c>, replaced with If-Match.
/// Principals are strings: <c>user:{oid}</c>, <c>group:{objectId}</c>, <c>role:{appRole}</c>, <c>everyone</c>.
/// </summary>
public sealed record DocumentManifest
{
    public required string Id { get; init; }

    /// <summary>The template key, e.g. <c>retrospective</c>.</summary>
    public required string Type { get; init; }

    public required string Title { get; init; }

    public DocumentStatus Status { get; init; } = DocumentStatus.Draft;

    /// <summary>The owner's principal, <c>user:{oid}</c>.</summary>
    public required string Owner { get; init; }

    public string OwnerName { get; init; } = "";

    public string Collection { get; init; } = "";

    public IReadOnlyList<string> Tags { get; init; } = [];

    public Confidentiality Confidentiality { get; init; } = Confidentiality.Internal;

    public IReadOnlyList<string> Readers { get; init; } = [];

    public IReadOnlyList<string> Editors { get; init; } = [];

    /// <summary>The newest version number (1-based).</summary>
    public int CurrentVersion { get; init; }

    public DateTimeOffset CreatedUtc { get; init; }

    public DateTimeOffset UpdatedUtc { get; init; }

    public string UpdatedBy { get; init; } = "";

    public string UpdatedByName { get; init; } = "";
}

/// <summary>One immutable version, <c>docs/{id}/v/{n}.md</c>: Markdown with front matter.</summary>
public sealed record DocumentVersion
{
    public required string DocumentId { get; init; }

    public required int Number { get; init; }

    public required string Title { get; init; }

    /// <summary>The Markdown body (front matter removed).</summary>
    public required string Markdown { get; init; }

    /// <summary>Template fields of this version (period, project, competitor...), as written.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public required string Author { get; init; }

    public string AuthorName { get; init; } = "";

    public DateTimeOffset CreatedUtc { get; init; }

    public string ChangeNote { get; init; } = "";
}

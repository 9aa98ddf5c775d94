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

    /// <summary>
    /// The approved version readers see, or null while no version was ever approved. Lifecycle model
    /// (<see cref="DocumentWorkflow"/>): <see cref="CurrentVersion"/> is the newest text, the working copy;
    /// <see cref="PublishedVersion"/> is the last approved one. Saving a published document does not change
    /// <see cref="Status"/>: it stays <see cref="DocumentStatus.Published"/> with <see cref="HasPendingDraft"/>
    /// until the new version is submitted and approved, and readers keep seeing <see cref="ReaderVersion"/>.
    /// </summary>
    public int? PublishedVersion { get; init; }

    /// <summary>Who may decide the review: <c>user:{oid}</c> (a user with the Reviewer role), <c>group:{id}</c> or <c>role:{name}</c>.</summary>
    public IReadOnlyList<string> Reviewers { get; init; } = [];

    /// <summary>The latest workflow step (submit, approve, request changes, archive, restore) with its comment; the full trail is the review log.</summary>
    public ReviewEntry? LastReview { get; init; }

    /// <summary>Attached files, unique by name (case-insensitive); content at <c>files/{sha256}</c>.</summary>
    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];

    /// <summary>The version to show a reader: <see cref="PublishedVersion"/>, or <see cref="CurrentVersion"/> while nothing was ever approved.</summary>
    [JsonIgnore]
    public int ReaderVersion => PublishedVersion ?? CurrentVersion;

    /// <summary>True when a published document has a newer, not yet approved version (in draft or in review).</summary>
    [JsonIgnore]
    public bool HasPendingDraft => PublishedVersion is { } published && CurrentVersion > published;

    /// <summary>The version a reviewer is asked to decide on while <see cref="Status"/> is <see cref="DocumentStatus.InReview"/>; otherwise null.</summary>
    [JsonIgnore]
    public int? SubmittedVersion => Status == DocumentStatus.InReview && LastReview is { Decision: ReviewDecision.Submit } submit ? submit.Version : null;
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

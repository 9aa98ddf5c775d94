namespace KnowledgeHub.Documents;

/// <summary>A document to create. <see cref="Id"/> is normally generated; the importer passes the sample's id.</summary>
public sealed record NewDocument
{
    public required string Type { get; init; }

    public required string Title { get; init; }

    public required string Markdown { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public string? Id { get; init; }

    public string Collection { get; init; } = "";

    public IReadOnlyList<string> Tags { get; init; } = [];

    public Confidentiality Confidentiality { get; init; } = Confidentiality.Internal;

    public IReadOnlyList<string> Readers { get; init; } = [];

    public IReadOnlyList<string> Editors { get; init; } = [];

    public DocumentStatus Status { get; init; } = DocumentStatus.Draft;

    public string ChangeNote { get; init; } = "";

    /// <summary>When set (sample import), the creation time; otherwise now.</summary>
    public DateTimeOffset? CreatedUtc { get; init; }
}

/// <summary>A new version of an existing document, made from <see cref="BaseVersion"/>.</summary>
public sealed record DocumentEdit
{
    public required string Id { get; init; }

    public required int BaseVersion { get; init; }

    public required string Title { get; init; }

    public required string Markdown { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public string ChangeNote { get; init; } = "";
}

public sealed record VersionInfo(int Number, string Title, string Author, string AuthorName, DateTimeOffset CreatedUtc, string ChangeNote);

/// <summary>The outcome of a save: saved, a conflict that keeps both texts, or no such document.</summary>
public abstract record SaveResult
{
    private SaveResult()
    {
    }

    public sealed record Saved(DocumentManifest Manifest) : SaveResult;

    /// <summary>Someone saved in between: <see cref="Current"/> is theirs, <see cref="Attempted"/> is ours (not written).</summary>
    public sealed record Conflict(DocumentManifest Manifest, DocumentVersion Current, DocumentEdit Attempted) : SaveResult;

    public sealed record NotFound(string Id) : SaveResult;
}

/// <summary>
/// <see cref="DocumentRepository.CreateAsync"/> was given an id that is already taken (sample import, or
/// a re-run of it). Generated ids never collide in practice; the repository retries if they do.
/// </summary>
public sealed class DocumentAlreadyExistsException : Exception
{
    public DocumentAlreadyExistsException(string id)
        : base($"A document with the id '{id}' already exists.") => Id = id;

    public DocumentAlreadyExistsException(string id, Exception inner)
        : base($"A document with the id '{id}' already exists.", inner) => Id = id;

    public string Id { get; }
}

/// <summary>A manifest and the ETag of the blob it was read from.</summary>
public sealed record StoredManifest(DocumentManifest Manifest, string ETag);

/// <summary>A document id and its manifest blob's ETag, as a listing shows them.</summary>
public sealed record ListedManifest(string Id, string ETag);

using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Documents;

/// <summary>
/// Documents on blobs: <c>docs/{id}/manifest.json</c> (If-Match), <c>docs/{id}/v/{n}.md</c> (create-only),
/// then a change-log entry. Write order: version → manifest (commit point) → change log.
/// </summary>
public sealed partial class DocumentRepository(IBlobStore store, ChangeLog changeLog, TimeProvider time, ILogger<DocumentRepository> logger)
{
    public Task<DocumentManifest> CreateAsync(NewDocument document, Caller author, CancellationToken cancellationToken)
        => throw new NotImplementedException();

    /// <summary>The manifest, or null when no document has that id (or the id is malformed).</summary>
    public Task<DocumentManifest?> GetManifestAsync(string id, CancellationToken cancellationToken)
        => throw new NotImplementedException();

    /// <summary>A version, or null when it does not exist.</summary>
    public Task<DocumentVersion?> GetVersionAsync(string id, int number, CancellationToken cancellationToken)
        => throw new NotImplementedException();

    /// <summary>Saves a new version against the version the editor started from; a stale base is a conflict.</summary>
    public Task<SaveResult> SaveAsync(DocumentEdit edit, Caller author, CancellationToken cancellationToken)
        => throw new NotImplementedException();

    /// <summary>All manifests (no access filtering: callers filter with <see cref="DocumentAccess"/>).</summary>
    public IAsyncEnumerable<DocumentManifest> ListAsync(CancellationToken cancellationToken)
        => throw new NotImplementedException();

    /// <summary>The versions of a document, newest first, without their Markdown bodies.</summary>
    public Task<IReadOnlyList<VersionInfo>> ListVersionsAsync(string id, CancellationToken cancellationToken)
        => throw new NotImplementedException();
}

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

using KnowledgeHub.Documents;

namespace KnowledgeHub.Portal.Api;

/// <summary><c>GET /api/v1/search</c>: one page of hits the caller may read, trimmed as the search page trims.</summary>
public sealed record ApiSearchResponse(string Query, int Total, int Page, int PageSize, IReadOnlyList<ApiSearchHit> Hits, string? Notice);

/// <summary>A hit. <see cref="Snippet"/> is HTML-encoded text with &lt;mark&gt; only; <see cref="Url"/> is the document's page, relative to the portal.</summary>
public sealed record ApiSearchHit(string Id, string Title, string Type, DocumentStatus Status, DateTimeOffset UpdatedUtc, string Snippet, string Url);

/// <summary>
/// <c>GET /api/v1/documents/{id}</c>: what the caller may see of the document and the Markdown of <see cref="Version"/>,
/// the version a reader sees. <see cref="CurrentVersion"/> is the newest version the caller may see (a reader is not
/// told of a pending draft). 403 for a Restricted document without a download grant.
/// </summary>
public sealed record ApiDocument(
    string Id,
    string Type,
    string Title,
    DocumentStatus Status,
    string Owner,
    string OwnerName,
    string Collection,
    IReadOnlyList<string> Tags,
    Confidentiality Confidentiality,
    int CurrentVersion,
    DateTimeOffset UpdatedUtc,
    string Markdown,
    int Version);

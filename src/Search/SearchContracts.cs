using KnowledgeHub.Documents;

namespace KnowledgeHub.Search;

/// <summary>A search as the caller asked it; the caller's principals filter inside the Lucene query.</summary>
public sealed record SearchRequest
{
    public required string Query { get; init; }

    public required Caller Caller { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 10;
}

/// <summary>
/// One page of hits. <see cref="Notice"/> is a sentence for the user when the query could not be
/// read as written (e.g. a syntax error fell back to a plain-words search).
/// </summary>
public sealed record SearchResults(string Query, int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Hits, string? Notice)
{
    public int PageCount => PageSize <= 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>A hit; <see cref="TitleHtml"/> and <see cref="SnippetHtml"/> are HTML-encoded text with &lt;mark&gt; only.</summary>
public sealed record SearchHit(
    string DocumentId,
    string Title,
    string TitleHtml,
    string Type,
    DocumentStatus Status,
    DateTimeOffset UpdatedUtc,
    string SnippetHtml,
    float Score);

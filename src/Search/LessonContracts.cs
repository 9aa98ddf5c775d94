using KnowledgeHub.Documents;

namespace KnowledgeHub.Search;

/// <summary>
/// A search over lessons only (each lesson is its own index entry, trimmed by its document's access rules).
/// <see cref="Query"/> may be empty (all lessons, newest first) and may hold typed filters like the search box;
/// <see cref="Filters"/> and <see cref="Year"/> select by the parent document's type, collection, tags, year...
/// Lessons of archived documents are included unless <see cref="IncludeArchived"/> is false: past lessons are the point.
/// </summary>
public sealed record LessonQuery
{
    public string Query { get; init; } = "";

    public required Caller Caller { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = SearchFacets.NoFilters;

    /// <summary>Shorthand for a <see cref="SearchFacets.Year"/> filter.</summary>
    public int? Year { get; init; }

    public bool IncludeArchived { get; init; } = true;

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>One page of lessons, with facets over the lessons the caller may read.</summary>
public sealed record LessonResults(int Total, int Page, int PageSize, IReadOnlyList<LessonHit> Hits)
{
    public IReadOnlyList<FacetGroup> Facets { get; init; } = [];

    /// <summary>How the query was read, as <see cref="SearchResults.Notes"/>: what was not searched as typed first, then most words, time...</summary>
    public IReadOnlyList<QueryNote> Notes { get; init; } = [];

    /// <summary>The time words read as a filter on the lessons' documents' period, as <see cref="SearchResults.TimeFilter"/>.</summary>
    public AppliedTimeFilter? TimeFilter { get; init; }

    /// <summary>The query with its misspelt words corrected, as <see cref="SearchResults.DidYouMean"/>: when few lessons match.</summary>
    public string? DidYouMean { get; init; }
}

/// <summary>A lesson; <see cref="TextHtml"/> is the encoded text with matches in &lt;mark&gt;.</summary>
public sealed record LessonHit(
    string DocumentId,
    string DocumentTitle,
    string Text,
    string TextHtml,
    string Type,
    string Collection,
    IReadOnlyList<string> Tags,
    DocumentStatus Status,
    DateTimeOffset UpdatedUtc,
    float Score);

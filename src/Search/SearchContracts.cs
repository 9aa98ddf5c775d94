using KnowledgeHub.Documents;

namespace KnowledgeHub.Search;

/// <summary>How hits are ordered.</summary>
public enum SearchSort
{
    /// <summary>Best match first (a search with no words, only filters, lists newest first).</summary>
    Relevance,

    /// <summary>Most recently updated first.</summary>
    Newest,
}

/// <summary>
/// A search as the caller asked it; the caller's principals filter inside the Lucene query. <see cref="Query"/>
/// may also hold typed filters: <c>type: tag: collection: status: year:</c> (a value, any case), <c>owner:</c>
/// (a principal <c>user:{oid}</c>, <c>me</c>, or words of the owner's name: <c>owner:alice</c>, <c>owner:王丽</c>),
/// dates <c>after:2026-01-01 before:2026-06-30 updated:[2026-01-01 TO 2026-06-30]</c> (UTC days of the last
/// update, inclusive), each negatable with <c>-</c> or <c>NOT</c>. <see cref="Filters"/> carries clicked facet
/// values (dimension → values, see <see cref="SearchFacets"/>). Values of one dimension are alternatives (OR);
/// dimensions, typed filters and dates all apply (AND). A query of filters only lists what matches, newest first.
/// </summary>
public sealed record SearchRequest
{
    public required string Query { get; init; }

    public required Caller Caller { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 10;

    /// <summary>Selected facet values by dimension (<see cref="SearchFacets.Type"/>, ...), as <see cref="FacetValue.Value"/> gives them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = SearchFacets.NoFilters;

    /// <summary>Only documents last updated on or after this day (UTC).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only documents last updated on or before this day (UTC).</summary>
    public DateOnly? To { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>
    /// Archived documents are left out unless this is set or a status is selected (e.g. <c>status:Archived</c>);
    /// the status facet still counts them, so the user can pick them.
    /// </summary>
    public bool IncludeArchived { get; init; }
}

/// <summary>
/// One page of hits, with <see cref="Notes"/> on how the query was read (a syntax error fell back to a plain-words
/// search, a filter was ignored, most words were found) for the portal to word in the user's language.
/// </summary>
public sealed record SearchResults(string Query, int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Hits)
{
    public int PageCount => PageSize <= 0 ? 0 : (Total + PageSize - 1) / PageSize;

    /// <summary>Counts per dimension over the documents the caller may read (multi-select: see <see cref="FacetGroup"/>).</summary>
    public IReadOnlyList<FacetGroup> Facets { get; init; } = [];

    /// <summary>A corrected query (English spelling) when there were few or no hits and the correction finds more.</summary>
    public string? DidYouMean { get; init; }

    /// <summary>
    /// How the query was read, for the user (see <see cref="QueryNoteKind"/>): first what was not searched as typed (syntax
    /// searched as words, text cut, filters ignored: <see cref="QueryNote.NotAsTyped"/>), then most words, common words
    /// left out, exclusions, the time filter.
    /// </summary>
    public IReadOnlyList<QueryNote> Notes { get; init; } = [];

    /// <summary>
    /// The time expression of the query read as a filter on the documents' period or date, if any; not applied when a
    /// <see cref="QueryNoteKind.TimeFilterEmptied"/> note says it left nothing (the hits are then from any time).
    /// </summary>
    public AppliedTimeFilter? TimeFilter { get; init; }
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
    float Score)
{
    /// <summary>The file name of the attachment the snippet comes from, when the match is in an attachment and not in the text.</summary>
    public string? MatchedAttachment { get; init; }

    /// <summary>Query words this document matched only through the glossary (复盘 → retrospective); empty for direct matches.</summary>
    public IReadOnlyList<GlossaryMatch> MatchedVia { get; init; } = [];

    /// <summary>
    /// The hit's document number in the index searcher that found it (-1 when unknown): meaningful only inside that
    /// search, where the glossary check reads it instead of looking the document up by id.
    /// </summary>
    internal int IndexDoc { get; init; } = -1;
}

namespace KnowledgeHub.Search;

/// <summary>Runs a caller's query against the index (synchronous: Lucene is CPU-bound).</summary>
public sealed class SearchService
{
    public SearchResults Search(SearchRequest request) => throw new NotImplementedException();
}

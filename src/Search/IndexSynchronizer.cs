namespace KnowledgeHub.Search;

/// <summary>Keeps the index in step with storage by following the change log from the index's checkpoint.</summary>
public sealed class IndexSynchronizer
{
    /// <summary>Applies every change logged since the checkpoint; the portal calls it right after a save.</summary>
    public Task CatchUpAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Re-indexes every document from storage; returns the number of documents indexed.</summary>
    public Task<int> RebuildAsync(CancellationToken cancellationToken) => throw new NotImplementedException();
}

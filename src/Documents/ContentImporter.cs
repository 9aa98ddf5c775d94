namespace KnowledgeHub.Documents;

/// <summary>On first start, imports <c>content/templates</c> and <c>content/samples</c> into an empty store.</summary>
public sealed class ContentImporter
{
    /// <summary>Imports when the store holds no documents; returns how many documents were imported (0 when not empty).</summary>
    public Task<int> ImportIfEmptyAsync(string contentRoot, CancellationToken cancellationToken)
        => throw new NotImplementedException();
}

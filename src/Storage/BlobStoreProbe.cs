using System.Text;

namespace KnowledgeHub.Storage;

/// <summary>Proves a store is usable: writes a small blob under "health/", reads it back and deletes it.</summary>
internal static class BlobStoreProbe
{
    public static async Task RunAsync(IBlobStore store, CancellationToken cancellationToken)
    {
        var name = $"health/probe-{Guid.NewGuid():N}";
        var content = Encoding.UTF8.GetBytes($"probe {DateTimeOffset.UtcNow:O}");
        var etag = await store.WriteAsync(name, content, WriteCondition.IfNotExists, cancellationToken);
        var read = await store.ReadAsync(name, cancellationToken);
        await store.DeleteAsync(name, cancellationToken);
        if (read is null || read.ETag != etag || !read.Content.Span.SequenceEqual(content))
        {
            throw new InvalidOperationException("a probe blob did not read back as it was written");
        }
    }
}

using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Documents.Tests.Support;

/// <summary>
/// The real store, except that every append to the change log fails (storage dropped the request after the manifest's
/// commit point): a repository over it commits its changes but never logs them.
/// </summary>
public sealed class LostAppendStore(IBlobStore inner) : IBlobStore
{
    /// <summary>A repository whose every change misses the change log (same storage, same layout).</summary>
    public static DocumentRepository Repository(IBlobStore store)
    {
        var lossy = new LostAppendStore(store);
        return new DocumentRepository(lossy, new ChangeLog(lossy, TimeProvider.System), TimeProvider.System, NullLogger<DocumentRepository>.Instance);
    }

    public Task<BlobContent?> ReadAsync(string name, CancellationToken cancellationToken) => inner.ReadAsync(name, cancellationToken);

    public Task<BlobContent?> ReadAsync(string name, long offset, CancellationToken cancellationToken) => inner.ReadAsync(name, offset, cancellationToken);

    public Task<string> WriteAsync(string name, Stream content, WriteCondition condition, CancellationToken cancellationToken) =>
        inner.WriteAsync(name, content, condition, cancellationToken);

    public Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken) =>
        inner.WriteAsync(name, content, condition, cancellationToken);

    public IAsyncEnumerable<BlobItem> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task<long> AppendAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        name.StartsWith(ChangeLog.Prefix, StringComparison.Ordinal)
            ? throw new IOException($"Simulated: the append to '{name}' was lost.")
            : inner.AppendAsync(name, content, cancellationToken);

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) => inner.DeleteAsync(name, cancellationToken);
}

using KnowledgeHub.Storage;

namespace KnowledgeHub.Documents.Tests.Support;

/// <summary>
/// The real store with a hook to make a race happen at an exact point: <see cref="BeforeWrite"/> runs before
/// each write (the test decides what else happens first), <see cref="WriteRefused"/> reports refused conditions.
/// </summary>
public sealed class InterleavingBlobStore(IBlobStore inner) : IBlobStore
{
    public Func<string, Task>? BeforeWrite { get; set; }

    public Action<string>? WriteRefused { get; set; }

    public Task<BlobContent?> ReadAsync(string name, CancellationToken cancellationToken) => inner.ReadAsync(name, cancellationToken);

    public Task<BlobContent?> ReadAsync(string name, long offset, CancellationToken cancellationToken) => inner.ReadAsync(name, offset, cancellationToken);

    public Task<string> WriteAsync(string name, Stream content, WriteCondition condition, CancellationToken cancellationToken) =>
        inner.WriteAsync(name, content, condition, cancellationToken);

    public async Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken)
    {
        if (BeforeWrite is { } hook)
        {
            await hook(name);
        }

        try
        {
            return await inner.WriteAsync(name, content, condition, cancellationToken);
        }
        catch (BlobConditionFailedException)
        {
            WriteRefused?.Invoke(name);
            throw;
        }
    }

    public IAsyncEnumerable<BlobItem> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task<long> AppendAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => inner.AppendAsync(name, content, cancellationToken);

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) => inner.DeleteAsync(name, cancellationToken);
}

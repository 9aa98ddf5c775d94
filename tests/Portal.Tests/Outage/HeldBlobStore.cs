using KnowledgeHub.Storage;

namespace KnowledgeHub.Portal.Tests.Outage;

/// <summary>
/// The real file store whose manifest writes can be held (<see cref="Hold"/>) until <see cref="Release"/>: storage that
/// answers, but too slowly to confirm a save while the request waits (as Azurite did under load, for minutes).
/// </summary>
public sealed class HeldBlobStore(IBlobStore inner) : IBlobStore
{
    private volatile TaskCompletionSource? held;

    public void Hold() => held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => held?.TrySetResult();

    public Task<BlobContent?> ReadAsync(string name, CancellationToken cancellationToken) => inner.ReadAsync(name, cancellationToken);

    public Task<BlobContent?> ReadAsync(string name, long offset, CancellationToken cancellationToken) => inner.ReadAsync(name, offset, cancellationToken);

    public async Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken)
    {
        await WaitIfHeldAsync(name, cancellationToken);
        return await inner.WriteAsync(name, content, condition, cancellationToken);
    }

    public async Task<string> WriteAsync(string name, Stream content, WriteCondition condition, CancellationToken cancellationToken)
    {
        await WaitIfHeldAsync(name, cancellationToken);
        return await inner.WriteAsync(name, content, condition, cancellationToken);
    }

    public IAsyncEnumerable<BlobItem> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task<long> AppendAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => inner.AppendAsync(name, content, cancellationToken);

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) => inner.DeleteAsync(name, cancellationToken);

    private Task WaitIfHeldAsync(string name, CancellationToken cancellationToken) =>
        name.EndsWith("/manifest.json", StringComparison.Ordinal) && held is { } gate ? gate.Task.WaitAsync(cancellationToken) : Task.CompletedTask;
}

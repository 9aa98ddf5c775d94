using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KnowledgeHub.Storage;

namespace KnowledgeHub.Documents.Tests.Support;

/// <summary>
/// The real store, counting what a reader asks of it (listings by prefix, blob reads), so a test can see how many
/// round trips an operation costs. <see cref="HoldListings"/> makes the next listing of a prefix wait until released,
/// <see cref="HoldReads"/> the next read of a blob whose name starts with a prefix.
/// </summary>
public sealed class CountingBlobStore(IBlobStore inner) : IBlobStore
{
    private readonly ConcurrentQueue<string> listings = new();
    private readonly ConcurrentQueue<string> reads = new();
    private volatile Hold? hold;
    private volatile Hold? readHold;

    public int Listings(string prefix) => listings.Count(p => p == prefix);

    public int Reads(Func<string, bool> match) => reads.Count(match);

    public void ResetCounts()
    {
        listings.Clear();
        reads.Clear();
    }

    /// <summary>The next listing of <paramref name="prefix"/> waits for <see cref="Hold.Release"/>; <see cref="Hold.Entered"/> completes when it starts.</summary>
    public Hold HoldListings(string prefix) => hold = new Hold(prefix);

    /// <summary>The next read of a name starting with <paramref name="prefix"/> waits for <see cref="Hold.Release"/>.</summary>
    public Hold HoldReads(string prefix) => readHold = new Hold(prefix);

    public async Task<BlobContent?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        reads.Enqueue(name);
        await WaitIfHeldAsync(name, cancellationToken);
        return await inner.ReadAsync(name, cancellationToken);
    }

    public async Task<BlobContent?> ReadAsync(string name, long offset, CancellationToken cancellationToken)
    {
        reads.Enqueue(name);
        await WaitIfHeldAsync(name, cancellationToken);
        return await inner.ReadAsync(name, offset, cancellationToken);
    }

    public Task<string> WriteAsync(string name, Stream content, WriteCondition condition, CancellationToken cancellationToken) =>
        inner.WriteAsync(name, content, condition, cancellationToken);

    public async IAsyncEnumerable<BlobItem> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        listings.Enqueue(prefix);
        if (hold is { } held && held.Prefix == prefix)
        {
            hold = null;
            held.Entered.TrySetResult();
            await held.Released.Task.WaitAsync(cancellationToken);
        }

        await foreach (var item in inner.ListAsync(prefix, cancellationToken))
        {
            yield return item;
        }
    }

    public Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken) =>
        inner.WriteAsync(name, content, condition, cancellationToken);

    public Task<long> AppendAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => inner.AppendAsync(name, content, cancellationToken);

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) => inner.DeleteAsync(name, cancellationToken);

    private async Task WaitIfHeldAsync(string name, CancellationToken cancellationToken)
    {
        if (readHold is { } held && name.StartsWith(held.Prefix, StringComparison.Ordinal) && Interlocked.CompareExchange(ref readHold, null, held) == held)
        {
            held.Entered.TrySetResult();
            await held.Released.Task.WaitAsync(cancellationToken);
        }
    }

    public sealed class Hold(string prefix)
    {
        public string Prefix { get; } = prefix;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => Released.TrySetResult();
    }
}

using System.Runtime.CompilerServices;
using KnowledgeHub.Storage;

namespace KnowledgeHub.Documents.Tests.Support;

/// <summary>
/// The real store, metering what is asked of it: calls of each kind, the names read and the bytes read and appended.
/// <see cref="BeforeRead"/> runs before each read, so a test can make a writer act at an exact point of a reader's work.
/// </summary>
public sealed class MeteredBlobStore(IBlobStore inner) : IBlobStore
{
    private readonly Lock gate = new();
    private readonly List<string> reads = [];
    private readonly List<string> listings = [];

    public Func<string, Task>? BeforeRead { get; set; }

    public int Appends { get; private set; }

    public long BytesRead { get; private set; }

    public long BytesAppended { get; private set; }

    public int Writes { get; private set; }

    public IReadOnlyList<string> ReadNames
    {
        get
        {
            lock (gate)
            {
                return [.. reads];
            }
        }
    }

    public IReadOnlyList<string> ListedPrefixes
    {
        get
        {
            lock (gate)
            {
                return [.. listings];
            }
        }
    }

    /// <summary>Every storage call since the last reset.</summary>
    public int Calls
    {
        get
        {
            lock (gate)
            {
                return reads.Count + listings.Count + Appends + Writes;
            }
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            reads.Clear();
            listings.Clear();
            (Appends, Writes, BytesRead, BytesAppended) = (0, 0, 0, 0);
        }
    }

    public async Task<BlobContent?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await (BeforeRead?.Invoke(name) ?? Task.CompletedTask);
        return Read(name, await inner.ReadAsync(name, cancellationToken));
    }

    public async Task<BlobContent?> ReadAsync(string name, long offset, CancellationToken cancellationToken)
    {
        await (BeforeRead?.Invoke(name) ?? Task.CompletedTask);
        return Read(name, await inner.ReadAsync(name, offset, cancellationToken));
    }

    public Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Writes++;
        }

        return inner.WriteAsync(name, content, condition, cancellationToken);
    }

    public Task<string> WriteAsync(string name, Stream content, WriteCondition condition, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Writes++;
        }

        return inner.WriteAsync(name, content, condition, cancellationToken);
    }

    public async IAsyncEnumerable<BlobItem> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        lock (gate)
        {
            listings.Add(prefix);
        }

        await foreach (var item in inner.ListAsync(prefix, cancellationToken))
        {
            yield return item;
        }
    }

    public Task<long> AppendAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Appends++;
            BytesAppended += content.Length;
        }

        return inner.AppendAsync(name, content, cancellationToken);
    }

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) => inner.DeleteAsync(name, cancellationToken);

    private BlobContent? Read(string name, BlobContent? content)
    {
        lock (gate)
        {
            reads.Add(name);
            BytesRead += content?.Content.Length ?? 0;
        }

        return content;
    }
}

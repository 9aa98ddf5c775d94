using KnowledgeHub.Storage;

namespace KnowledgeHub.Portal.Tests.Outage;

/// <summary>
/// The real file store with a switch: while <see cref="Broken"/>, every call throws what the file store throws when
/// its disk or share is gone (an <see cref="IOException"/>, "Input/output error", naming the path). Tests run as root,
/// where chmod cannot make a folder unreadable, so the failure is thrown here — below the portal's own wrapper.
/// </summary>
public sealed class BreakableBlobStore(IBlobStore inner, string root) : IBlobStore
{
    private volatile bool broken;

    public bool Broken
    {
        get => broken;
        set => broken = value;
    }

    public Task<BlobContent?> ReadAsync(string name, CancellationToken cancellationToken) =>
        Broken ? Fail<BlobContent?>(name) : inner.ReadAsync(name, cancellationToken);

    public Task<BlobContent?> ReadAsync(string name, long offset, CancellationToken cancellationToken) =>
        Broken ? Fail<BlobContent?>(name) : inner.ReadAsync(name, offset, cancellationToken);

    public Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken) =>
        Broken ? Fail<string>(name) : inner.WriteAsync(name, content, condition, cancellationToken);

    public Task<string> WriteAsync(string name, Stream content, WriteCondition condition, CancellationToken cancellationToken) =>
        Broken ? Fail<string>(name) : inner.WriteAsync(name, content, condition, cancellationToken);

    public IAsyncEnumerable<BlobItem> ListAsync(string prefix, CancellationToken cancellationToken) =>
        Broken ? FailList(prefix) : inner.ListAsync(prefix, cancellationToken);

    public Task<long> AppendAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        Broken ? Fail<long>(name) : inner.AppendAsync(name, content, cancellationToken);

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) =>
        Broken ? Fail<bool>(name) : inner.DeleteAsync(name, cancellationToken);

    private Task<T> Fail<T>(string name) => Task.FromException<T>(Error(name));

    private IOException Error(string name) => new($"Input/output error : '{Path.Combine(root, name)}'", 5);

#pragma warning disable CS1998 // An async iterator that throws on its first step, as a listing of a lost folder does.
    private async IAsyncEnumerable<BlobItem> FailList(string prefix)
    {
        throw Error(prefix);
#pragma warning disable CS0162
        yield break;
#pragma warning restore CS0162
    }
#pragma warning restore CS1998
}

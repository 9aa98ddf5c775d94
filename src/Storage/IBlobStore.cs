namespace KnowledgeHub.Storage;

/// <summary>
/// The narrow blob primitive everything durable is built on. Names are '/'-separated relative
/// paths such as <c>docs/abc/manifest.json</c>; both backends pass the same contract tests.
/// </summary>
public interface IBlobStore
{
    /// <summary>Reads a blob, or returns null when it does not exist.</summary>
    Task<BlobContent?> ReadAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Reads a blob from byte <paramref name="offset"/> to its end (a ranged read: the cost is what is read), or returns
    /// null when it does not exist. An offset at or past the end gives empty content (with the blob's ETag).
    /// </summary>
    Task<BlobContent?> ReadAsync(string name, long offset, CancellationToken cancellationToken);

    /// <summary>
    /// Reads a blob unless it still has <paramref name="etag"/> (<c>If-None-Match</c>): null when it does not exist, else
    /// its current ETag with its content — left empty when the ETag is <paramref name="etag"/>, since the caller holds
    /// that content already. A store that cannot tell cheaply reads the whole blob (this default).
    /// </summary>
    Task<BlobContent?> ReadIfChangedAsync(string name, string etag, CancellationToken cancellationToken) => ReadAsync(name, cancellationToken);

    /// <summary>
    /// Writes a whole blob atomically under <paramref name="condition"/> and returns the new ETag.
    /// Throws <see cref="BlobConditionFailedException"/> when the condition does not hold.
    /// </summary>
    Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a whole blob from a stream (read to its end; memory stays bounded whatever its size), atomically under
    /// <paramref name="condition"/>, and returns the new ETag. Throws <see cref="BlobConditionFailedException"/> when the condition does not hold.
    /// </summary>
    Task<string> WriteAsync(string name, Stream content, WriteCondition condition, CancellationToken cancellationToken);

    /// <summary>Lists blobs whose names start with <paramref name="prefix"/>, in ordinal name order.</summary>
    IAsyncEnumerable<BlobItem> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// Appends to a blob (creating it when missing); concurrent appends never interleave within one call. Returns the
    /// blob's length just after this append (the end offset of the appended bytes), usable as a position in a log.
    /// </summary>
    Task<long> AppendAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Deletes a blob; returns false when it did not exist.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken);
}

/// <summary>A blob's bytes and the ETag they were read at.</summary>
public sealed record BlobContent(ReadOnlyMemory<byte> Content, string ETag);

/// <summary>One entry of a listing.</summary>
public sealed record BlobItem(string Name, long Size, string ETag, DateTimeOffset LastModified);

/// <summary>The precondition of a write: none, create-only (<c>If-None-Match: *</c>) or <c>If-Match</c> an ETag.</summary>
public readonly record struct WriteCondition
{
    private WriteCondition(string? ifMatch, bool createOnly) => (IfMatch, CreateOnly) = (ifMatch, createOnly);

    public string? IfMatch { get; }

    public bool CreateOnly { get; }

    public static WriteCondition None => default;

    public static WriteCondition IfNotExists => new(null, true);

    public static WriteCondition IfMatchETag(string etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        return new(etag, false);
    }
}

/// <summary>The write's condition did not hold: the blob exists (create-only) or changed (If-Match).</summary>
public sealed class BlobConditionFailedException : Exception
{
    public BlobConditionFailedException(string name)
        : base($"The blob '{name}' was changed or created by someone else.") => BlobName = name;

    public BlobConditionFailedException(string name, Exception inner)
        : base($"The blob '{name}' was changed or created by someone else.", inner) => BlobName = name;

    public string BlobName { get; }
}

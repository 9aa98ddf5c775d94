using KnowledgeHub.Storage;

namespace KnowledgeHub.Documents;

/// <summary>
/// The ordered, append-only log of document changes under <c>changes/</c>, read by every index replica.
/// A <see cref="ChangeLogPosition"/> is an opaque checkpoint the reader stores with its index.
/// </summary>
public sealed class ChangeLog(IBlobStore store, TimeProvider time)
{
    public Task AppendAsync(DocumentChange change, CancellationToken cancellationToken)
        => throw new NotImplementedException();

    /// <summary>Changes after <paramref name="position"/> (all when it is <see cref="ChangeLogPosition.Start"/>), and the new position.</summary>
    public Task<ChangeBatch> ReadSinceAsync(ChangeLogPosition position, CancellationToken cancellationToken)
        => throw new NotImplementedException();

    /// <summary>The position at the current end of the log (what a freshly rebuilt index has seen).</summary>
    public Task<ChangeLogPosition> EndAsync(CancellationToken cancellationToken)
        => throw new NotImplementedException();
}

public sealed record DocumentChange(string DocumentId, int Version, string Kind, DateTimeOffset Utc);

public sealed record ChangeBatch(IReadOnlyList<DocumentChange> Changes, ChangeLogPosition Position);

/// <summary>An opaque, serializable checkpoint in the change log.</summary>
public readonly record struct ChangeLogPosition(string Value)
{
    public static ChangeLogPosition Start => new("");

    public override string ToString() => Value;
}

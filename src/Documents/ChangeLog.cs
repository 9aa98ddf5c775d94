using System.Globalization;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Documents;

/// <summary>
/// The ordered, append-only log of document changes under <c>changes/</c>, read by every index replica:
/// one append blob per UTC day, <c>changes/yyyy/MM/dd.jsonl</c>, of JSON lines. Blob names sort in
/// time order, so reading blobs in listing order and lines in byte order is log order.
/// A <see cref="ChangeLogPosition"/> is an opaque checkpoint the reader stores with its index.
/// </summary>
public sealed class ChangeLog(IBlobStore store, TimeProvider time, ILogger<ChangeLog>? logger = null)
{
    public const string Prefix = "changes/";

    private readonly ILogger logger = logger ?? NullLogger<ChangeLog>.Instance;
    private readonly System.Threading.Lock lastGate = new();
    private ChangeLogPosition lastAppended = ChangeLogPosition.Start;

    /// <summary>Raised after each append of this process, with the position just after the entry.</summary>
    public event EventHandler<ChangeLogPosition>? Appended;

    /// <summary>The greatest position this process has appended (Start before its first append).</summary>
    public ChangeLogPosition LastAppended
    {
        get
        {
            lock (lastGate)
            {
                return lastAppended;
            }
        }
    }

    /// <summary>Appends an entry and returns the position just after it.</summary>
    public async Task<ChangeLogPosition> AppendAsync(DocumentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var day = time.GetUtcNow().UtcDateTime;
        var name = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{day:yyyy}/{day:MM}/{day:dd}.jsonl");
        var end = await store.AppendAsync(name, JsonLines.Line(change), cancellationToken);
        var position = Encode(name, end);
        lock (lastGate)
        {
            if (position.CompareTo(lastAppended) > 0)
            {
                lastAppended = position;
            }
        }

        Appended?.Invoke(this, position);
        return position;
    }

    /// <summary>
    /// Changes after <paramref name="position"/> (all when it is <see cref="ChangeLogPosition.Start"/>), and the new position.
    /// Only whole lines are consumed: a partially written last line is read again next time.
    /// When nothing is new the same position comes back.
    /// </summary>
    public Task<ChangeBatch> ReadSinceAsync(ChangeLogPosition position, int maxChanges, CancellationToken cancellationToken) =>
        ReadSinceAsync(position, cancellationToken);

    public async Task<ChangeBatch> ReadSinceAsync(ChangeLogPosition position, CancellationToken cancellationToken)
    {
        var (fromBlob, fromOffset) = Decode(position);
        var changes = new List<DocumentChange>();
        var current = position;
        await foreach (var item in store.ListAsync(Prefix, cancellationToken))
        {
            if (string.CompareOrdinal(item.Name, fromBlob) < 0)
            {
                continue;
            }

            var offset = item.Name == fromBlob ? fromOffset : 0;
            var blob = await store.ReadAsync(item.Name, cancellationToken);
            if (blob is null)
            {
                continue;
            }

            var (items, end) = JsonLines.ReadWhole<DocumentChange>(blob.Content.Span, offset, line =>
                logger.LogWarning("Skipped an unreadable change-log line in {Blob}: {Line}", item.Name, line));
            changes.AddRange(items);
            if (end > offset)
            {
                current = Encode(item.Name, end);
            }
        }

        return new ChangeBatch(changes, current);
    }

    /// <summary>The position at the current end of the log (what a freshly rebuilt index has seen).</summary>
    public async Task<ChangeLogPosition> EndAsync(CancellationToken cancellationToken)
    {
        string? last = null;
        await foreach (var item in store.ListAsync(Prefix, cancellationToken))
        {
            last = item.Name;
        }

        if (last is null || await store.ReadAsync(last, cancellationToken) is not { } blob)
        {
            return ChangeLogPosition.Start;
        }

        return Encode(last, JsonLines.WholeEnd(blob.Content.Span));
    }

    private static ChangeLogPosition Encode(string blob, long offset) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{blob}@{offset}"));

    private static (string Blob, long Offset) Decode(ChangeLogPosition position)
    {
        if (string.IsNullOrEmpty(position.Value))
        {
            return ("", 0);
        }

        var at = position.Value.LastIndexOf('@');
        if (at <= 0
            || !position.Value.StartsWith(Prefix, StringComparison.Ordinal)
            || !long.TryParse(position.Value.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            throw new ArgumentException($"'{position.Value}' is not a change-log position.", nameof(position));
        }

        return (position.Value[..at], offset);
    }
}

/// <summary>What changed: <see cref="Kind"/> is one of <see cref="ChangeKinds"/>.</summary>
public sealed record DocumentChange(string DocumentId, int Version, string Kind, DateTimeOffset Utc);

public sealed record ChangeBatch(IReadOnlyList<DocumentChange> Changes, ChangeLogPosition Position);

/// <summary>The kinds of <see cref="DocumentChange"/>.</summary>
public static class ChangeKinds
{
    /// <summary>A document was created (version 1).</summary>
    public const string Created = "created";

    /// <summary>A new version was saved.</summary>
    public const string Updated = "updated";

    /// <summary>Only the manifest changed (status, access, collection, review state...).</summary>
    public const string ManifestChanged = "manifest";
}

/// <summary>An opaque, serializable checkpoint in the change log (<c>{blob}@{byte offset}</c>); later positions compare greater.</summary>
public readonly record struct ChangeLogPosition(string Value) : IComparable<ChangeLogPosition>
{
    public static ChangeLogPosition Start => new("");

    public static bool operator <(ChangeLogPosition left, ChangeLogPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(ChangeLogPosition left, ChangeLogPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(ChangeLogPosition left, ChangeLogPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ChangeLogPosition left, ChangeLogPosition right) => left.CompareTo(right) >= 0;

    public int CompareTo(ChangeLogPosition other)
    {
        var (blob, offset) = Split(Value);
        var (otherBlob, otherOffset) = Split(other.Value);
        var byBlob = string.CompareOrdinal(blob, otherBlob);
        return byBlob != 0 ? byBlob : offset.CompareTo(otherOffset);
    }

    public override string ToString() => Value;

    private static (string Blob, long Offset) Split(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return ("", -1);
        }

        var at = value.LastIndexOf('@');
        return at > 0 && long.TryParse(value.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? (value[..at], offset)
            : (value, -1);
    }
}

using System.Globalization;

namespace KnowledgeHub.Documents;

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

/// <summary>
/// A serializable checkpoint in the change log, <c>{segment}@{byte offset}</c>. Positions compare in log order, across
/// segments too (segment names are fixed-width and sort in log order); <see cref="Start"/> is the smallest.
/// </summary>
public readonly record struct ChangeLogPosition(string Value) : IComparable<ChangeLogPosition>
{
    public static ChangeLogPosition Start => new("");

    public override string ToString() => Value;

    public int CompareTo(ChangeLogPosition other)
    {
        var (segment, offset) = Split(Value);
        var (otherSegment, otherOffset) = Split(other.Value);
        var bySegment = string.CompareOrdinal(segment, otherSegment);
        return bySegment != 0 ? Math.Sign(bySegment) : offset.CompareTo(otherOffset);
    }

    public static bool operator <(ChangeLogPosition left, ChangeLogPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(ChangeLogPosition left, ChangeLogPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(ChangeLogPosition left, ChangeLogPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ChangeLogPosition left, ChangeLogPosition right) => left.CompareTo(right) >= 0;

    private static (string Segment, long Offset) Split(string? value)
    {
        value ??= "";
        var at = value.LastIndexOf('@');
        return at >= 0 && long.TryParse(value.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? (value[..at], offset)
            : (value, -1);
    }
}

using System.Globalization;

namespace KnowledgeHub.Documents.Logs;

/// <summary>
/// One segment of a <see cref="SegmentedLog"/>: the UTC day it belongs to and its sequence number within that day, named
/// <c>{prefix}yyyy/MM/dd/nnnnnn.jsonl</c>. The fields are fixed-width, so names compare ordinally in log order.
/// </summary>
internal readonly record struct SegmentName(DateOnly Day, int Sequence) : IComparable<SegmentName>
{
    public const int MaxSequence = 999_999;

    private const string Extension = ".jsonl";

    // "yyyy/MM/dd/nnnnnn.jsonl"
    private const int Length = 10 + 1 + 6 + 6;

    public static SegmentName FirstOf(DateOnly day) => new(day, 0);

    /// <summary>The segment after this one on the same day.</summary>
    public SegmentName Next =>
        Sequence < MaxSequence ? this with { Sequence = Sequence + 1 } : throw new InvalidOperationException($"The log has more than {MaxSequence} segments on {Day:yyyy-MM-dd}.");

    public static string DayPrefix(string prefix, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{day:yyyy}/{day:MM}/{day:dd}/");

    public string Name(string prefix) =>
        string.Create(CultureInfo.InvariantCulture, $"{DayPrefix(prefix, Day)}{Sequence:D6}{Extension}");

    /// <summary>Reads a segment name written by <see cref="Name"/>; anything else (old day blobs, other files) is not a segment.</summary>
    public static bool TryParse(string prefix, string name, out SegmentName segment)
    {
        segment = default;
        if (name.Length != prefix.Length + Length || !name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = name.AsSpan(prefix.Length);
        if (rest[4] != '/' || rest[7] != '/' || rest[10] != '/' || !rest.EndsWith(Extension, StringComparison.Ordinal)
            || !DateOnly.TryParseExact(rest[..10], "yyyy'/'MM'/'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !int.TryParse(rest[11..17], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }

        segment = new SegmentName(day, sequence);
        return true;
    }

    public int CompareTo(SegmentName other)
    {
        var byDay = Day.CompareTo(other.Day);
        return byDay != 0 ? byDay : Sequence.CompareTo(other.Sequence);
    }

    public static bool operator <(SegmentName left, SegmentName right) => left.CompareTo(right) < 0;

    public static bool operator >(SegmentName left, SegmentName right) => left.CompareTo(right) > 0;

    public static bool operator <=(SegmentName left, SegmentName right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SegmentName left, SegmentName right) => left.CompareTo(right) >= 0;
}

/// <summary>A byte offset in a segment: the point just after a whole line (or 0).</summary>
internal readonly record struct LogPoint(SegmentName Segment, long Offset);

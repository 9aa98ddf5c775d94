using System.Globalization;
using System.Runtime.CompilerServices;

namespace KnowledgeHub.Documents.Logs;

internal sealed partial class SegmentedLog
{
    /// <summary>
    /// Up to <paramref name="maxItems"/> items after <paramref name="from"/> (null: the start of the log) and the point
    /// after the last line consumed (null while the log is empty). Only whole lines are consumed; an invalid line is
    /// logged and skipped. Costs what it reads: one ranged read from the point in the segment, and only when that segment is
    /// full or of an earlier UTC day one read of the next segment's name (an idle poll is one call, whatever the size of the log).
    /// The point may move forward without items: past a torn tail, or past days on which nothing was written.
    /// </summary>
    public async Task<(List<T> Items, LogPoint? Point)> ReadAsync<T>(LogPoint? from, int maxItems, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        var items = new List<T>();
        if ((from ?? await FirstAsync(cancellationToken)) is not { } point)
        {
            return (items, null);
        }

        while (true)
        {
            var bytes = await ReadTailAsync(point, cancellationToken);
            var consumed = Consume(point, bytes, maxItems, items);
            point = point with { Offset = point.Offset + consumed };
            if (items.Count >= maxItems)
            {
                Remember(point, bytes[consumed..]);
                return (items, point);
            }

            // A segment of the same day that is not full has no successor yet: save the probe. This holds whether or
            // not anything was read, so an idle poll is one ranged read (a successor S+1 of a day exists only once S is
            // full, and a later day's segments are looked for only once that day has begun, see SuccessorAsync).
            if (point.Offset + bytes.Length - consumed < Options.MaxSegmentBytes && point.Segment.Day >= Today())
            {
                return (items, point);
            }

            if (await SuccessorAsync(point.Segment, cancellationToken) is not { } next)
            {
                return (items, point);
            }

            // Lines that landed in this segment before its successor appeared are read before moving on.
            var late = await ReadTailAsync(point, cancellationToken);
            var lateConsumed = Consume(point, late, maxItems, items);
            point = point with { Offset = point.Offset + lateConsumed };
            if (items.Count >= maxItems)
            {
                Remember(point, late[lateConsumed..]);
                return (items, point);
            }

            if (late.Length > lateConsumed)
            {
                LogTornTail(logger, NameOf(point.Segment), late.Length - lateConsumed);
            }

            point = new LogPoint(next, 0);
        }
    }

    /// <summary>
    /// The point at the end of the whole lines of the log's newest segment (null when the log is empty). Reads only the
    /// segment's tail (its length comes with the listing), growing the tail only while it holds no line end: a whole
    /// segment is thousands of appended blocks, which Azurite serves one file read at a time — tens of seconds under load,
    /// past the storage client's timeout, so a rebuild that began with it never began.
    /// </summary>
    public async Task<LogPoint?> EndAsync(CancellationToken cancellationToken)
    {
        SegmentName? last = null;
        long length = 0;
        await foreach (var item in store.ListAsync(Prefix, cancellationToken))
        {
            if (SegmentName.TryParse(Prefix, item.Name, out var segment) && (last is null || segment > last.Value))
            {
                (last, length) = (segment, item.Size);
            }
        }

        if (last is not { } newest)
        {
            return null;
        }

        for (var tail = EndTailBytes; ; tail *= 8)
        {
            // The segment may have grown since the listing: the read goes to its current end, and the point with it.
            var from = Math.Max(0, length - tail);
            var blob = await store.ReadAsync(NameOf(newest), from, cancellationToken);
            if (blob is null)
            {
                return new LogPoint(newest, 0);
            }

            var end = JsonLines.WholeEnd(blob.Content.Span);
            if (end > 0 || from == 0)
            {
                return new LogPoint(newest, from + end);
            }
        }
    }

    /// <summary>How much of the newest segment's end <see cref="EndAsync"/> reads first (lines are a few hundred bytes).</summary>
    private const long EndTailBytes = 4096;

    /// <summary>
    /// The names of the blobs holding the UTC days <paramref name="fromDay"/> to <paramref name="toDay"/>, in log order:
    /// for each day the one-blob-per-day layout these logs had before segments (<c>{prefix}yyyy/MM/dd.jsonl</c>), then
    /// its segments. One listing per month of the range; nothing outside the range is read.
    /// </summary>
    public async IAsyncEnumerable<string> BlobsOfDaysAsync(DateOnly fromDay, DateOnly toDay, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var month = new DateOnly(fromDay.Year, fromDay.Month, 1); month <= toDay; month = month.AddMonths(1))
        {
            var monthPrefix = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{month:yyyy}/{month:MM}/");
            await foreach (var item in store.ListAsync(monthPrefix, cancellationToken))
            {
                var day = SegmentName.TryParse(Prefix, item.Name, out var segment) ? segment.Day : LegacyDay(monthPrefix, month, item.Name);
                if (day is { } found && found >= fromDay && found <= toDay)
                {
                    yield return item.Name;
                }
            }
        }
    }

    private static DateOnly? LegacyDay(string monthPrefix, DateOnly month, string name) =>
        name.Length == monthPrefix.Length + "dd.jsonl".Length
        && name.EndsWith(".jsonl", StringComparison.Ordinal)
        && int.TryParse(name.AsSpan(monthPrefix.Length, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
        && day >= 1 && day <= DateTime.DaysInMonth(month.Year, month.Month)
            ? month.AddDays(day - 1)
            : null;

    /// <summary>The oldest segment (one listing, stopped at the first segment); null when there is none.</summary>
    private async Task<LogPoint?> FirstAsync(CancellationToken cancellationToken)
    {
        await foreach (var item in store.ListAsync(Prefix, cancellationToken))
        {
            if (SegmentName.TryParse(Prefix, item.Name, out var segment))
            {
                return new LogPoint(segment, 0);
            }
        }

        return null;
    }

    /// <summary>
    /// The segment after <paramref name="segment"/>, if a reader should move on to it: the next one of the same day
    /// when it exists (one read, kept for the reader); else, once a later UTC day has begun and its grace has passed,
    /// the first segment of a later day, or the first (not yet written) segment of today when nothing was written since.
    /// </summary>
    private async Task<SegmentName?> SuccessorAsync(SegmentName segment, CancellationToken cancellationToken)
    {
        var next = segment.Next;
        if (await store.ReadAsync(NameOf(next), 0, cancellationToken) is { } blob)
        {
            Remember(new LogPoint(next, 0), blob.Content);
            return next;
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var nextDay = segment.Day.AddDays(1);
        if (today < nextDay || now < new DateTimeOffset(nextDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + Options.DayBoundaryGrace)
        {
            return null;
        }

        for (var day = nextDay; day <= today; day = day.AddDays(1))
        {
            await foreach (var first in SegmentsOnAsync(day, cancellationToken))
            {
                return first;
            }
        }

        return SegmentName.FirstOf(today);
    }

    /// <summary>The bytes of the point's segment from its offset to the end (empty when the segment does not exist yet).</summary>
    private async Task<ReadOnlyMemory<byte>> ReadTailAsync(LogPoint point, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte> known = default;
        var from = point.Offset;
        if (Volatile.Read(ref tail) is { } cached && cached.Segment == point.Segment
            && point.Offset >= cached.Start && point.Offset <= cached.Start + cached.Bytes.Length)
        {
            known = cached.Bytes[(int)(point.Offset - cached.Start)..];
            from = cached.Start + cached.Bytes.Length;
        }

        // From one byte before: a segment with nothing new then answers that byte, where a read from its very end is
        // "range not satisfiable" (on Azure a 416: an exception and a second request for the blob's length).
        var overlap = from > 0 ? 1 : 0;
        var fresh = await store.ReadAsync(NameOf(point.Segment), from - overlap, cancellationToken);
        var content = fresh is null || fresh.Content.Length <= overlap ? ReadOnlyMemory<byte>.Empty : fresh.Content[overlap..];
        if (content.IsEmpty)
        {
            return known;
        }

        if (known.IsEmpty)
        {
            return content;
        }

        var both = new byte[known.Length + content.Length];
        known.CopyTo(both);
        content.CopyTo(both.AsMemory(known.Length));
        return both;
    }

    /// <summary>Keeps fetched but unconsumed bytes, so a reader taking a segment in several batches downloads it once.</summary>
    private void Remember(LogPoint point, ReadOnlyMemory<byte> unconsumed) =>
        Volatile.Write(ref tail, unconsumed.IsEmpty ? null : new Tail(point.Segment, point.Offset, unconsumed));

    private int Consume<T>(LogPoint point, ReadOnlyMemory<byte> bytes, int maxItems, List<T> items) =>
        JsonLines.ReadLines(bytes.Span, maxItems - items.Count, items, (at, length) =>
            LogInvalidLine(logger, NameOf(point.Segment), point.Offset + at, length));
}

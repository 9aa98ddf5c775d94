using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Documents.Logs;

/// <summary>
/// An append-only log of JSON lines cut into segments <c>{prefix}yyyy/MM/dd/nnnnnn.jsonl</c> (see <see cref="SegmentName"/>),
/// shared by the change log and the audit log. No blob grows without bound, and Azure's 50,000 blocks per append blob
/// are never approached.
/// <para><b>Writing</b> costs what it appends: one append per line. A writer keeps the current segment in memory and
/// learns from each append's returned length when to roll over; it lists one day's segments only at its first append,
/// at a new UTC day (by its clock) and when a segment is full. Several writers (processes) agree without coordination:
/// a full segment S is followed by S+1 (whoever appends to it first creates it), and a new day starts at its newest
/// existing segment or at 000000. So a segment S+1 of the same day exists only once S has reached
/// <see cref="SegmentedLogOptions.MaxSegmentBytes"/>.</para>
/// <para><b>Late lines.</b> A writer that had not yet learned of a roll appends to a segment that others have left.
/// It learns it from that very append (the segment is full), and when <see cref="SegmentedLogOptions.RepeatPossiblyLateLines"/>
/// is set it appends the line again to the newest segment (readers may then see it twice). A reader that finds the next
/// segment reads the tail of its own segment once more before moving on, so every line that landed before the next
/// segment appeared is read. At a UTC day boundary readers stay on the old day's segment for
/// <see cref="SegmentedLogOptions.DayBoundaryGrace"/>, for writers whose clocks run behind. What is still missed (a clock
/// further behind, an append in flight for longer than that) is left to the follower's reconciliation; the audit log is
/// read by whole days and loses nothing.</para>
/// </summary>
internal sealed partial class SegmentedLog
{
    private const int MaxRepeats = 10;

    private readonly IBlobStore store;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private Current? current;
    private Tail? tail;

    public SegmentedLog(string prefix, IBlobStore store, TimeProvider time, SegmentedLogOptions options, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSegmentBytes, 1);
        Prefix = prefix.EndsWith('/') ? prefix : throw new ArgumentException("A log prefix ends with '/'.", nameof(prefix));
        (this.store, this.time, Options, this.logger) = (store, time, options, logger);
    }

    public string Prefix { get; }

    public SegmentedLogOptions Options { get; }

    public string NameOf(SegmentName segment) => segment.Name(Prefix);

    /// <summary>Appends one whole line (ending with '\n') and returns the point just after it.</summary>
    public async Task<LogPoint> AppendAsync(ReadOnlyMemory<byte> line, CancellationToken cancellationToken)
    {
        var segment = await CurrentAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var end = await store.AppendAsync(NameOf(segment), line, cancellationToken);
            if (end < Options.MaxSegmentBytes)
            {
                return new LogPoint(segment, end);
            }

            var (next, rolledByOthers) = await RollAsync(segment, cancellationToken);
            if (!rolledByOthers || !Options.RepeatPossiblyLateLines)
            {
                return new LogPoint(segment, end);
            }

            if (attempt >= MaxRepeats)
            {
                LogGaveUp(logger, NameOf(segment), attempt);
                return new LogPoint(segment, end);
            }

            // Someone had already started a later segment: readers may have left this one, so append the line again.
            LogRepeated(logger, NameOf(segment), NameOf(next));
            segment = next;
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The segment to append to: the one in memory, unless this is the first append or a new UTC day began.</summary>
    private async Task<SegmentName> CurrentAsync(CancellationToken cancellationToken)
    {
        var today = Today();
        if (Volatile.Read(ref current) is { } known && known.Segment.Day >= today)
        {
            return known.Segment;
        }

        var newest = await NewestOnAsync(today, cancellationToken) ?? SegmentName.FirstOf(today);
        return Advance(newest);
    }

    /// <summary>After an append found <paramref name="full"/> full: the next segment, and whether another writer had already started it.</summary>
    private async Task<(SegmentName Next, bool RolledByOthers)> RollAsync(SegmentName full, CancellationToken cancellationToken)
    {
        var newest = await NewestOnAsync(full.Day, cancellationToken);
        var rolledByOthers = newest is { } found && found > full;
        var next = Advance(rolledByOthers ? newest!.Value : full.Next);
        if (!rolledByOthers)
        {
            LogRolled(logger, NameOf(full), NameOf(next));
        }

        return (next, rolledByOthers);
    }

    /// <summary>Moves the in-memory segment forward to <paramref name="candidate"/> (never back) and returns the result.</summary>
    private SegmentName Advance(SegmentName candidate)
    {
        while (true)
        {
            var known = Volatile.Read(ref current);
            if (known is not null && known.Segment >= candidate)
            {
                return known.Segment;
            }

            if (Interlocked.CompareExchange(ref current, new Current(candidate), known) == known)
            {
                return candidate;
            }
        }
    }

    private async Task<SegmentName?> NewestOnAsync(DateOnly day, CancellationToken cancellationToken)
    {
        SegmentName? newest = null;
        await foreach (var segment in SegmentsOnAsync(day, cancellationToken))
        {
            newest = newest is { } seen && seen > segment ? seen : segment;
        }

        return newest;
    }

    private async IAsyncEnumerable<SegmentName> SegmentsOnAsync(DateOnly day, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in store.ListAsync(SegmentName.DayPrefix(Prefix, day), cancellationToken))
        {
            if (SegmentName.TryParse(Prefix, item.Name, out var segment))
            {
                yield return segment;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Log segment {Segment} is full; appending to {Next}")]
    private static partial void LogRolled(ILogger logger, string segment, string next);

    [LoggerMessage(Level = LogLevel.Information, Message = "A line was appended to {Segment} after another writer had started {Next}; appended it again there")]
    private static partial void LogRepeated(ILogger logger, string segment, string next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A line appended {Attempts} times kept landing in full segments, last {Segment}; readers past it rely on reconciliation")]
    private static partial void LogGaveUp(ILogger logger, string segment, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped an unreadable line of {Length} bytes at offset {Offset} of {Segment}")]
    private static partial void LogInvalidLine(ILogger logger, string segment, long offset, int length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Left {Length} bytes that are not a whole line at the end of {Segment}: a later segment has begun")]
    private static partial void LogTornTail(ILogger logger, string segment, int length);

    private sealed record Current(SegmentName Segment);

    /// <summary>Bytes of a segment from <see cref="Start"/> that a reader has fetched but not yet consumed (segments only grow).</summary>
    private sealed record Tail(SegmentName Segment, long Start, ReadOnlyMemory<byte> Bytes);
}

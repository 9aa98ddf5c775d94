using System.Globalization;
using KnowledgeHub.Documents.Logs;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Documents;

/// <summary>
/// The ordered, append-only log of document changes under <c>changes/</c>, read by every index replica: a
/// <see cref="SegmentedLog"/> of JSON lines, <c>changes/yyyy/MM/dd/nnnnnn.jsonl</c>. An append costs one storage call; a
/// reader with nothing new costs one. A <see cref="ChangeLogPosition"/> is a checkpoint the reader stores with its index;
/// positions compare in log order. A change may rarely be read twice (see <see cref="SegmentedLog"/>): consumers apply
/// changes idempotently.
/// </summary>
public sealed partial class ChangeLog
{
    public const string Prefix = "changes/";

    private readonly SegmentedLog log;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private ChangeLogPosition lastAppended = ChangeLogPosition.Start;

    public ChangeLog(IBlobStore store, TimeProvider time, ILogger<ChangeLog>? logger = null)
        : this(store, time, SegmentedLogOptions.Default, logger)
    {
    }

    internal ChangeLog(IBlobStore store, TimeProvider time, SegmentedLogOptions options, ILogger<ChangeLog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.logger = logger ?? NullLogger<ChangeLog>.Instance;
        log = new SegmentedLog(Prefix, store, time, options with { RepeatPossiblyLateLines = true }, this.logger);
    }

    /// <summary>Raised after each successful append by this process, with the position just after the entry.</summary>
    public event EventHandler<ChangeLogPosition>? Appended;

    /// <summary>The greatest position this process has appended (<see cref="ChangeLogPosition.Start"/> before its first append).</summary>
    public ChangeLogPosition LastAppended
    {
        get
        {
            lock (gate)
            {
                return lastAppended;
            }
        }
    }

    /// <summary>Appends a change and returns the position just after it (a reader at that position has read it).</summary>
    public async Task<ChangeLogPosition> AppendAsync(DocumentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var position = Encode(await log.AppendAsync(JsonLines.Line(change), cancellationToken));
        lock (gate)
        {
            if (position > lastAppended)
            {
                lastAppended = position;
            }
        }

        Notify(position);
        return position;
    }

    /// <inheritdoc cref="ReadSinceAsync(ChangeLogPosition, int, CancellationToken)"/>
    public Task<ChangeBatch> ReadSinceAsync(ChangeLogPosition position, CancellationToken cancellationToken) =>
        ReadSinceAsync(position, int.MaxValue, cancellationToken);

    /// <summary>
    /// At most <paramref name="maxChanges"/> changes after <paramref name="position"/> (from the beginning when it is
    /// <see cref="ChangeLogPosition.Start"/>), and the new position. Only whole lines are consumed: a partially written last
    /// line is read again next time; an invalid line is logged and skipped. When nothing is new the same position comes
    /// back, except that it may move forward past a torn tail or past days on which nothing was logged.
    /// Throws <see cref="ArgumentException"/> for a position that is not one of this log (an old layout, say).
    /// </summary>
    public async Task<ChangeBatch> ReadSinceAsync(ChangeLogPosition position, int maxChanges, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChanges, 1);
        var (changes, point) = await log.ReadAsync<DocumentChange>(Decode(position), maxChanges, cancellationToken);
        return new ChangeBatch(changes, point is { } after ? Encode(after) : position);
    }

    /// <summary>The position at the current end of the log (what a freshly rebuilt index has seen).</summary>
    public async Task<ChangeLogPosition> EndAsync(CancellationToken cancellationToken) =>
        await log.EndAsync(cancellationToken) is { } end ? Encode(end) : ChangeLogPosition.Start;

    private void Notify(ChangeLogPosition position)
    {
        if (Appended is not { } handlers)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<ChangeLogPosition>>())
        {
            try
            {
                handler(this, position);
            }
#pragma warning disable CA1031 // The change is logged; a failing listener must not make the append look failed.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogListenerFailed(logger, exception, position.Value);
            }
        }
    }

    private ChangeLogPosition Encode(LogPoint point) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{log.NameOf(point.Segment)}@{point.Offset}"));

    private static LogPoint? Decode(ChangeLogPosition position)
    {
        if (string.IsNullOrEmpty(position.Value))
        {
            return null;
        }

        var at = position.Value.LastIndexOf('@');
        if (at <= 0
            || !SegmentName.TryParse(Prefix, position.Value[..at], out var segment)
            || !long.TryParse(position.Value.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            throw new ArgumentException($"'{position.Value}' is not a change-log position.", nameof(position));
        }

        return new LogPoint(segment, offset);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A listener of the change log failed after the append that ends at {Position}")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, string position);
}

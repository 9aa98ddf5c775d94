using System.Runtime.CompilerServices;
using KnowledgeHub.Documents.Logs;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Documents;

/// <summary>
/// Append-only audit records (one JSON line per record: time, principal, action, document, version, outcome, count) in a
/// <see cref="SegmentedLog"/> under <c>audit/yyyy/MM/dd/nnnnnn.jsonl</c> (UTC day), so no blob outgrows Azure's 50,000
/// blocks however busy a day is. Days written before segments (<c>audit/yyyy/MM/dd.jsonl</c>) are still read.
/// There is deliberately no update or delete.
/// <para>
/// Repeated refusals coalesce: the first denied record of a principal, action and document in a UTC minute is written
/// at once; the repeats of that minute are counted in memory and written as one record with their
/// <see cref="AuditEntry.Count"/> once the minute is over (or at <see cref="FlushAsync"/> / shutdown), so a reader who
/// hammers a document grows the log by two lines a minute, not by one per request. Readers of the log see both lines
/// (<see cref="AuditEntry.Count"/> tells them apart); the admin page adds them up.
/// </para>
/// <para>
/// A record that storage refuses (an outage) is kept in memory, in order, and appended when storage answers again
/// (at most <see cref="MaxUnwritten"/> lines; a warning says when some are dropped): reads served during an outage
/// still answer, and their audit follows.
/// </para>
/// </summary>
public sealed partial class AuditLog : IAsyncDisposable, IDisposable
{
    public const string Prefix = "audit/";

    /// <summary>Distinct (principal, action, document) refusals tracked per minute; past this, refusals are written one by one.</summary>
    public const int MaxTracked = 10_000;

    /// <summary>Records kept in memory while storage is unreachable.</summary>
    public const int MaxUnwritten = 20_000;

    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(10);

    private readonly IBlobStore store;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly SegmentedLog log;
    private readonly Lock gate = new();
    private readonly Dictionary<RepeatKey, Repeat> repeats = [];
    private readonly Queue<byte[]> unwritten = new();
    private readonly SemaphoreSlim draining = new(1, 1);
    private ITimer? timer;

    public AuditLog(IBlobStore store, TimeProvider time, ILogger<AuditLog>? logger = null)
        : this(store, time, SegmentedLogOptions.Default, logger)
    {
    }

    internal AuditLog(IBlobStore store, TimeProvider time, SegmentedLogOptions options, ILogger<AuditLog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        (this.store, this.time) = (store, time);
        this.logger = logger ?? NullLogger<AuditLog>.Instance;
        log = new SegmentedLog(Prefix, store, time, options with { RepeatPossiblyLateLines = false }, this.logger);
    }

    /// <summary>Records kept in memory because storage refused them, waiting to be appended.</summary>
    public int UnwrittenCount
    {
        get
        {
            lock (gate)
            {
                return unwritten.Count;
            }
        }
    }

    public async Task RecordAsync(Caller caller, string action, string? documentId, int? version, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        var entry = new AuditEntry(time.GetUtcNow().ToUniversalTime(), caller.Principal, caller.Name, action, documentId, version, outcome);
        if (outcome == AuditActions.Denied)
        {
            Telemetry.KnowledgeHubTelemetry.DeniedReads.Add(1, new KeyValuePair<string, object?>("action", action));
            if (Coalesce(entry))
            {
                return;
            }
        }

        await WriteAsync(JsonLines.Line(entry), cancellationToken);
    }

    /// <summary>Writes every counted repeat now (also those of the current minute) and whatever storage refused before.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => FlushAsync(all: true, cancellationToken);

    /// <summary>Writes what is still counted or kept (the host disposes singletons asynchronously at shutdown).</summary>
    public async ValueTask DisposeAsync()
    {
        timer?.Dispose();
        await FlushAsync(CancellationToken.None);
    }

    /// <summary>Stops the timer; what is still counted in memory is not written (use <see cref="DisposeAsync"/>).</summary>
    public void Dispose() => timer?.Dispose();


    /// <summary>
    /// The entries of the UTC days <paramref name="fromUtc"/> to <paramref name="toUtc"/> (both included), oldest first:
    /// one listing per month of the range, then the blobs of those days only, each read whole.
    /// </summary>
    public async IAsyncEnumerable<AuditEntry> ReadAsync(DateOnly fromUtc, DateOnly toUtc, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var name in log.BlobsOfDaysAsync(fromUtc, toUtc, cancellationToken))
        {
            names.Add(name);
        }

        foreach (var name in names)
        {
            if (await store.ReadAsync(name, cancellationToken) is not { } blob)
            {
                continue;
            }

            var entries = new List<AuditEntry>();
            JsonLines.ReadLines(blob.Content.Span, int.MaxValue, entries, (offset, length) => LogInvalidLine(logger, name, offset, length));
            foreach (var entry in entries)
            {
                yield return entry;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped an unreadable audit line of {Length} bytes at offset {Offset} of {Blob}")]
    private static partial void LogInvalidLine(ILogger logger, string blob, int offset, int length);
}

/// <summary>
/// One audit record. <see cref="Count"/> is 1 for a single event; a record of repeated refusals
/// (see <see cref="AuditLog"/>) counts the repeats of its minute after the first, and carries the last one's time.
/// </summary>
public sealed record AuditEntry(DateTimeOffset Utc, string Principal, string PrincipalName, string Action, string? DocumentId, int? Version, string Outcome, int Count = 1);

/// <summary>The audit actions and outcomes the portal records (any string is accepted), one vocabulary for every surface.</summary>
public static class AuditActions
{
    public const string View = "view";
    public const string Download = "download";
    public const string Create = "create";
    public const string Edit = "edit";
    public const string Share = "share";
    public const string StatusChange = "status";

    // The admin pages of the audit log itself.
    public const string AuditView = "audit-view";
    public const string AuditExport = "audit-export";

    // Workflow steps (status changes), history and attachments.
    public const string Submit = "submit";
    public const string Approve = "approve";
    public const string RequestChanges = "request-changes";
    public const string Archive = "archive";
    public const string Restore = "restore";
    public const string RestoreVersion = "restore-version";
    public const string ViewHistory = "view-history";
    public const string Compare = "compare";
    public const string Attach = "attach";
    public const string RemoveAttachment = "remove-attachment";

    public const string Allowed = "allowed";
    public const string Denied = "denied";
    public const string Conflict = "conflict";

    /// <summary>Allowed to try, but refused: an invalid transition, a document that does not conform, a file that is not accepted.</summary>
    public const string Refused = "refused";
}

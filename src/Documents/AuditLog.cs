using System.Globalization;
using System.Runtime.CompilerServices;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Documents;

/// <summary>
/// Append-only audit records under <c>audit/yyyy/MM/dd.jsonl</c> (UTC day; one JSON line per record:
/// time, principal, action, document, version, outcome). There is deliberately no update or delete.
/// </summary>
public sealed class AuditLog(IBlobStore store, TimeProvider time, ILogger<AuditLog>? logger = null)
{
    public const string Prefix = "audit/";

    private readonly ILogger logger = logger ?? NullLogger<AuditLog>.Instance;

    public Task RecordAsync(Caller caller, string action, string? documentId, int? version, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        var now = time.GetUtcNow().ToUniversalTime();
        var entry = new AuditEntry(now, caller.Principal, caller.Name, action, documentId, version, outcome);
        return store.AppendAsync(BlobName(DateOnly.FromDateTime(now.UtcDateTime)), JsonLines.Line(entry), cancellationToken);
    }

    /// <summary>The entries of the UTC days <paramref name="fromUtc"/> to <paramref name="toUtc"/> (both included), oldest first.</summary>
    public async IAsyncEnumerable<AuditEntry> ReadAsync(DateOnly fromUtc, DateOnly toUtc, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = BlobName(fromUtc);
        var last = BlobName(toUtc);
        var names = new List<string>();
        await foreach (var item in store.ListAsync(Prefix, cancellationToken))
        {
            if (string.CompareOrdinal(item.Name, first) >= 0 && string.CompareOrdinal(item.Name, last) <= 0)
            {
                names.Add(item.Name);
            }
        }

        foreach (var name in names)
        {
            if (await store.ReadAsync(name, cancellationToken) is not { } blob)
            {
                continue;
            }

            var (entries, _) = JsonLines.ReadWhole<AuditEntry>(blob.Content.Span, 0, line =>
                logger.LogWarning("Skipped an unreadable audit line in {Blob}: {Line}", name, line));
            foreach (var entry in entries)
            {
                yield return entry;
            }
        }
    }

    private static string BlobName(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{day:yyyy}/{day:MM}/{day:dd}.jsonl");
}

public sealed record AuditEntry(DateTimeOffset Utc, string Principal, string PrincipalName, string Action, string? DocumentId, int? Version, string Outcome);

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

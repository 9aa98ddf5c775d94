using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Documents.Following;

/// <summary>
/// What follows a committed write, in one place: the audit record, written even when the caller has gone and never
/// failing the request (the change is durable; a lost audit append is logged as an error for the operators), then the
/// bounded wait for this node's views (<see cref="ReadYourWrites"/>). Nothing here can undo or fail the write.
/// </summary>
public sealed partial class CommitFollowUp(AuditLog audit, ReadYourWrites freshness, ILogger<CommitFollowUp> logger)
{
    /// <summary>How long, at most, a request waits for its audit record once its views are waited for (it is written all the same).</summary>
    public static readonly TimeSpan AuditWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Audits the allowed <paramref name="action"/> while it waits for the views; true when search already shows the change.
    /// Bounded: the views' wait by <see cref="FollowingOptions.WaitForChange"/>, the audit by <see cref="AuditWait"/> more
    /// (a slow audit append goes on by itself, and a lost one is logged as an error).
    /// </summary>
    public async Task<bool> CompleteAsync(Caller caller, string action, string documentId, int? version, CancellationToken requestAborted)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var audited = AuditAsync(caller, action, documentId, version, AuditActions.Allowed);
        var visible = await freshness.WaitAsync(requestAborted);
        try
        {
            await audited.WaitAsync(AuditWait, requestAborted);
        }
        catch (TimeoutException)
        {
            LogAuditLate(action, documentId, AuditWait.TotalSeconds);
        }
        catch (OperationCanceledException) when (requestAborted.IsCancellationRequested)
        {
            // The caller has gone; the audit record is written all the same.
        }

        return visible;
    }

    /// <summary>Only the wait, for steps that audited themselves (the workflow's).</summary>
    public Task<bool> WaitAsync(CancellationToken requestAborted) => freshness.WaitAsync(requestAborted);

    /// <summary>Audits an outcome without failing the caller (used after a commit, and for refusals).</summary>
    public async Task AuditAsync(Caller caller, string action, string? documentId, int? version, string outcome)
    {
        ArgumentNullException.ThrowIfNull(caller);
        try
        {
            await audit.RecordAsync(caller, action, documentId, version, outcome, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogAuditLost(exception, action, documentId, outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit record of a committed {Action} on document {DocumentId} was not written within {WaitSeconds:0.#} s; the request answered, the record is still being written")]
    private partial void LogAuditLate(string action, string? documentId, double waitSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit record of a committed {Action} on document {DocumentId} ({Outcome}) could not be written")]
    private partial void LogAuditLost(Exception exception, string action, string? documentId, string outcome);
}

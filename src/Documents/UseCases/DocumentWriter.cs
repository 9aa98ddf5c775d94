using System.Diagnostics;
using KnowledgeHub.Documents.Following;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Documents.UseCases;

/// <summary>
/// Creates and saves documents for a caller. The write commits to storage and the change log; then the audit record
/// and a bounded wait for this node's search index follow (<see cref="CommitFollowUp"/>) — no index work in the request.
/// </summary>
public sealed partial class DocumentWriter(DocumentRepository documents, CommitFollowUp followUp, IWriteNotice notice, BoundedWrite bounded, ILogger<DocumentWriter> logger)
{
    /// <summary>A save slower than this is logged with its two parts (the commit; the audit and the index wait).</summary>
    private static readonly TimeSpan SlowSave = TimeSpan.FromSeconds(2);

    public async Task<DocumentManifest> CreateAsync(NewDocument document, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(caller);
        var manifest = await bounded.RunAsync(AuditActions.Create, document.Id, token => documents.CreateAsync(document, caller, token), cancellationToken);
        notice.After(await followUp.CompleteAsync(caller, AuditActions.Create, manifest.Id, manifest.CurrentVersion, cancellationToken));
        return manifest;
    }

    public async Task<SaveResult> SaveAsync(DocumentEdit edit, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(caller);
        using var activity = Telemetry.KnowledgeHubTelemetry.Source.StartActivity("save");
        var started = Stopwatch.GetTimestamp();
        var result = await bounded.RunAsync(AuditActions.Edit, edit.Id, token => documents.SaveAsync(edit, caller, token), cancellationToken);
        var committed = Stopwatch.GetElapsedTime(started);
        var outcome = result switch { SaveResult.Saved => "saved", SaveResult.Conflict => "conflict", _ => "refused" };
        activity?.SetTag("knowledgehub.save.outcome", outcome);
        Telemetry.KnowledgeHubTelemetry.SaveDuration.Record(
            committed.TotalMilliseconds, new KeyValuePair<string, object?>("outcome", outcome));
        switch (result)
        {
            case SaveResult.Saved saved:
                notice.After(await followUp.CompleteAsync(caller, AuditActions.Edit, edit.Id, saved.Manifest.CurrentVersion, cancellationToken));
                break;
            case SaveResult.Conflict:
                await followUp.AuditAsync(caller, AuditActions.Edit, edit.Id, edit.BaseVersion, AuditActions.Conflict);
                break;
        }

        if (Stopwatch.GetElapsedTime(started) is var total && total >= SlowSave)
        {
            LogSlowSave(edit.Id, outcome, total.TotalMilliseconds, committed.TotalMilliseconds, (total - committed).TotalMilliseconds);
        }

        return result;
    }

    /// <summary>Records a refused attempt (e.g. creating without the Contributor role): the portal audits what it denies.</summary>
    public Task RecordDeniedAsync(string action, string? documentId, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(caller);
        return followUp.AuditAsync(caller, action, documentId, null, AuditActions.Denied);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Save of document {DocumentId} ({Outcome}) took {ElapsedMs:0} ms: {CommitMs:0} ms to commit, {FollowUpMs:0} ms to audit and wait for the index")]
    private partial void LogSlowSave(string documentId, string outcome, double elapsedMs, double commitMs, double followUpMs);
}

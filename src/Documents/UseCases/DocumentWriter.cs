using KnowledgeHub.Documents.Following;

namespace KnowledgeHub.Documents.UseCases;

/// <summary>
/// Creates and saves documents for a caller. The write commits to storage and the change log; then the audit record
/// and a bounded wait for this node's search index follow (<see cref="CommitFollowUp"/>) — no index work in the request.
/// </summary>
public sealed class DocumentWriter(DocumentRepository documents, CommitFollowUp followUp, IWriteNotice notice)
{
    public async Task<DocumentManifest> CreateAsync(NewDocument document, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(caller);
        var manifest = await documents.CreateAsync(document, caller, cancellationToken);
        notice.After(await followUp.CompleteAsync(caller, AuditActions.Create, manifest.Id, manifest.CurrentVersion, cancellationToken));
        return manifest;
    }

    public async Task<SaveResult> SaveAsync(DocumentEdit edit, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(caller);
        using var activity = Telemetry.KnowledgeHubTelemetry.Source.StartActivity("save");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await documents.SaveAsync(edit, caller, cancellationToken);
        var outcome = result switch { SaveResult.Saved => "saved", SaveResult.Conflict => "conflict", _ => "refused" };
        activity?.SetTag("knowledgehub.save.outcome", outcome);
        Telemetry.KnowledgeHubTelemetry.SaveDuration.Record(
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("outcome", outcome));
        switch (result)
        {
            case SaveResult.Saved saved:
                notice.After(await followUp.CompleteAsync(caller, AuditActions.Edit, edit.Id, saved.Manifest.CurrentVersion, cancellationToken));
                break;
            case SaveResult.Conflict:
                await followUp.AuditAsync(caller, AuditActions.Edit, edit.Id, edit.BaseVersion, AuditActions.Conflict);
                break;
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
}

using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Documents;

/// <summary>
/// Review and lifecycle: submit, approve, request changes, archive, restore (rules in <see cref="WorkflowRules"/>).
/// Each step re-checks permission and state on the manifest it writes (If-Match via
/// <see cref="DocumentRepository.UpdateManifestAsync(string, Func{DocumentManifest, DocumentManifest}, Caller, CancellationToken)"/>),
/// then appends to the review log and the audit log. Refusals are results, audited as denied or refused.
/// </summary>
public sealed partial class DocumentWorkflow(
    DocumentRepository documents, TemplateCatalog templates, ReviewLog reviews, AuditLog audit, TimeProvider time, ILogger<DocumentWorkflow> logger)
{
    public Task<WorkflowResult> SubmitForReviewAsync(string id, IReadOnlyList<string>? reviewers, Caller caller, CancellationToken cancellationToken) =>
        SubmitForReviewAsync(id, reviewers, null, caller, cancellationToken);

    /// <summary>
    /// Sends the current version to <paramref name="reviewers"/> (null or empty: the reviewers of the previous
    /// submission). Refused with <see cref="WorkflowResult.NotConformant"/> until the version satisfies its template.
    /// </summary>
    public async Task<WorkflowResult> SubmitForReviewAsync(string id, IReadOnlyList<string>? reviewers, string? comment, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await StepAsync(id, ReviewDecision.Submit, comment, caller, AuditActions.Submit, async manifest =>
        {
            var chosen = reviewers is { Count: > 0 } ? reviewers.Select(r => r.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList() : manifest.Reviewers;
            if (WorkflowRules.ValidateReviewers(chosen, caller) is { } error)
            {
                return (new WorkflowResult.Invalid(error), null);
            }

            var version = await documents.GetVersionAsync(manifest.Id, manifest.CurrentVersion, cancellationToken);
            if (version is null)
            {
                return (new WorkflowResult.NotFound(manifest.Id), null);
            }

            var report = await CheckAsync(manifest.Type, version.Title, version.Metadata, version.Markdown, cancellationToken);
            return report.Conforms ? (null, chosen) : (new WorkflowResult.NotConformant(report), null);
        }, cancellationToken);
    }

    /// <summary>Publishes the submitted version (listed reviewer or Admin; not one's own submission unless Admin).</summary>
    public Task<WorkflowResult> ApproveAsync(string id, string? comment, Caller caller, CancellationToken cancellationToken) =>
        StepAsync(id, ReviewDecision.Approve, comment, caller, AuditActions.Approve, NoCheck, cancellationToken);

    /// <summary>Sends the submission back to its author with <paramref name="comment"/> (required).</summary>
    public Task<WorkflowResult> RequestChangesAsync(string id, string comment, Caller caller, CancellationToken cancellationToken) =>
        StepAsync(id, ReviewDecision.RequestChanges, comment, caller, AuditActions.RequestChanges, NoCheck, cancellationToken);

    /// <summary>Makes the document read-only; it stays readable and searchable (owner, editors, Admin).</summary>
    public Task<WorkflowResult> ArchiveAsync(string id, Caller caller, CancellationToken cancellationToken) =>
        StepAsync(id, ReviewDecision.Archive, null, caller, AuditActions.Archive, NoCheck, cancellationToken);

    /// <summary>Brings an archived document back: Published (Draft when it was never approved).</summary>
    public Task<WorkflowResult> RestoreAsync(string id, Caller caller, CancellationToken cancellationToken) =>
        StepAsync(id, ReviewDecision.Restore, null, caller, AuditActions.Restore, NoCheck, cancellationToken);

    /// <summary>Conformance of a text to the template of <paramref name="type"/> (an unknown type has no requirements) — for the live editor.</summary>
    public async Task<ConformanceReport> CheckAsync(string type, string title, IReadOnlyDictionary<string, string> metadata, string markdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        var template = await templates.GetAsync(type, cancellationToken);
        if (template is null)
        {
            LogNoTemplate(type);
            return DocumentRules.ValidateTitle(title) is { } error
                ? new ConformanceReport([new ConformanceProblem(ConformanceProblemKind.MissingTitle, "title", error)])
                : ConformanceReport.Conforming;
        }

        return TemplateConformance.Check(template, title, metadata, markdown);
    }

    private static Task<(WorkflowResult? Refusal, IReadOnlyList<string>? Reviewers)> NoCheck(DocumentManifest manifest) =>
        Task.FromResult<(WorkflowResult?, IReadOnlyList<string>?)>((null, null));

    private async Task<WorkflowResult> StepAsync(
        string id,
        ReviewDecision step,
        string? comment,
        Caller caller,
        string auditAction,
        Func<DocumentManifest, Task<(WorkflowResult? Refusal, IReadOnlyList<string>? Reviewers)>> check,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(caller);
        var manifest = await documents.GetManifestAsync(id, cancellationToken);
        if (manifest is null)
        {
            return new WorkflowResult.NotFound(id);
        }

        if (!DocumentAccess.CanRead(manifest, caller))
        {
            await audit.RecordAsync(caller, auditAction, manifest.Id, null, AuditActions.Denied, cancellationToken);
            return new WorkflowResult.NotFound(id);
        }

        var refusal = Refusal(manifest, caller, step)
            ?? (WorkflowRules.ValidateComment(comment, step == ReviewDecision.RequestChanges) is { } commentError ? new WorkflowResult.Invalid(commentError) : null);
        IReadOnlyList<string>? reviewers = null;
        if (refusal is null)
        {
            (refusal, reviewers) = await check(manifest);
        }

        if (refusal is not null)
        {
            var outcome = refusal is WorkflowResult.Forbidden ? AuditActions.Denied : AuditActions.Refused;
            await audit.RecordAsync(caller, auditAction, manifest.Id, manifest.CurrentVersion, outcome, cancellationToken);
            return refusal;
        }

        var now = time.GetUtcNow();
        ReviewEntry? entry = null;
        var stored = await documents.UpdateManifestAsync(manifest.Id, fresh =>
        {
            entry = null;
            refusal = fresh.CurrentVersion != manifest.CurrentVersion && step == ReviewDecision.Submit
                ? new WorkflowResult.InvalidTransition("The document was saved again while it was being submitted; check the new version and submit again.", fresh.Status)
                : Refusal(fresh, caller, step);
            if (refusal is not null)
            {
                return fresh;
            }

            var version = step is ReviewDecision.Approve or ReviewDecision.RequestChanges ? fresh.SubmittedVersion ?? fresh.CurrentVersion : fresh.CurrentVersion;
            entry = new ReviewEntry(version, caller.Principal, caller.Name, step, comment?.Trim() ?? "", now) { Reviewers = reviewers };
            return WorkflowRules.Apply(fresh, entry);
        }, caller, cancellationToken);

        if (stored is null)
        {
            return new WorkflowResult.NotFound(id);
        }

        if (refusal is not null || entry is null)
        {
            await audit.RecordAsync(caller, auditAction, manifest.Id, stored.CurrentVersion, AuditActions.Refused, cancellationToken);
            return refusal ?? new WorkflowResult.InvalidTransition("The document changed meanwhile; try again.", stored.Status);
        }

        await AppendReviewAsync(manifest.Id, entry);
        await audit.RecordAsync(caller, auditAction, manifest.Id, entry.Version, AuditActions.Allowed, CancellationToken.None);
        LogStep(manifest.Id, step, entry.Version, stored.Status);
        return new WorkflowResult.Done(stored);
    }

    private static WorkflowResult? Refusal(DocumentManifest manifest, Caller caller, ReviewDecision step) =>
        WorkflowRules.CheckPermission(manifest, caller, step) is { } forbidden
            ? new WorkflowResult.Forbidden(forbidden)
            : WorkflowRules.CheckTransition(manifest, step) is { } invalid
                ? new WorkflowResult.InvalidTransition(invalid, manifest.Status)
                : null;

    /// <summary>After the commit point: the manifest's LastReview already holds the step, so a lost log line is logged, not thrown.</summary>
    private async Task AppendReviewAsync(string id, ReviewEntry entry)
    {
        try
        {
            await reviews.AppendAsync(id, entry, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogReviewNotLogged(e, id, entry.Decision);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId}: {Step} on version {Version}, now {Status}")]
    private partial void LogStep(string documentId, ReviewDecision step, int version, DocumentStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Document {DocumentId}: the {Step} step is stored in the manifest but its review-log line was not written")]
    private partial void LogReviewNotLogged(Exception exception, string documentId, ReviewDecision step);

    [LoggerMessage(Level = LogLevel.Information, Message = "No template for document type {Type}; conformance has nothing to check")]
    private partial void LogNoTemplate(string type);
}

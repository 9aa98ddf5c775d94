using KnowledgeHub.Documents.Following;

namespace KnowledgeHub.Documents.UseCases;

/// <summary>
/// The workflow steps for the portal: each is the domain's step (<see cref="DocumentWorkflow"/>,
/// <see cref="DocumentHistory.RestoreVersionAsync"/>), which audits itself; once done the request waits, for a bounded
/// time, for this node's index to take the change, so search shows the new status right away.
/// </summary>
public sealed class WorkflowActions(DocumentWorkflow workflow, DocumentHistory history, CommitFollowUp followUp, IWriteNotice notice, BoundedWrite bounded)
{
    public Task<WorkflowResult> SubmitAsync(string id, IReadOnlyList<string> reviewers, string? comment, Caller caller, CancellationToken cancellationToken) =>
        IndexedAsync(id, workflow.SubmitForReviewAsync(id, reviewers, Blank(comment), caller, cancellationToken), cancellationToken);

    /// <summary>Approve or request changes; any other decision is refused as invalid.</summary>
    public Task<WorkflowResult> DecideAsync(string id, ReviewDecision decision, string? comment, Caller caller, CancellationToken cancellationToken) => decision switch
    {
        ReviewDecision.Approve => IndexedAsync(id, workflow.ApproveAsync(id, Blank(comment), caller, cancellationToken), cancellationToken),
        ReviewDecision.RequestChanges => IndexedAsync(id, workflow.RequestChangesAsync(id, comment ?? "", caller, cancellationToken), cancellationToken),
        _ => Task.FromResult<WorkflowResult>(new WorkflowResult.Invalid("Choose Approve or Request changes.")),
    };

    public Task<WorkflowResult> ArchiveAsync(string id, Caller caller, CancellationToken cancellationToken) =>
        IndexedAsync(id, workflow.ArchiveAsync(id, caller, cancellationToken), cancellationToken);

    public Task<WorkflowResult> RestoreFromArchiveAsync(string id, Caller caller, CancellationToken cancellationToken) =>
        IndexedAsync(id, workflow.RestoreAsync(id, caller, cancellationToken), cancellationToken);

    public Task<WorkflowResult> RestoreVersionAsync(string id, int number, Caller caller, CancellationToken cancellationToken) =>
        IndexedAsync(id, history.RestoreVersionAsync(id, number, caller, cancellationToken), cancellationToken);

    private static string? Blank(string? comment) => string.IsNullOrWhiteSpace(comment) ? null : comment;

    /// <summary>The step, waited for at most <see cref="FollowingOptions.WriteTimeout"/> (<see cref="BoundedWrite"/>), then the bounded index wait.</summary>
    private async Task<WorkflowResult> IndexedAsync(string id, Task<WorkflowResult> step, CancellationToken cancellationToken)
    {
        var result = await bounded.WaitAsync("workflow step", id, step, cancellationToken);
        if (result is WorkflowResult.Done)
        {
            notice.After(await followUp.WaitAsync(cancellationToken));
        }

        return result;
    }
}

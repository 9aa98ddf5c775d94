using KnowledgeHub.Documents;
using KnowledgeHub.Documents.UseCases;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Components;
using KnowledgeHub.Portal.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// The review workflow for scripts: submit, approve, request changes, archive, restore — the same steps as the review
/// panel (<see cref="WorkflowActions"/>, which checks the policy and audits), with the same refusals: 404 unreadable,
/// 403 not allowed, 400 invalid, 409 not possible in the document's state. An optional <c>If-Match</c> makes the step
/// conditional on the version the caller looked at (412 otherwise).
/// </summary>
public static class ReviewApi
{
    public static async Task<Results<Ok<ApiWriteResult>, ProblemHttpResult>> SubmitAsync(HttpContext context, string id, WorkflowActions workflow, DocumentRepository documents)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(workflow);
        var (body, refusal) = await ApiBody.ReadAsync<ApiSubmit>(context);
        if (refusal is not null)
        {
            return refusal;
        }

        var reviewers = (body!.Reviewers ?? []).Where(r => r is not null).Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return await StepAsync(context, id, documents, caller => workflow.SubmitAsync(id, reviewers, body.Comment, caller, context.RequestAborted));
    }

    public static async Task<Results<Ok<ApiWriteResult>, ProblemHttpResult>> ApproveAsync(HttpContext context, string id, WorkflowActions workflow, DocumentRepository documents) =>
        await DecideAsync(context, id, workflow, documents, ReviewDecision.Approve);

    public static async Task<Results<Ok<ApiWriteResult>, ProblemHttpResult>> RequestChangesAsync(HttpContext context, string id, WorkflowActions workflow, DocumentRepository documents) =>
        await DecideAsync(context, id, workflow, documents, ReviewDecision.RequestChanges);

    public static Task<Results<Ok<ApiWriteResult>, ProblemHttpResult>> ArchiveAsync(HttpContext context, string id, WorkflowActions workflow, DocumentRepository documents)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(workflow);
        return StepAsync(context, id, documents, caller => workflow.ArchiveAsync(id, caller, context.RequestAborted));
    }

    public static Task<Results<Ok<ApiWriteResult>, ProblemHttpResult>> RestoreAsync(HttpContext context, string id, WorkflowActions workflow, DocumentRepository documents)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(workflow);
        return StepAsync(context, id, documents, caller => workflow.RestoreFromArchiveAsync(id, caller, context.RequestAborted));
    }

    private static async Task<Results<Ok<ApiWriteResult>, ProblemHttpResult>> DecideAsync(
        HttpContext context, string id, WorkflowActions workflow, DocumentRepository documents, ReviewDecision decision)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(workflow);
        ApiDecision body = new();
        if (context.Request.ContentLength is > 0 || context.Request.HasJsonContentType())
        {
            var (read, refusal) = await ApiBody.ReadAsync<ApiDecision>(context);
            if (refusal is not null)
            {
                return refusal;
            }

            body = read!;
        }

        return await StepAsync(context, id, documents, caller => workflow.DecideAsync(id, decision, body.Comment, caller, context.RequestAborted));
    }

    private static async Task<Results<Ok<ApiWriteResult>, ProblemHttpResult>> StepAsync(
        HttpContext context, string id, DocumentRepository documents, Func<Caller, Task<WorkflowResult>> step)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (!DocumentIds.IsValid(id))
        {
            return ApiProblems.NotFound();
        }

        var caller = context.GetCaller();
        var ifMatch = VersionETag.Read(context.Request);
        if (ifMatch.Kind is IfMatchKind.Version or IfMatchKind.Unreadable
            && await documents.GetManifestAsync(id, context.RequestAborted) is { } manifest
            && DocumentAccess.CanRead(manifest, caller)
            && ifMatch.Refusal(manifest.CurrentVersion) is { } stale)
        {
            VersionETag.Set(context.Response, manifest.CurrentVersion);
            return stale;
        }

        var result = await step(caller);
        if (result is WorkflowResult.Done done)
        {
            VersionETag.Set(context.Response, done.Manifest.CurrentVersion);
            return TypedResults.Ok(new ApiWriteResult(done.Manifest.Id, done.Manifest.CurrentVersion, done.Manifest.Status, DocumentLinks.View(done.Manifest.Id)));
        }

        var status = WorkflowStatus.Of(result);
        return ApiProblems.Problem(status, status == StatusCodes.Status404NotFound ? ApiProblems.NotFoundSentence : result.Message ?? ApiProblems.TitleOf(status));
    }
}

using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// One document for scripts, through <see cref="DocumentReader"/>: the same read rule and the same audit record
/// as the document page, and what the caller may see of it (<see cref="ReaderView"/>: a reader never gets a pending
/// draft's title or text). The answer carries the Markdown, so it is a copy taken away: a Restricted document needs
/// a download grant (403 otherwise, as /Download). Unknown and unreadable documents are the same 404, so existence
/// is never revealed.
/// </summary>
public static class DocumentsApi
{
    public static async Task<Results<Ok<ApiDocument>, ProblemHttpResult>> GetAsync(HttpContext context, DocumentReader reader, string id)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reader);
        var read = DocumentIds.IsValid(id)
            ? await reader.ReadCopyAsync(id, context.GetCaller(), context.RequestAborted)
            : new TakeAwayResult(null, null);
        if (read.Refusal is { } refusal)
        {
            // The answer carries the Markdown: a copy taken away, refused like /Download (policy row TakeAway).
            return ApiProblems.Forbidden(refusal);
        }

        if (read.View is not { } view)
        {
            return ApiProblems.NotFound();
        }

        var r = view.Reader;
        VersionETag.Set(context.Response, r.LatestVisibleVersion);
        return TypedResults.Ok(new ApiDocument(
            r.Id, r.Type, r.Title, r.Status, r.Owner, r.OwnerName, r.Collection, r.Tags, r.Confidentiality,
            r.LatestVisibleVersion, r.UpdatedUtc, view.Version.Markdown, view.Version.Number));
    }
}

using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// One document for scripts, through <see cref="DocumentReader"/>: the same read rule and the same audit record
/// as the document page. Unknown and unreadable documents are the same 404, so existence is never revealed.
/// </summary>
public static class DocumentsApi
{
    public static async Task<Results<Ok<ApiDocument>, ProblemHttpResult>> GetAsync(HttpContext context, DocumentReader reader, string id)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reader);
        var view = DocumentIds.IsValid(id)
            ? await reader.ReadAsync(id, null, context.GetCaller(), context.RequestAborted)
            : null;
        if (view is null)
        {
            return TypedResults.Problem(
                detail: "There is no document with this id that you may read. 找不到该文档，或您没有权限阅读。",
                statusCode: StatusCodes.Status404NotFound,
                title: "Not found");
        }

        var m = view.Manifest;
        return TypedResults.Ok(new ApiDocument(
            m.Id, m.Type, m.Title, m.Status, m.Owner, m.OwnerName, m.Collection, m.Tags, m.Confidentiality,
            m.CurrentVersion, m.UpdatedUtc, view.Version.Markdown, view.Version.Number));
    }
}

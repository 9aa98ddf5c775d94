using KnowledgeHub.Portal.Authentication;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// The REST API under <c>/api/v1</c>: bearer tokens only (<see cref="PortalPolicies.Api"/>), JSON bodies,
/// ProblemDetails with a sentence for every refusal; described at <c>/openapi/v1.json</c> with every answer an
/// operation can give (<see cref="ApiResponses"/>) and an example of each request body (<see cref="OpenApiExamples"/>).
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api";

    public static IEndpointRouteBuilder MapKnowledgeHubApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup(Prefix + "/v1")
            .RequireAuthorization(PortalPolicies.Api)
            .AddEndpointFilter<ApiLanguage>();
        MapReads(v1.MapGroup("").WithTags(OpenApiSetup.ReadTag));
        MapWrites(v1.MapGroup("").WithTags(OpenApiSetup.WriteTag));
        MapWork(v1.MapGroup("").WithTags(OpenApiSetup.WorkTag));

        // Unknown API routes answer in the API's language, not with the HTML status page.
        endpoints.Map(Prefix + "/{**rest}", () => ApiProblems.NotFound(ApiProblems.Sentence("NoEndpoint")))
            .AddEndpointFilter<ApiLanguage>()
            .ExcludeFromDescription()
            .WithOrder(int.MaxValue);
        return endpoints;
    }

    public static bool IsApiRequest(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
    }

    private static void MapReads(RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchApi.SearchAsync)
            .WithName("Search")
            .WithSummary("Full-text search over the documents the caller may read (q, page, pageSize ≤ 50).")
            .Answers(400);
        api.MapGet("/documents/{id}", DocumentsApi.GetAsync)
            .WithName("GetDocument")
            .WithSummary("A document as the caller may see it, with the Markdown of the version a reader sees and its ETag.")
            .WithDescription("404 when unknown or unreadable (the same answer, so existence is never revealed); 403 for a Restricted document without a download grant.")
            .Answers(403, 404);
        api.MapGet("/templates", DocumentWriteApi.ListTemplatesAsync)
            .WithName("ListTemplates")
            .WithSummary("The document types: the fields and sections each template asks for.")
            .Answers();
        api.MapGet("/documents/{id}/attachments", AttachmentsApi.ListAsync)
            .WithName("ListAttachments")
            .WithSummary("The files attached to a document the caller may read.")
            .Answers(404);
        api.MapGet("/documents/{id}/attachments/{name}", AttachmentsApi.DownloadAsync)
            .WithName("DownloadAttachment")
            .WithSummary("One attached file, as a download (audited).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Answers(403, 404);
    }

    private static void MapWrites(RouteGroupBuilder api)
    {
        api.MapPost("/documents", DocumentWriteApi.CreateAsync)
            .WithName("CreateDocument")
            .WithSummary("Create a draft from a template (Contributor role). Answers 201 with its ETag and Location.")
            .Reads<ApiNewDocument>()
            .Answers(400, 403, 413, 415);
        api.MapPut("/documents/{id}", DocumentWriteApi.UpdateAsync)
            .WithName("UpdateDocument")
            .WithSummary("Save a new version. If-Match must hold the ETag of the version edited: 428 without, 412 when someone saved since.")
            .Reads<ApiDocumentUpdate>()
            .Answers(400, 403, 404, 412, 413, 415, 428);
        api.MapPost("/documents/{id}/attachments", AttachmentsApi.UploadAsync)
            .WithName("UploadAttachment")
            .WithSummary("Attach a file (multipart/form-data, one part named 'file'); needs the edit right.")
            .Reads<IFormFile>(ApiRequestBody.Multipart)
            .Answers(400, 403, 404, 413, 415, 503);
        api.MapPost("/documents/{id}/submit", ReviewApi.SubmitAsync)
            .WithName("SubmitForReview")
            .WithSummary("Submit the current draft for review by the named reviewers (owner or editor).")
            .Reads<ApiSubmit>()
            .Answers(400, 403, 404, 409, 412, 415);
        api.MapPost("/documents/{id}/approve", ReviewApi.ApproveAsync)
            .WithName("Approve")
            .WithSummary("Approve the submitted version, which publishes it (a listed reviewer with the Reviewer role).")
            .Reads<ApiDecision>()
            .Answers(400, 403, 404, 409, 412, 415);
        api.MapPost("/documents/{id}/request-changes", ReviewApi.RequestChangesAsync)
            .WithName("RequestChanges")
            .WithSummary("Send the submitted version back to its author with a comment (required).")
            .Reads<ApiDecision>()
            .Answers(400, 403, 404, 409, 412, 415);
        api.MapPost("/documents/{id}/archive", ReviewApi.ArchiveAsync)
            .WithName("Archive")
            .WithSummary("Archive a published document: read-only from then on.")
            .Answers(403, 404, 409, 412);
        api.MapPost("/documents/{id}/restore", ReviewApi.RestoreAsync)
            .WithName("RestoreFromArchive")
            .WithSummary("Bring an archived document back to Published.")
            .Answers(403, 404, 409, 412);
    }

    private static void MapWork(RouteGroupBuilder api)
    {
        api.MapGet("/action-items", WorkItemsApi.ListActionItems)
            .WithName("ListActionItems")
            .WithSummary("Action items of readable documents: the caller's (owner=me, the default), someone's (owner=handle) or everyone's (owner=all); open only unless done is given.")
            .Answers(400);
        api.MapGet("/documents/{id}/action-items", WorkItemsApi.ListOfDocumentAsync)
            .WithName("ListDocumentActionItems")
            .WithSummary("A document's action items, numbered in document order.")
            .Answers(404);
        api.MapPost("/documents/{id}/action-items/{index:int}/done", WorkItemsApi.MarkDoneAsync)
            .WithName("MarkActionItemDone")
            .WithSummary("Tick action item {index}: a new version of the document with that box ticked (needs the edit right; If-Match optional).")
            .Answers(400, 403, 404, 412);
        api.MapGet("/lessons", WorkItemsApi.SearchLessonsAsync)
            .WithName("SearchLessons")
            .WithSummary("Lessons of readable documents, each on its own, filtered by the parent's type, collection, tag and year.")
            .Answers(400);
    }
}

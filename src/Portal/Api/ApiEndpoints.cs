using KnowledgeHub.Portal.Authentication;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// The REST API under <c>/api/v1</c>: bearer tokens only (<see cref="PortalPolicies.Api"/>), JSON bodies,
/// ProblemDetails with a sentence for every refusal; described at <c>/openapi/v1.json</c>.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api";

    public static IEndpointRouteBuilder MapKnowledgeHubApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup(Prefix + "/v1")
            .RequireAuthorization(PortalPolicies.Api)
            .WithTags("KnowledgeHub");
        v1.MapGet("/search", SearchApi.SearchAsync)
            .WithName("Search")
            .WithSummary("Full-text search over the documents the caller may read (q, page, pageSize ≤ 50).");
        v1.MapGet("/documents/{id}", DocumentsApi.GetAsync)
            .WithName("GetDocument")
            .WithSummary("A document as the caller may see it, with the Markdown of the version a reader sees; 404 when unknown or unreadable, 403 for a Restricted document without a download grant.");

        // Unknown API routes answer in the API's language, not with the HTML status page.
        endpoints.Map(Prefix + "/{**rest}", () => TypedResults.Problem(
                detail: "There is no such API endpoint; see /openapi/v1.json. 没有此 API。",
                statusCode: StatusCodes.Status404NotFound,
                title: "Not found"))
            .ExcludeFromDescription()
            .WithOrder(int.MaxValue);
        return endpoints;
    }

    public static bool IsApiRequest(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
    }
}

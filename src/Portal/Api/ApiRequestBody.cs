using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// What an endpoint reads from its body, for the OpenAPI document only. The endpoints read their bodies themselves
/// (<see cref="ApiBody"/>) so a wrong content type is a 415 with a sentence; <c>Accepts&lt;T&gt;</c> would instead
/// make routing skip the endpoint and the caller would get the catch-all 404.
/// </summary>
public sealed record ApiRequestBody(Type Type, string ContentType)
{
    public const string Json = "application/json";
    public const string Multipart = "multipart/form-data";

    /// <summary>Sets the operation's request body from the endpoint's <see cref="ApiRequestBody"/>, if it has one.</summary>
    internal static async Task ApplyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiRequestBody>().FirstOrDefault() is not { } body)
        {
            return;
        }

        IOpenApiSchema schema = body.ContentType == Multipart
            ? new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "file" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The file; its kind is decided from its bytes." },
                },
            }
            : await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = body.Type != typeof(ApiDecision),
            Content = new Dictionary<string, OpenApiMediaType> { [body.ContentType] = new() { Schema = schema } },
        };
    }
}

/// <summary>Declares an endpoint's request body for the OpenAPI document (<see cref="ApiRequestBody"/>).</summary>
public static class ApiRequestBodyExtensions
{
    public static RouteHandlerBuilder Reads<T>(this RouteHandlerBuilder builder, string contentType = ApiRequestBody.Json) =>
        builder.WithMetadata(new ApiRequestBody(typeof(T), contentType));
}

using Microsoft.OpenApi;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// The OpenAPI description of <c>/api/v1</c> at <c>/openapi/v1.json</c>: the bearer scheme it needs, a licence, the
/// portal's own address as the server (no trailing slash), described tags, and examples (<see cref="OpenApiExamples"/>).
/// It passes <c>redocly lint</c> with no error or warning (tests/Portal.Tests/Api/OpenApiLintTests).
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string BearerScheme = "Bearer";
    public const string ReadTag = "Read";
    public const string WriteTag = "Write";
    public const string WorkTag = "Action items and lessons";

    public static IServiceCollection AddKnowledgeHubOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true;
            options.AddOperationTransformer(async (operation, context, cancellationToken) =>
            {
                await ApiRequestBody.ApplyAsync(operation, context, cancellationToken);
                OpenApiExamples.Apply(operation);
            });
            options.AddDocumentTransformer((document, context, _) =>
            {
                document.Info.Title = "KnowledgeHub API";
                document.Info.Description =
                    "Search, read and write the documents the caller may: create from a template, update with If-Match, " +
                    "attachments, review steps, action items and lessons — enforced exactly as the pages are. Every call needs a " +
                    "bearer token: an Entra ID access token for this app, or in local mode a token from /Account/Token.";
                // An SPDX reference for a licence that is not on the SPDX list: this API serves one organisation's own documents.
                document.Info.License = new OpenApiLicense { Name = "Proprietary: for use inside the organisation that runs this portal", Identifier = "LicenseRef-KnowledgeHub-Internal" };
                document.Servers = [new OpenApiServer { Url = ServerUrl(context.ApplicationServices), Description = "This portal" }];
                document.Tags = new HashSet<OpenApiTag>
                {
                    new() { Name = ReadTag, Description = "Search and read documents, templates and attachments." },
                    new() { Name = WriteTag, Description = "Create and update documents, attach files, and take review steps." },
                    new() { Name = WorkTag, Description = "Action items and lessons, each on its own, from the documents the caller may read." },
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "An Entra ID access token for this app, or a local token from /Account/Token.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapKnowledgeHubOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return endpoints;
    }

    /// <summary>The address the document was asked at (scheme, host, path base), without a trailing slash.</summary>
    private static string ServerUrl(IServiceProvider services)
    {
        var request = services.GetService<IHttpContextAccessor>()?.HttpContext?.Request;
        return request is null ? "http://localhost:5000" : $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
    }
}

using System.Net;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Api;

public sealed class OpenApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_OpenAPI_description_is_public_and_lists_the_API_with_its_bearer_scheme_and_nothing_else()
    {
        var client = await portal.CreateReadyClientAsync();

        var json = await ApiJson.ReadAsync(await client.GetPageAsync("/openapi/v1.json"), HttpStatusCode.OK);

        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            [
                "/api/v1/action-items", "/api/v1/documents", "/api/v1/documents/{id}", "/api/v1/documents/{id}/action-items",
                "/api/v1/documents/{id}/action-items/{index}/done", "/api/v1/documents/{id}/approve", "/api/v1/documents/{id}/archive",
                "/api/v1/documents/{id}/attachments", "/api/v1/documents/{id}/attachments/{name}", "/api/v1/documents/{id}/request-changes",
                "/api/v1/documents/{id}/restore", "/api/v1/documents/{id}/submit", "/api/v1/lessons", "/api/v1/search", "/api/v1/templates",
            ],
            paths);
        var bearer = json.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.Equal("Bearer", json.GetProperty("security")[0].EnumerateObject().Single().Name);
        var search = json.GetProperty("paths").GetProperty("/api/v1/search").GetProperty("get");
        Assert.Contains(search.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "q");
    }
}

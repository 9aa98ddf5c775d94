using System.Net;
using System.Text.Json;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Pages;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_503_with_the_reason_when_storage_stops_taking_writes()
    {
        await using var portal = new PortalFactory();
        var client = await portal.CreateReadyClientAsync();
        var blobs = Path.Combine(portal.Root, "blobs");

        // The storage folder disappears and a file takes its place: nothing can be written any more.
        Directory.Delete(blobs, recursive: true);
        await File.WriteAllTextAsync(blobs, "not a folder");
        var response = await client.GetPageAsync("/healthz");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("storage").GetProperty("status").GetString());
        Assert.StartsWith("Storage is unreachable", json.RootElement.GetProperty("storage").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(json.RootElement.GetProperty("index").GetProperty("documents").GetInt32() >= PortalFactory.SampleCount);
    }
}

using System.Net;
using System.Text.Json;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Pages;

/// <summary>/health/live, /health/ready (and /healthz): read-only, the detail for admins only.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Ready_tells_an_anonymous_caller_the_status_word_only()
    {
        await using var portal = new PortalFactory();
        var client = await portal.CreateReadyClientAsync();

        foreach (var path in new[] { "/health/ready", "/healthz", "/health/live" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            using var json = JsonDocument.Parse(body);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
            Assert.Equal(["status"], json.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.DoesNotContain(portal.Root, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ready_shows_an_admin_storage_and_the_index_with_its_document_count()
    {
        await using var portal = new PortalFactory();
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("carol");

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Healthy", json.RootElement.GetProperty("storage").GetProperty("status").GetString());
        Assert.True(json.RootElement.GetProperty("index").GetProperty("documents").GetInt32() >= PortalFactory.SampleCount);
        Assert.Equal(0, json.RootElement.GetProperty("index").GetProperty("problems").GetInt32());
    }

    [Fact]
    public async Task A_reader_gets_the_status_word_only_too()
    {
        await using var portal = new PortalFactory();
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("dave");

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));

        Assert.Equal(["status"], json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Ready_is_503_with_the_reason_for_admins_when_storage_is_gone_and_live_stays_200()
    {
        await using var portal = new PortalFactory();
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("carol");
        var blobs = Path.Combine(portal.Root, "blobs");

        // The storage folder disappears and a file takes its place: nothing can be read any more.
        Directory.Delete(blobs, recursive: true);
        await File.WriteAllTextAsync(blobs, "not a folder");
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("storage").GetProperty("status").GetString());
        Assert.StartsWith("Storage is unreachable", json.RootElement.GetProperty("storage").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(json.RootElement.GetProperty("index").GetProperty("documents").GetInt32() >= PortalFactory.SampleCount);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task A_thousand_health_calls_create_no_file()
    {
        await using var portal = new PortalFactory();
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("carol");
        var before = Entries(portal.Root);

        for (var i = 0; i < 1_000; i++)
        {
            using var response = await client.GetAsync(new Uri(i % 2 == 0 ? "/health/ready" : "/health/live", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var after = Entries(portal.Root);
        Assert.Contains(before, path => path.EndsWith("manifest.json", StringComparison.Ordinal));
        Assert.Empty(after.Except(before));
        Assert.Empty(before.Except(after));
    }

    /// <summary>Every file and folder under the portal's data root (storage and index), hidden ones included.</summary>
    private static List<string> Entries(string root) =>
        [.. Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).Order(StringComparer.Ordinal)];
}

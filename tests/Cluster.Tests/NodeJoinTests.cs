using System.Net;
using System.Text.Json;
using KnowledgeHub.Cluster.Tests.Support;

namespace KnowledgeHub.Cluster.Tests;

/// <summary>A node that joins a store that already holds documents restores the newest index snapshot and follows the log from it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class NodeJoinTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_new_node_restores_the_index_snapshot_instead_of_rebuilding_and_finds_what_was_saved_since()
    {
        var cluster = fixture.Cluster;
        var latest = fixture.Container().GetBlobClient("snapshots/index/latest.json");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await latest.ExistsAsync()).Value)
        {
            Assert.True(DateTime.UtcNow < deadline, "No node published an index snapshot within 30 s.");
            await Task.Delay(250);
        }

        using var author = Browser.Create(cluster.Proxy.Address);
        await author.SignInAsync("alice");
        var word = "bilby" + Guid.NewGuid().ToString("N")[..6];
        using var saved = await author.CreateDocumentAsync(await author.GetDocumentAsync("/Documents/New?type=retrospective"), $"After the snapshot {word}");

        var node = await cluster.AddNodeAsync(null, CancellationToken.None);

        using var admin = Browser.Create(node.Address);
        await admin.SignInAsync("carol");
        using var reader = Browser.Create(node.Address);
        await reader.SignInAsync("alice");
        using var health = await admin.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var detail = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        var documents = detail.RootElement.GetProperty("index").GetProperty("documents").GetInt32();
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(detail.RootElement.GetProperty("index-snapshot").TryGetProperty("restoredFrom", out _), detail.RootElement.ToString());
        Assert.Contains("Restored the search index from snapshot", node.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Rebuilding the search index", node.Output, StringComparison.Ordinal);
        Assert.True(documents >= ClusterFixture.SeededDocuments, $"The new node has {documents} documents.");

        var found = DateTime.UtcNow.AddSeconds(15);
        while (!await reader.FindsAsync(word, saved.Headers.Location!.OriginalString))
        {
            Assert.True(DateTime.UtcNow < found, "The new node did not find the document saved after the snapshot.");
            await Task.Delay(100);
        }
    }
}

using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeHub.Storage.Tests;

/// <summary>The storage health check only reads: it creates nothing, and says where and why only in its data.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HealthCheckTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_thousand_health_checks_on_a_file_store_create_no_file_or_folder()
    {
        var store = new FileSystemBlobStore(folder.Path);
        await store.WriteAsync("docs/a/manifest.json", Encoding.UTF8.GetBytes("{}"), WriteCondition.None, CancellationToken.None);
        await store.AppendAsync("changes/log", Encoding.UTF8.GetBytes("a\n"), CancellationToken.None);
        var before = FileSystemFootprintTests.Entries(folder.Path);
        var check = new BlobStoreHealthCheck(store);

        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(Context())).Status);
        }

        Assert.Equal(5, before.Count);
        Assert.Equal(before, FileSystemFootprintTests.Entries(folder.Path));
    }

    [Fact]
    public async Task A_healthy_file_store_says_so_in_a_plain_sentence_and_keeps_the_folder_for_the_data()
    {
        var result = await new BlobStoreHealthCheck(new FileSystemBlobStore(folder.Path)).CheckHealthAsync(Context());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("Storage is reachable.", result.Description);
        Assert.Equal(folder.Path, result.Data["location"]);
        Assert.Equal("FileSystem", result.Data["provider"]);
    }

    [Fact]
    public async Task A_store_whose_folder_is_not_created_yet_is_healthy_and_the_check_does_not_create_it()
    {
        var root = Path.Combine(folder.Path, "not", "yet");

        var result = await new BlobStoreHealthCheck(new FileSystemBlobStore(root)).CheckHealthAsync(Context());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Empty(FileSystemFootprintTests.Entries(folder.Path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("below")]
    public async Task A_root_that_is_or_lies_under_a_file_is_unhealthy_with_a_plain_sentence_and_the_reason_in_the_data(string below)
    {
        var file = Path.Combine(folder.Path, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");
        var root = Path.Combine(file, below);

        var result = await new BlobStoreHealthCheck(new FileSystemBlobStore(root)).CheckHealthAsync(Context());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("Storage is unreachable.", result.Description);
        Assert.Contains($"'{file}' is a file", (string)result.Data["error"]);
        Assert.Equal(Path.TrimEndingDirectorySeparator(root), result.Data["location"]);
    }

    [Fact]
    public async Task Health_checks_on_azure_read_only_and_a_missing_container_is_reachable()
    {
        var container = azurite.CreateClient().GetBlobContainerClient($"t{Guid.NewGuid():N}");
        var check = new BlobStoreHealthCheck(new AzureBlobStore(container));

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(Context())).Status);
        }

        Assert.False((await container.ExistsAsync()).Value);
        var store = new AzureBlobStore(container);
        await store.WriteAsync("docs/a/manifest.json", Encoding.UTF8.GetBytes("{}"), WriteCondition.None, CancellationToken.None);
        var healthy = await check.CheckHealthAsync(Context());
        Assert.Equal("Storage is reachable.", healthy.Description);
        Assert.Equal(["docs/a/manifest.json"], (await store.ListAsync("", CancellationToken.None).ToListAsync()).Select(b => b.Name));
        await container.DeleteIfExistsAsync();
    }

    [Fact]
    public async Task An_unreachable_azure_endpoint_is_unhealthy_and_the_endpoint_is_only_in_the_data()
    {
        var deadPort = AzuriteFixture.FreePort();
        var options = StorageClientOptions.Create();
        options.Retry.MaxRetries = 0;
        var container = new Azure.Storage.Blobs.BlobServiceClient(AzuriteFixture.ConnectionStringFor(deadPort), options).GetBlobContainerClient("docs");

        var result = await new BlobStoreHealthCheck(new AzureBlobStore(container)).CheckHealthAsync(Context());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("Storage is unreachable.", result.Description);
        Assert.Equal($"http://127.0.0.1:{deadPort}/devstoreaccount1/docs", result.Data["location"]);
        Assert.False(string.IsNullOrWhiteSpace((string)result.Data["error"]));
    }

    private static HealthCheckContext Context() => new()
    {
        Registration = new HealthCheckRegistration("storage", _ => null!, HealthStatus.Unhealthy, null),
    };
}

using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace KnowledgeHub.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class StorageStartupTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task An_unreachable_azure_endpoint_stops_start_up_within_seconds_with_a_sentence_naming_the_setting()
    {
        var deadPort = AzuriteFixture.FreePort();
        using var host = StorageHost.Build(folder.Path, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:AzureBlob:ConnectionString"] = AzuriteFixture.ConnectionStringFor(deadPort),
        });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.StartsWith($"Storage is unreachable: could not open Azure Blob Storage at http://127.0.0.1:{deadPort}/devstoreaccount1/knowledgehub (the account in Storage:AzureBlob:ConnectionString) (", error.Message);
        Assert.EndsWith("Check the setting or start the storage emulator.", error.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(12));
    }

    [Fact]
    public async Task The_azure_provider_starts_against_the_emulator_and_stores_blobs_in_the_configured_container()
    {
        azurite.CreateClient();
        var containerName = $"t{Guid.NewGuid():N}";
        using var host = StorageHost.Build(folder.Path, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:AzureBlob:ConnectionString"] = azurite.ConnectionString,
            ["Storage:AzureBlob:ContainerName"] = containerName,
        });
        await host.StartAsync();

        var store = Assert.IsType<AzureBlobStore>(host.Services.GetRequiredService<IBlobStore>());
        await store.WriteAsync("docs/a/manifest.json", Encoding.UTF8.GetBytes("{}"), WriteCondition.None, CancellationToken.None);

        var container = azurite.CreateClient().GetBlobContainerClient(containerName);
        Assert.True((await container.GetBlobClient("docs/a/manifest.json").ExistsAsync()).Value);
        Assert.Empty(await store.ListAsync("health/", CancellationToken.None).ToListAsync());
        await host.StopAsync();
        await container.DeleteIfExistsAsync();
    }

    [Fact]
    public async Task The_storage_health_check_is_registered()
    {
        using var host = StorageHost.Build(folder.Path, new Dictionary<string, string?>());

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, Assert.Single(report.Entries, e => e.Key == "storage").Value.Status);
    }

    [Fact]
    public async Task Start_up_on_an_empty_folder_proves_the_store_and_leaves_no_file_or_folder_behind()
    {
        var root = Path.Combine(folder.Path, "data", "blobs");
        using var host = StorageHost.Build(folder.Path, new Dictionary<string, string?>());

        await host.StartAsync();

        Assert.True(Directory.Exists(root));
        Assert.Empty(FileSystemFootprintTests.Entries(root));
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_up_removes_the_lock_folder_earlier_versions_left_and_keeps_every_blob()
    {
        var root = Path.Combine(folder.Path, "data", "blobs");
        var store = new FileSystemBlobStore(root);
        await store.WriteAsync("docs/a/manifest.json", Encoding.UTF8.GetBytes("{}"), WriteCondition.None, CancellationToken.None);
        Directory.CreateDirectory(Path.Combine(root, ".locks", "docs", "a"));
        await File.WriteAllTextAsync(Path.Combine(root, ".locks", "docs", "a", "manifest.json.lock"), "");
        using var host = StorageHost.Build(folder.Path, new Dictionary<string, string?>());

        await host.StartAsync();

        Assert.Equal([Path.Combine(root, "docs"), Path.Combine(root, "docs", "a"), Path.Combine(root, "docs", "a", "manifest.json")], FileSystemFootprintTests.Entries(root));
        await host.StopAsync();
    }
}

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
    public async Task The_health_check_is_healthy_on_a_usable_store_and_unhealthy_when_the_root_is_a_file()
    {
        var file = Path.Combine(folder.Path, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");
        var check = (string root) => new BlobStoreHealthCheck(new FileSystemBlobStore(root)).CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("storage", _ => null!, HealthStatus.Unhealthy, null),
        });

        Assert.Equal(HealthStatus.Healthy, (await check(Path.Combine(folder.Path, "blobs"))).Status);
        var broken = await check(file);
        Assert.Equal(HealthStatus.Unhealthy, broken.Status);
        Assert.StartsWith("Storage is unreachable:", broken.Description);
    }

    [Fact]
    public async Task The_storage_health_check_is_registered()
    {
        using var host = StorageHost.Build(folder.Path, new Dictionary<string, string?>());

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, Assert.Single(report.Entries, e => e.Key == "storage").Value.Status);
    }
}

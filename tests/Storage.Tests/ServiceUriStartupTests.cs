using System.Diagnostics;

namespace KnowledgeHub.Storage.Tests;

public sealed class ServiceUriStartupTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task An_unreachable_service_uri_stops_start_up_within_the_timeout_with_a_sentence_naming_the_setting()
    {
        var deadPort = AzuriteFixture.FreePort();
        using var host = StorageHost.Build(folder.Path, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:AzureBlob:ServiceUri"] = $"https://127.0.0.1:{deadPort}/devstoreaccount1",
            ["Storage:AzureBlob:ContainerName"] = "docs",
        });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.StartsWith($"Storage is unreachable: could not open Azure Blob Storage at https://127.0.0.1:{deadPort}/devstoreaccount1/docs (Storage:AzureBlob:ServiceUri) (", error.Message);
        Assert.EndsWith("Check the setting and that the app's identity has the Storage Blob Data Contributor role.", error.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(12));
    }
}

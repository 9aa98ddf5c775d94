using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Storage.Tests;

public sealed class StorageOptionsTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    public static TheoryData<string, string> WrongSections => new()
    {
        { "Provider=AzureBlob", "Storage:AzureBlob:ConnectionString or Storage:AzureBlob:ServiceUri must be set when Storage:Provider is AzureBlob." },
        { "Provider=AzureBlob;AzureBlob:ServiceUri=not a uri", "Storage:AzureBlob:ServiceUri must be an absolute https URI" },
        { "Provider=AzureBlob;AzureBlob:ServiceUri=ftp://files.example.com/", "Storage:AzureBlob:ServiceUri must be an absolute https URI" },
        { "Provider=AzureBlob;AzureBlob:ConnectionString=server=sql;database=kb", "Storage:AzureBlob:ConnectionString is not an Azure Storage connection string" },
        { "Provider=AzureBlob;AzureBlob:ConnectionString=UseDevelopmentStorage=true;AzureBlob:ServiceUri=https://a.blob.core.windows.net/", "Set only one of Storage:AzureBlob:ConnectionString and Storage:AzureBlob:ServiceUri." },
        { "Provider=AzureBlob;AzureBlob:ConnectionString=UseDevelopmentStorage=true;AzureBlob:ContainerName=Knowledge_Hub", "Storage:AzureBlob:ContainerName must be 3 to 63 lowercase letters" },
        { "Provider=7", "Storage:Provider must be FileSystem or AzureBlob" },
        { "FileSystem:RootPath=bad\0path", "Storage:FileSystem:RootPath is not a valid folder path" },
    };

    [Theory]
    [MemberData(nameof(WrongSections))]
    public async Task A_wrong_storage_section_stops_start_up_with_a_sentence_naming_the_setting(string section, string expected)
    {
        using var host = StorageHost.Build(folder.Path, Settings(section));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task By_default_blobs_live_in_data_blobs_under_the_content_root()
    {
        using var host = StorageHost.Build(folder.Path, new Dictionary<string, string?>());
        await host.StartAsync();

        var store = Assert.IsType<FileSystemBlobStore>(host.Services.GetRequiredService<IBlobStore>());
        await store.WriteAsync("docs/a/manifest.json", Encoding.UTF8.GetBytes("{}"), WriteCondition.None, CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(folder.Path, "data", "blobs", "docs", "a", "manifest.json")));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_relative_root_path_is_taken_from_the_content_root()
    {
        using var host = StorageHost.Build(folder.Path, Settings("FileSystem:RootPath=store/blobs"));
        await host.StartAsync();

        var store = Assert.IsType<FileSystemBlobStore>(host.Services.GetRequiredService<IBlobStore>());

        Assert.Equal(Path.Combine(folder.Path, "store", "blobs"), store.RootPath);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_root_path_that_is_a_file_stops_start_up_naming_the_setting()
    {
        var file = Path.Combine(folder.Path, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");
        using var host = StorageHost.Build(folder.Path, Settings($"FileSystem:RootPath={file}"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.StartsWith($"Storage is unreachable: could not write to the folder '{file}' set by Storage:FileSystem:RootPath (", error.Message);
    }

    /// <summary>"Key=Value;Key=Value" under Storage: (a value may itself hold '=', never ';' except inside UseDevelopmentStorage).</summary>
    public static Dictionary<string, string?> Settings(string section) =>
        section.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => $"Storage:{pair[0]}", pair => (string?)pair[1]);
}

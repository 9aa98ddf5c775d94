using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KnowledgeHub.Cluster.Tests.Support;

/// <summary>The portal in memory (Development, local sign-in) over a given file store, with its own index folder.</summary>
public sealed class PortalHost(string storeRoot, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private readonly string index = Path.Combine(Path.GetTempPath(), "kh-cluster-tests", Guid.NewGuid().ToString("N"), "index");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Provider", "FileSystem");
        builder.UseSetting("Storage:FileSystem:RootPath", storeRoot);
        builder.UseSetting("Search:IndexPath", index);
        builder.UseSetting("Documents:ContentRoot", RepositoryPaths.Content);
        builder.UseSetting("Documents:ImportSamples", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(Path.GetDirectoryName(index)!, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

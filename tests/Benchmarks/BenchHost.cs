using KnowledgeHub.Documents;
using KnowledgeHub.Search;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Benchmarks;

/// <summary>
/// The real services, composed as the portal composes them (AddKnowledgeHubStorage/Documents/Search), over a
/// file-system blob store and an index in a temp folder that is deleted on dispose. The host is built, never
/// started: no hosted service (sample import, follower) runs; the benchmark calls the synchronizer itself.
/// </summary>
public sealed class BenchHost : IDisposable
{
    private readonly IHost host;
    private readonly bool owned;

    public BenchHost()
        : this(Path.Combine(Path.GetTempPath(), "kh-bench", Guid.NewGuid().ToString("N")), null, owned: true)
    {
    }

    /// <summary>Over an existing store (<paramref name="root"/>/blobs) and index (<paramref name="indexPath"/>), left in place on dispose.</summary>
    public BenchHost(string root, string? indexPath)
        : this(root, indexPath, owned: false)
    {
    }

    private BenchHost(string root, string? indexPath, bool owned)
    {
        Root = root;
        this.owned = owned;
        IndexPath = indexPath ?? Path.Combine(Root, "index");
        Directory.CreateDirectory(Root);
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = Root });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "FileSystem",
            ["Storage:FileSystem:RootPath"] = Path.Combine(Root, "blobs"),
            ["Search:IndexPath"] = IndexPath,
            ["Documents:ImportSamples"] = "false",

            // The benchmarks repeat their queries: with the portal's result cache on they would time the cache.
            ["Search:ResultCacheEntries"] = "0",

            // They measure the index as they built it or as the portal left it (the scale run's portal compacts it when
            // idle): a compaction ten seconds after opening would change it in the middle of a measurement.
            ["Search:CompactAfterIdle"] = "00:00:00",
        });

        // Per-search Information logs would measure the console, not the search: warnings only.
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services
            .AddKnowledgeHubStorage(builder.Configuration)
            .AddKnowledgeHubDocuments(builder.Configuration)
            .AddKnowledgeHubSearch(builder.Configuration);
        host = builder.Build();
    }

    public string Root { get; }

    public string IndexPath { get; }

    public IServiceProvider Services => host.Services;

    public T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    public DocumentRepository Repository => Get<DocumentRepository>();

    public IndexSynchronizer Synchronizer => Get<IndexSynchronizer>();

    public SearchService Search => Get<SearchService>();

    public void Dispose()
    {
        host.Dispose();
        if (!owned)
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"Could not delete {Root}: {e.Message}");
        }
    }

    /// <summary>The bytes of every file under <paramref name="folder"/>.</summary>
    public static long FolderBytes(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    /// <summary>The blob store the composition chose (FileSystemBlobStore under <see cref="Root"/>/blobs).</summary>
    public IBlobStore BlobStore => Get<IBlobStore>();
}

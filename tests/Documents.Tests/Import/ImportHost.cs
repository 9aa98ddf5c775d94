using KnowledgeHub.Documents.Import;
using KnowledgeHub.Documents.Tests.Support;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Documents.Tests.Import;

/// <summary>
/// The document services and the importer on a real file store, with the repository's templates from content/ stored
/// (no samples), no index (writes do not wait for one) and no PDF reader (PDFs are refused with a sentence).
/// </summary>
public sealed class ImportHost : IAsyncDisposable
{
    public static readonly string ContentRoot = ContentRootLocator.Locate(null, AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The repository's content folder was not found from " + AppContext.BaseDirectory);

    private readonly ServiceProvider provider;

    public ImportHost()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Following:WaitForChange"] = "00:00:00",
            ["Documents:ImportSamples"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IBlobStore>(Store.Blobs);
        services.AddKnowledgeHubDocuments(configuration);
        services.AddKnowledgeHubImport();
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public TestStore Store { get; } = new();

    public DocumentRepository Repository => provider.GetRequiredService<DocumentRepository>();

    public AuditLog Audit => provider.GetRequiredService<AuditLog>();

    public IServiceProvider Services => provider;

    /// <summary>Stores content/templates, as the first start does.</summary>
    public async Task<ImportHost> WithTemplatesAsync()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(ContentRoot, "templates"), "*.md"))
        {
            await Store.Blobs.WriteAsync(TemplateCatalog.Prefix + Path.GetFileName(file), await File.ReadAllBytesAsync(file), WriteCondition.IfNotExists, CancellationToken.None);
        }

        return this;
    }

    /// <summary>Imports <paramref name="folder"/> (a folder or a zip) as <paramref name="caller"/>.</summary>
    public async Task<ImportReport> ImportAsync(string folder, ImportDefaults defaults, Caller caller, ImportProgress? progress = null, ImportLimits? limits = null)
    {
        await using var scope = provider.CreateAsyncScope();
        await using var source = ImportSource.Open(folder, limits ?? new ImportLimits());
        return await scope.ServiceProvider.GetRequiredService<BulkImporter>().RunAsync(source, defaults, caller, progress ?? new ImportProgress(), CancellationToken.None);
    }

    public async Task<List<DocumentManifest>> DocumentsAsync()
    {
        var list = new List<DocumentManifest>();
        await foreach (var manifest in Repository.ListAsync(CancellationToken.None))
        {
            list.Add(manifest);
        }

        return list;
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        Store.Dispose();
    }
}

/// <summary>A temp folder of files to import; deleted on dispose.</summary>
public sealed class ImportFolder : IDisposable
{
    public string Root { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "kh-import-tests", Guid.NewGuid().ToString("N"))).FullName;

    public ImportFolder Add(string relativePath, string text) => Add(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public ImportFolder Add(string relativePath, byte[] content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}

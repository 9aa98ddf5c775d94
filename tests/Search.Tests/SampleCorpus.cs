using KnowledgeHub.Documents;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Search.Tests;

/// <summary>The repository's <c>content/</c> (templates and the sample documents) imported through the real importer and indexed.</summary>
public sealed class SampleCorpus : IAsyncLifetime
{
    public SearchHost Host { get; } = SearchHost.Create();

    public int Imported { get; private set; }

    public async Task InitializeAsync()
    {
        var content = ContentRootLocator.Locate(null, AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("The repository's content folder was not found above " + AppContext.BaseDirectory);
        var importer = new ContentImporter(Host.Store, Host.Repository, new TemplateCatalog(Host.Store), NullLogger<ContentImporter>.Instance);
        Imported = await importer.ImportIfEmptyAsync(content, CancellationToken.None);
        await Host.Synchronizer.CatchUpAsync(CancellationToken.None);
        await Host.LoadGlossaryAsync();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

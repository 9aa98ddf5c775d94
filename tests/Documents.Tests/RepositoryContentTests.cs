using KnowledgeHub.Documents.Tests.Support;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Documents.Tests;

/// <summary>The repository's own content/ folder, imported as the Portal imports it on first start.</summary>
public sealed class RepositoryContentTests : IDisposable
{
    private static readonly string ContentRoot = ContentRootLocator.Locate(null, AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The repository's content folder was not found from " + AppContext.BaseDirectory);

    private readonly TestStore store = new();
    private readonly ListLogger<ContentImporter> log = new();
    private readonly TemplateCatalog catalog;
    private readonly ContentImporter importer;

    public RepositoryContentTests()
    {
        catalog = new TemplateCatalog(store.Blobs, store.Clock);
        importer = new ContentImporter(store.Blobs, store.Repository, catalog, log);
    }

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task Every_template_and_sample_in_content_imports_without_a_warning()
    {
        var samples = Directory.GetFiles(Path.Combine(ContentRoot, "samples"), "*.md");

        var imported = await importer.ImportIfEmptyAsync(ContentRoot, CancellationToken.None);

        Assert.Empty(log.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => e.Message));
        Assert.Equal(samples.Length, imported);
        var keys = (await catalog.ListAsync(CancellationToken.None)).Select(t => t.Key).ToHashSet();
        Assert.Subset(keys, new HashSet<string> { "weekly-report", "data-report", "campaign-plan", "meeting-minutes", "retrospective", "competitor-analysis", "user-research", "sop" });
        await foreach (var manifest in store.Repository.ListAsync(CancellationToken.None))
        {
            Assert.Contains(manifest.Type, keys);
            Assert.Equal(manifest.Id + ".md", Path.GetFileName(samples.Single(s => Path.GetFileNameWithoutExtension(s) == manifest.Id)));
        }
    }

    [Fact]
    public async Task Every_sample_retrospective_has_lessons_and_renders_safely()
    {
        await importer.ImportIfEmptyAsync(ContentRoot, CancellationToken.None);
        var renderer = new MarkdownRenderer();
        var retrospectives = 0;

        await foreach (var manifest in store.Repository.ListAsync(CancellationToken.None))
        {
            var version = await store.Repository.GetVersionAsync(manifest.Id, 1, CancellationToken.None);
            HtmlSafety.AssertSafe(renderer.ToHtml(version!.Markdown));
            Assert.NotEmpty(renderer.ToPlainText(version.Markdown));
            if (manifest.Type == "retrospective")
            {
                retrospectives++;
                Assert.True(renderer.GetStructure(version.Markdown).Lessons.Count > 0, $"{manifest.Id} has no lessons");
            }
        }

        Assert.True(retrospectives > 0);
    }
}

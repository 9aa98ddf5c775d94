using KnowledgeHub.Documents.Tests.Support;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Documents.Tests;

public sealed class ServiceRegistrationTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly ContentFolder content = new();

    public void Dispose()
    {
        store.Dispose();
        content.Dispose();
    }

    [Fact]
    public async Task The_documents_part_resolves_and_imports_the_configured_content_at_start()
    {
        content.Template("retrospective", ContentFolder.RetrospectiveTemplate).Sample("a-doc.md", ContentFolder.SampleText("a-doc"));
        using var provider = Build(new() { ["Documents:ContentRoot"] = content.Root });

        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        Assert.Same(provider.GetRequiredService<DocumentRepository>(), provider.GetRequiredService<DocumentRepository>());
        Assert.NotNull(provider.GetRequiredService<MarkdownRenderer>());
        Assert.NotNull(provider.GetRequiredService<AuditLog>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.NotNull(await provider.GetRequiredService<DocumentRepository>().GetManifestAsync("a-doc", CancellationToken.None));
        Assert.NotNull(await provider.GetRequiredService<TemplateCatalog>().GetAsync("retrospective", CancellationToken.None));
        Assert.Empty(provider.GetRequiredService<KnowledgeHub.Documents.Following.ChangeFollower>().Consumers);
    }

    [Fact]
    public async Task Import_can_be_switched_off()
    {
        content.Sample("a-doc.md", ContentFolder.SampleText("a-doc"));
        using var provider = Build(new() { ["Documents:ContentRoot"] = content.Root, ["Documents:ImportSamples"] = "false" });

        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        Assert.Null(await provider.GetRequiredService<DocumentRepository>().GetManifestAsync("a-doc", CancellationToken.None));
    }

    [Fact]
    public void A_content_root_that_does_not_exist_stops_start_up_with_a_sentence_naming_the_setting()
    {
        using var provider = Build(new() { ["Documents:ContentRoot"] = Path.Combine(content.Root, "missing") });

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DocumentsOptions>>().Value);
        Assert.Contains("Documents:ContentRoot", e.Message);
    }

    [Fact]
    public void The_content_folder_is_found_walking_up_to_the_repository_root()
    {
        var repo = Path.GetDirectoryName(content.Root)!;
        File.WriteAllText(Path.Combine(repo, "KnowledgeHub.sln"), "");
        var deep = Directory.CreateDirectory(Path.Combine(repo, "src", "Portal", "bin", "Debug")).FullName;

        Assert.Equal(content.Root, ContentRootLocator.Locate(null, deep));
        Assert.Equal(Path.GetFullPath("elsewhere"), ContentRootLocator.Locate("elsewhere", deep));
        Assert.Null(ContentRootLocator.Locate(null, Path.GetTempPath()));
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IBlobStore>(store.Blobs);
        services.AddKnowledgeHubDocuments(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

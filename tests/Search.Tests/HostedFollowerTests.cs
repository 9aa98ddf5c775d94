using System.Diagnostics;
using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Tests.Support;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Search.Tests;

/// <summary>AddKnowledgeHubSearch in a real generic host: options, the hosted follower and the health check.</summary>
public sealed class HostedFollowerTests : IDisposable
{
    private readonly string root = SearchHost.NewTempFolder();

    [Fact]
    public async Task The_follower_makes_a_saved_document_findable_within_a_second_without_catch_up()
    {
        using var host = Build();
        await host.StartAsync();
        var repository = host.Services.GetRequiredService<DocumentRepository>();
        await WaitForAsync(host, "nothing-yet", expected: 0);

        await repository.CreateAsync(new TestDoc("followed-doc", "跟随复盘", "无需 CatchUp").ToNewDocument(), TestCallers.Alice, CancellationToken.None);
        var elapsed = await WaitForAsync(host, "跟随复盘", expected: 1);

        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"found after {elapsed}");
        await host.StopAsync();
    }

    [Fact]
    public async Task The_follower_reconciles_on_its_interval_and_repairs_a_change_the_log_missed()
    {
        using var host = Build(("Search:ReconcileInterval", "00:00:00.200"));
        await host.StartAsync();
        var repository = host.Services.GetRequiredService<DocumentRepository>();
        await repository.CreateAsync(
            new TestDoc("shared-doc", "共享复盘", "周迪可读") { Confidentiality = Confidentiality.Confidential, Readers = [TestCallers.Dave.Principal] }.ToNewDocument(),
            TestCallers.Alice,
            CancellationToken.None);
        await WaitForAsync(host, "共享复盘", expected: 1, TestCallers.Dave);

        var lossy = LostAppendStore.Repository(host.Services.GetRequiredService<IBlobStore>());
        await lossy.UpdateManifestAsync("shared-doc", m => m with { Readers = [] }, TestCallers.Alice, CancellationToken.None);

        await WaitForAsync(host, "共享复盘", expected: 0, TestCallers.Dave);
        await WaitForAsync(host, "共享复盘", expected: 1, TestCallers.Alice);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_missing_index_is_rebuilt_from_storage_at_start()
    {
        var store = new FileSystemBlobStore(Path.Combine(root, "blobs"));
        var repository = new DocumentRepository(store, new ChangeLog(store, TimeProvider.System), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<DocumentRepository>.Instance);
        await repository.CreateAsync(new TestDoc("stored-one", "存量复盘一", "旧文档").ToNewDocument(), TestCallers.Alice, CancellationToken.None);
        await repository.CreateAsync(new TestDoc("stored-two", "存量复盘二", "旧文档").ToNewDocument(), TestCallers.Alice, CancellationToken.None);

        using var host = Build();
        await host.StartAsync();
        await WaitForAsync(host, "存量", expected: 2);

        var index = host.Services.GetRequiredService<LuceneIndex>();
        Assert.Equal(IndexOpenState.Missing, index.OpenState);
        Assert.False(index.NeedsRebuild);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_health_check_reports_the_document_count_once_the_index_is_built()
    {
        using var host = Build();
        await host.StartAsync();
        var repository = host.Services.GetRequiredService<DocumentRepository>();
        await repository.CreateAsync(new TestDoc("healthy-doc", "Health", "checked").ToNewDocument(), TestCallers.Alice, CancellationToken.None);
        await host.Services.GetRequiredService<IndexSynchronizer>().CatchUpAsync(CancellationToken.None);

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["search-index"];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal(1, entry.Data["documents"]);
        await host.StopAsync();
    }

    [Fact]
    public async Task An_attachment_text_provider_registered_after_the_search_services_is_the_one_used()
    {
        using var host = Build(configure: services => services.AddSingleton<IAttachmentTextProvider, FixedAttachmentTexts>());
        await host.StartAsync();
        var repository = host.Services.GetRequiredService<DocumentRepository>();

        await repository.CreateAsync(new TestDoc("pricing-review", "价格复盘", "正文").ToNewDocument(), TestCallers.Alice, CancellationToken.None);
        await WaitForAsync(host, "kangaroo", expected: 1);

        Assert.IsType<FixedAttachmentTexts>(host.Services.GetRequiredService<IAttachmentTextProvider>());
        await host.StopAsync();
    }

    [Fact]
    public void Without_an_extractor_documents_are_indexed_without_attachment_text()
    {
        using var host = Build();

        Assert.IsType<NoAttachmentTexts>(host.Services.GetRequiredService<IAttachmentTextProvider>());
    }

    [Fact]
    public void A_relative_index_path_resolves_against_the_content_root()
    {
        using var host = Build(("Search:IndexPath", "data/index"));

        Assert.Equal(Path.Combine(root, "data", "index"), host.Services.GetRequiredService<LuceneIndex>().Path);
    }

    [Theory]
    [InlineData("Search:IndexPath", "")]
    [InlineData("Following:PollInterval", "00:00:00")]
    [InlineData("Following:WaitForChange", "00:05:00")]
    [InlineData("Search:RebuildProgressEvery", "0")]
    [InlineData("Search:RebuildParallelism", "0")]
    [InlineData("Search:ReconcileInterval", "00:00:00")]
    [InlineData("Search:ReconcileInterval", "2.00:00:00")]
    public async Task A_wrong_setting_stops_the_start_with_a_sentence_naming_it(string key, string value)
    {
        using var host = Build((key, value));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS: the temp folder is cleaned up later.
        }
    }

    private static async Task<TimeSpan> WaitForAsync(IHost host, string query, int expected, Caller? caller = null)
    {
        var service = host.Services.GetRequiredService<SearchService>();
        var clock = Stopwatch.StartNew();
        while (service.Search(new SearchRequest { Query = query, Caller = caller ?? TestCallers.Carol }).Total != expected)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"'{query}' did not reach {expected} hits within 5 s");
            await Task.Delay(20);
        }

        return clock.Elapsed;
    }

    private IHost Build(params (string Key, string Value)[] settings) => Build(null, settings);

    private IHost Build(Action<IServiceCollection>? configure, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = root, DisableDefaults = true });
        var configuration = new Dictionary<string, string?> { ["Search:IndexPath"] = Path.Combine(root, "index") };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IBlobStore>(new FileSystemBlobStore(Path.Combine(root, "blobs")));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ChangeLog>();
        builder.Services.AddSingleton<DocumentRepository>();
        builder.Services.AddKnowledgeHubSearch(builder.Configuration);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}

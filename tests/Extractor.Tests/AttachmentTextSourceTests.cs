using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Tests.Support;
using KnowledgeHub.Extractor.Tests.Support;
using KnowledgeHub.Search;
using KnowledgeHub.Search.Extraction;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Extractor.Tests;

public sealed class AttachmentTextSourceTests : IDisposable
{
    private static readonly Caller Alice = new() { ObjectId = "a11ce000-0000-4000-8000-000000000001", Name = "王丽 Alice Wang", Roles = [AppRoles.Contributor] };

    private readonly TempFolder folder = new();
    private readonly FileSystemBlobStore store;
    private readonly DocumentRepository repository;
    private readonly AttachmentService attachments;
    private readonly AttachmentTextExtractor extractor = Extractors.Create();

    public AttachmentTextSourceTests()
    {
        store = new FileSystemBlobStore(folder.File("blobs"));
        repository = new DocumentRepository(store, new ChangeLog(store, TimeProvider.System), TimeProvider.System, NullLogger<DocumentRepository>.Instance);
        attachments = new AttachmentService(store, repository, new AuditLog(store, TimeProvider.System), Options.Create(new AttachmentOptions()), TimeProvider.System, NullLogger<AttachmentService>.Instance);
    }

    public void Dispose()
    {
        extractor.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task A_stored_attachment_is_extracted_once_and_then_read_from_the_cache()
    {
        var info = await AttachAsync("minutes.pdf", SampleFiles.Pdf("Root causes of the checkout outage"));
        var source = new AttachmentTextSource(store, attachments, extractor);

        var first = await source.GetTextAsync(info, CancellationToken.None);
        await store.DeleteAsync("files/" + info.Sha256, CancellationToken.None);
        var second = await source.GetTextAsync(info, CancellationToken.None);

        Assert.Equal("Root causes of the checkout outage", first.Text.Trim());
        Assert.Equal(first, second);
        Assert.NotNull(await store.ReadAsync($"extracted/{info.Sha256}.json", CancellationToken.None));
    }

    [Fact]
    public async Task A_failure_is_remembered_so_a_hostile_file_is_not_extracted_again()
    {
        var info = await AttachAsync("x.pdf", SampleFiles.Utf8("%PDF-1.4\n"));
        using var hanging = Extractors.Create(new ExtractionOptions { DotnetPath = Extractors.FakeHost(folder, "sleep 30"), Timeout = TimeSpan.FromSeconds(1) });
        var first = await new AttachmentTextSource(store, attachments, hanging).GetTextAsync(info, CancellationToken.None);

        var second = await new AttachmentTextSource(store, attachments, extractor).GetTextAsync(info, CancellationToken.None);

        Assert.False(first.Succeeded);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_missing_extractor_is_not_remembered_so_the_text_comes_once_it_is_installed()
    {
        var info = await AttachAsync("later.pdf", SampleFiles.Pdf("installed later"));
        using var missing = Extractors.Create(new ExtractionOptions { ExtractorPath = folder.File("nowhere.dll") });

        var before = await new AttachmentTextSource(store, attachments, missing).GetTextAsync(info, CancellationToken.None);
        var after = await new AttachmentTextSource(store, attachments, extractor).GetTextAsync(info, CancellationToken.None);

        Assert.True(before.Retryable);
        Assert.Equal("installed later", after.Text.Trim());
    }

    [Fact]
    public async Task A_damaged_stored_result_is_extracted_again_and_replaced()
    {
        var info = await AttachAsync("minutes.pdf", SampleFiles.Pdf("kangaroo paw"));
        await store.WriteAsync($"extracted/{info.Sha256}.json", "{ not json"u8.ToArray(), WriteCondition.None, CancellationToken.None);
        var source = new AttachmentTextSource(store, attachments, extractor);

        Assert.Null(await source.GetStoredAsync(info, CancellationToken.None));
        var extracted = await source.GetTextAsync(info, CancellationToken.None);

        Assert.Equal("kangaroo paw", extracted.Text.Trim());
        Assert.Equal(extracted, await source.GetStoredAsync(info, CancellationToken.None));
    }

    [Fact]
    public void A_configured_extractor_path_that_does_not_exist_stops_the_app_with_a_sentence_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Search:Extraction:ExtractorPath"] = "/nowhere/KnowledgeHub.Extractor.dll" })
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddKnowledgeHubAttachmentExtraction(configuration).BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ExtractionOptions>>().Value);

        Assert.Contains("The setting Search:Extraction:ExtractorPath is '/nowhere/KnowledgeHub.Extractor.dll', which is not a file.", e.Message);
    }

    [Fact]
    public void The_default_settings_resolve_an_extractor_and_a_text_source()
    {
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IBlobStore>(store)
            .AddSingleton(repository)
            .AddSingleton(attachments)
            .AddSingleton(new ChangeLog(store, TimeProvider.System))
            .AddSingleton(TimeProvider.System)
            .AddKnowledgeHubAttachmentExtraction(new ConfigurationBuilder().Build())
            .BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<AttachmentTextSource>());
        Assert.Same(provider.GetRequiredService<ExtractionQueue>(), Assert.Single(provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>()));
        Assert.IsType<ExtractedAttachmentTexts>(provider.GetRequiredService<IAttachmentTextProvider>());
        Assert.EndsWith(Path.Combine("extractor", "KnowledgeHub.Extractor.dll"), provider.GetRequiredService<AttachmentTextExtractor>().ExtractorPath);
    }

    private async Task<AttachmentInfo> AttachAsync(string name, byte[] content)
    {
        var doc = await repository.CreateAsync(new NewDocument { Type = "retrospective", Title = "复盘", Markdown = "正文" }, Alice, CancellationToken.None);
        var result = await attachments.AddAsync(doc.Id, name, new MemoryStream(content), content.Length, Alice, CancellationToken.None);
        return Assert.IsType<AttachmentResult.Added>(result).Attachment;
    }
}

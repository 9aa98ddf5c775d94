using System.Diagnostics;
using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Tests.Support;
using KnowledgeHub.Extractor.Tests.Support;
using KnowledgeHub.Search;
using KnowledgeHub.Search.Extraction;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Extractor.Tests;

/// <summary>The background extraction queue with the real extractor (or a stand-in held by a gate file) on a real file store.</summary>
public sealed class ExtractionQueueTests : IDisposable
{
    private static readonly Caller Alice = new() { ObjectId = "a11ce000-0000-4000-8000-000000000001", Name = "王丽 Alice Wang", Roles = [AppRoles.Contributor] };
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempFolder folder = new();
    private readonly FileSystemBlobStore store;
    private readonly ChangeLog changes;
    private readonly DocumentRepository repository;
    private readonly AttachmentService attachments;
    private readonly List<IDisposable> owned = [];

    public ExtractionQueueTests()
    {
        store = new FileSystemBlobStore(folder.File("blobs"));
        changes = new ChangeLog(store, TimeProvider.System);
        repository = new DocumentRepository(store, changes, TimeProvider.System, NullLogger<DocumentRepository>.Instance);
        attachments = new AttachmentService(store, repository, new AuditLog(store, TimeProvider.System), Options.Create(new AttachmentOptions()), TimeProvider.System, NullLogger<AttachmentService>.Instance);
    }

    private string Gate => folder.File("gate");

    public void Dispose()
    {
        File.WriteAllText(Gate, "open");
        owned.ForEach(o => o.Dispose());
        folder.Dispose();
    }

    [Fact]
    public async Task The_index_gets_no_text_until_the_queue_has_extracted_it_and_then_the_document_is_announced_in_the_change_log()
    {
        var (queue, texts) = await StartAsync(Extractors.Create());
        var manifest = await AttachedAsync(("minutes.pdf", SampleFiles.Pdf("wombat appendix")), ("chart.png", SampleFiles.Png), ("notes.md", SampleFiles.Utf8("# 复盘 numbat")));

        var first = await texts.GetTextsAsync(manifest, CancellationToken.None);
        await AnnouncedAsync(manifest.Id, times: 2); // once per attachment with text
        var second = await texts.GetTextsAsync(manifest, CancellationToken.None);

        Assert.Empty(first);
        Assert.Equal([("minutes.pdf", "wombat appendix"), ("notes.md", "# 复盘 numbat")], second.Select(t => (t.FileName, t.Text.Trim())));
        Assert.Equal(0, queue.Pending);
        Assert.Equal(2, (await store.ListAsync("extracted/", CancellationToken.None).ToListAsync()).Count); // the image has no text to keep
    }

    [Fact]
    public async Task Texts_of_other_documents_come_at_once_while_a_slow_extraction_is_held()
    {
        var (queue, texts) = await StartAsync(Held());
        var slow = await AttachedAsync(("hostile.pdf", SampleFiles.Pdf("slow")));
        var other = await AttachedAsync(("notes.txt", SampleFiles.Utf8("quokka minutes")));
        await texts.GetTextsAsync(slow, CancellationToken.None);
        await WaitUntilAsync(() => File.Exists(folder.File("started")));

        var otherFirst = await texts.GetTextsAsync(other, CancellationToken.None).WaitAsync(Patience);
        await AnnouncedAsync(other.Id);
        var stillHeld = queue.Pending;
        File.WriteAllText(Gate, "open");
        await AnnouncedAsync(slow.Id);

        Assert.Empty(otherFirst);
        Assert.Equal(1, stillHeld);
        Assert.Equal("quokka minutes", Assert.Single(await texts.GetTextsAsync(other, CancellationToken.None)).Text);
        Assert.Equal("held text", Assert.Single(await texts.GetTextsAsync(slow, CancellationToken.None)).Text.Trim());
    }

    [Fact]
    public async Task An_extraction_lost_with_its_process_is_queued_again_at_the_next_start_and_its_marker_is_removed_once_announced()
    {
        var (dying, texts) = await StartAsync(Held());
        var manifest = await AttachedAsync(("minutes.pdf", SampleFiles.Pdf("echidna figures")));
        await texts.GetTextsAsync(manifest, CancellationToken.None);
        await WaitUntilAsync(() => File.Exists(folder.File("started")));
        await dying.StopAsync(CancellationToken.None);
        var markersLeft = await store.ListAsync(ExtractionMarkers.Prefix, CancellationToken.None).ToListAsync();

        var (_, restarted) = await StartAsync(Extractors.Create());
        await AnnouncedAsync(manifest.Id);

        Assert.Equal($"extraction-queue/{manifest.Attachments[0].Sha256}/{manifest.Id}.json", Assert.Single(markersLeft).Name);
        Assert.Equal("echidna figures", Assert.Single(await restarted.GetTextsAsync(manifest, CancellationToken.None)).Text.Trim());
        await WaitUntilAsync(async () => (await store.ListAsync(ExtractionMarkers.Prefix, CancellationToken.None).ToListAsync()).Count == 0);
    }

    [Fact]
    public async Task An_extraction_lost_without_its_marker_is_queued_again_the_next_time_the_document_is_indexed()
    {
        var (dying, texts) = await StartAsync(Held());
        var manifest = await AttachedAsync(("minutes.pdf", SampleFiles.Pdf("platypus figures")));
        await texts.GetTextsAsync(manifest, CancellationToken.None);
        await WaitUntilAsync(() => File.Exists(folder.File("started")));
        await dying.StopAsync(CancellationToken.None);
        await foreach (var marker in store.ListAsync(ExtractionMarkers.Prefix, CancellationToken.None))
        {
            await store.DeleteAsync(marker.Name, CancellationToken.None);
        }

        var (_, restarted) = await StartAsync(Extractors.Create());
        var afterRestart = await restarted.GetTextsAsync(manifest, CancellationToken.None);
        await AnnouncedAsync(manifest.Id);

        Assert.Empty(afterRestart);
        Assert.Equal("platypus figures", Assert.Single(await restarted.GetTextsAsync(manifest, CancellationToken.None)).Text.Trim());
    }

    [Fact]
    public async Task A_full_queue_drops_without_waiting_and_announces_the_dropped_document_once_it_has_drained()
    {
        var options = new ExtractionOptions { QueueCapacity = 1, MaxConcurrency = 1 };
        var source = new AttachmentTextSource(store, attachments, Own(Extractors.Create(options)));
        using var queue = new ExtractionQueue(source, new ExtractionMarkers(store), changes, TimeProvider.System, Options.Create(options), NullLogger<ExtractionQueue>.Instance);
        var first = await AttachedAsync(("a.txt", SampleFiles.Utf8("first echidna")));
        var second = await AttachedAsync(("b.txt", SampleFiles.Utf8("second echidna")));

        var accepted = queue.Enqueue(first.Attachments[0], first.Id, first.CurrentVersion);
        var droppedOne = queue.Enqueue(second.Attachments[0], second.Id, second.CurrentVersion);
        await queue.StartAsync(CancellationToken.None);
        await AnnouncedAsync(first.Id);
        await AnnouncedAsync(second.Id);
        await queue.StopAsync(CancellationToken.None);

        Assert.Equal((true, false), (accepted, droppedOne));
        Assert.NotNull(await source.GetStoredAsync(first.Attachments[0], CancellationToken.None));
        Assert.Null(await source.GetStoredAsync(second.Attachments[0], CancellationToken.None));
    }

    [Fact]
    public async Task One_content_attached_to_two_documents_is_extracted_once_and_both_documents_are_announced()
    {
        var (_, texts) = await StartAsync(Extractors.Create());
        var pdf = SampleFiles.Pdf("shared bilby");
        var first = await AttachedAsync(("a.pdf", pdf));
        var second = await AttachedAsync(("b.pdf", pdf));

        await texts.GetTextsAsync(first, CancellationToken.None);
        await texts.GetTextsAsync(second, CancellationToken.None);
        await AnnouncedAsync(first.Id);
        await AnnouncedAsync(second.Id);

        Assert.Equal("shared bilby", Assert.Single(await texts.GetTextsAsync(second, CancellationToken.None)).Text.Trim());
        Assert.Single(await store.ListAsync("extracted/", CancellationToken.None).ToListAsync());
    }

    /// <summary>A stand-in extractor that reads the file, says it started, then waits for the gate file before answering.</summary>
    private AttachmentTextExtractor Held() => Extractors.Create(new ExtractionOptions
    {
        DotnetPath = Extractors.FakeHost(folder, $"cat > /dev/null; touch '{folder.File("started")}'; while [ ! -f '{Gate}' ]; do sleep 0.05; done; echo 'held text'"),
        Timeout = TimeSpan.FromMinutes(2),
    });

    private async Task<(ExtractionQueue Queue, ExtractedAttachmentTexts Texts)> StartAsync(AttachmentTextExtractor extractor)
    {
        var options = Options.Create(new ExtractionOptions());
        var source = new AttachmentTextSource(store, attachments, Own(extractor));
        var queue = Own(new ExtractionQueue(source, new ExtractionMarkers(store), changes, TimeProvider.System, options, NullLogger<ExtractionQueue>.Instance));
        await queue.StartAsync(CancellationToken.None);
        return (queue, new ExtractedAttachmentTexts(source, queue));
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        owned.Add(disposable);
        return disposable;
    }

    private async Task<DocumentManifest> AttachedAsync(params (string Name, byte[] Content)[] files)
    {
        var doc = await repository.CreateAsync(new NewDocument { Type = "retrospective", Title = "复盘", Markdown = "正文" }, Alice, CancellationToken.None);
        foreach (var (name, content) in files)
        {
            Assert.IsType<AttachmentResult.Added>(await attachments.AddAsync(doc.Id, name, new MemoryStream(content), content.Length, Alice, CancellationToken.None));
        }

        return (await repository.GetManifestAsync(doc.Id, CancellationToken.None))!;
    }

    private Task AnnouncedAsync(string id, int times = 1) => WaitUntilAsync(async () =>
        (await changes.ReadSinceAsync(ChangeLogPosition.Start, CancellationToken.None)).Changes.Count(c => c.DocumentId == id && c.Kind == AttachmentTextChange.Kind) >= times);

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < Patience, "The condition did not hold in time.");
            await Task.Delay(20);
        }
    }
}

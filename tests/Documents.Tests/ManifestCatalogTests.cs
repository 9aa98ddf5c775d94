using System.Text;
using KnowledgeHub.Documents.Tests.Support;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Documents.Tests;

public sealed class ManifestCatalogTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly WorkflowHost host = new();
    private readonly List<Process> processes = [];

    public Task InitializeAsync() => host.InitializeAsync();

    public Task DisposeAsync()
    {
        processes.ForEach(p => p.Catalog.Dispose());
        host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_catalog_follows_every_manifest_change_made_after_its_first_load()
    {
        var reader = Start();
        var first = await host.CreateRetroAsync();
        Assert.Equal([first.Id], Ids(await reader.Catalog.GetAsync(None)));

        var second = await host.CreateRetroAsync();
        Assert.Contains(second.Id, Ids(await AssertInStepAsync(reader)));

        await host.SaveAsync(first, WorkflowHost.ConformingRetro + "\n补充数据\n", People.Alice);
        Assert.Equal(2, Seen(await AssertInStepAsync(reader), first.Id).CurrentVersion);

        WorkflowTests.Done(await host.Workflow.SubmitForReviewAsync(first.Id, ["user:" + People.Bob.ObjectId], People.Alice, None));
        Assert.Equal(DocumentStatus.InReview, Seen(await AssertInStepAsync(reader), first.Id).Status);

        WorkflowTests.Done(await host.Workflow.ApproveAsync(first.Id, "好", People.Bob, None));
        Assert.Equal(DocumentStatus.Published, Seen(await AssertInStepAsync(reader), first.Id).Status);

        await host.Repository.UpdateManifestAsync(second.Id, m => m with { Confidentiality = Confidentiality.Confidential, Readers = [People.ResearchGroup] }, People.Alice, None);
        var restricted = Seen(await AssertInStepAsync(reader), second.Id);
        Assert.Equal(Confidentiality.Confidential, restricted.Confidentiality);
        Assert.Equal([People.ResearchGroup], restricted.Readers);
        Assert.False(DocumentAccess.CanRead(restricted, People.Dave));

        var attachments = new AttachmentService(host.Store.Blobs, host.Repository, host.Audit, Options.Create(new AttachmentOptions()), host.Store.Clock, NullLogger<AttachmentService>.Instance);
        Assert.IsType<AttachmentResult.Added>(await attachments.AddAsync(second.Id, "chart.png", new MemoryStream(SampleFiles.Png), SampleFiles.Png.Length, People.Alice, None));
        Assert.Equal(["chart.png"], Seen(await AssertInStepAsync(reader), second.Id).Attachments.Select(a => a.Name));

        WorkflowTests.Done(await host.Workflow.ArchiveAsync(first.Id, People.Alice, None));
        Assert.Equal(DocumentStatus.Archived, Seen(await AssertInStepAsync(reader), first.Id).Status);
        WorkflowTests.Done(await host.Workflow.RestoreAsync(first.Id, People.Alice, None));
        Assert.Equal(DocumentStatus.Published, Seen(await AssertInStepAsync(reader), first.Id).Status);

        WorkflowTests.Done(await host.History.RestoreVersionAsync(first.Id, 1, People.Alice, None));
        Assert.Equal(3, Seen(await AssertInStepAsync(reader), first.Id).CurrentVersion);
    }

    [Fact]
    public async Task After_the_first_load_a_visit_reads_only_the_manifests_the_change_log_names()
    {
        var documents = new List<DocumentManifest>();
        for (var i = 0; i < 12; i++)
        {
            documents.Add(await host.CreateRetroAsync());
        }

        var reader = Start();
        Assert.Equal(12, (await reader.Catalog.GetAsync(None)).Count);
        Assert.Equal((1, 12), (reader.Blobs.Listings("docs/"), reader.Blobs.Reads(IsManifest)));

        reader.Blobs.ResetCounts();
        await host.SaveAsync(documents[3], WorkflowHost.ConformingRetro + "\n新\n", People.Alice);
        var refreshed = await reader.Catalog.GetAsync(None);

        Assert.Equal(2, Seen(refreshed, documents[3].Id).CurrentVersion);
        Assert.Equal((0, 1), (reader.Blobs.Listings("docs/"), reader.Blobs.Reads(IsManifest)));

        reader.Blobs.ResetCounts();
        Assert.Same(refreshed, await reader.Catalog.GetAsync(None));
        Assert.Equal((0, 0), (reader.Blobs.Listings("docs/"), reader.Blobs.Reads(IsManifest)));
    }

    [Fact]
    public async Task Two_processes_over_one_store_both_see_what_either_of_them_wrote()
    {
        var one = Start();
        var two = Start();
        var x = await one.Repository.CreateAsync(People.Retro(title: "一号进程"), People.Alice, None);
        await one.Catalog.GetAsync(None);
        await two.Catalog.GetAsync(None);

        var y = await two.Repository.CreateAsync(People.Retro(title: "二号进程"), People.Bob, None);
        await one.Repository.SaveAsync(new DocumentEdit { Id = y.Id, BaseVersion = 1, Title = "二号进程 v2", Markdown = "改" }, People.Bob, None);
        await two.Repository.UpdateManifestAsync(x.Id, m => m with { Status = DocumentStatus.Published }, People.Carol, None);

        var expected = await AssertInStepAsync(one);
        Assert.Equal(Json(expected), Json(await AssertInStepAsync(two)));
        Assert.Equal(("二号进程 v2", DocumentStatus.Published), (Seen(expected, y.Id).Title, Seen(expected, x.Id).Status));
    }

    [Fact]
    public async Task A_document_whose_manifest_is_gone_leaves_the_catalog()
    {
        var reader = Start();
        var kept = await host.CreateRetroAsync();
        var gone = await host.CreateRetroAsync();
        Assert.Equal(2, (await reader.Catalog.GetAsync(None)).Count);

        await host.Store.Blobs.DeleteAsync($"docs/{gone.Id}/manifest.json", None);
        await host.Store.ChangeLog.AppendAsync(new DocumentChange(gone.Id, 1, ChangeKinds.ManifestChanged, host.Store.Clock.GetUtcNow()), None);

        Assert.Equal([kept.Id], Ids(await reader.Catalog.GetAsync(None)));
    }

    [Fact]
    public async Task A_change_the_log_missed_shows_up_once_the_last_full_load_is_older_than_the_reload_interval()
    {
        var kept = await host.CreateRetroAsync(status: DocumentStatus.Published);
        var gone = await host.CreateRetroAsync();
        var reader = Start(reloadInterval: TimeSpan.FromMinutes(10));
        await reader.Catalog.GetAsync(None);

        var lossy = new LostAppendStore(host.Store.Blobs);
        var unlogged = new DocumentRepository(lossy, new ChangeLog(lossy, host.Store.Clock), host.Store.Clock, NullLogger<DocumentRepository>.Instance);
        await unlogged.UpdateManifestAsync(kept.Id, m => m with { Confidentiality = Confidentiality.Confidential, Readers = [People.ResearchGroup] }, People.Alice, None);
        Assert.True(await host.Store.Blobs.DeleteAsync($"docs/{gone.Id}/manifest.json", None));
        var added = await unlogged.CreateAsync(People.Retro(title: "没进日志"), People.Alice, None);

        host.Store.Clock.Advance(TimeSpan.FromMinutes(9));
        reader.Blobs.ResetCounts();
        var stale = await reader.Catalog.GetAsync(None);
        Assert.Equal(Ids(kept, gone), Ids(stale));
        Assert.True(DocumentAccess.CanRead(Seen(stale, kept.Id), People.Dave));
        Assert.Equal(0, reader.Blobs.Listings("docs/"));

        host.Store.Clock.Advance(TimeSpan.FromMinutes(1));
        var reloaded = await AssertInStepAsync(reader);
        Assert.Equal(Ids(kept, added), Ids(reloaded));
        Assert.False(DocumentAccess.CanRead(Seen(reloaded, kept.Id), People.Dave));
        Assert.Equal(1, reader.Blobs.Listings("docs/"));

        // The interval counts from that reload: the next visits follow the log again.
        host.Store.Clock.Advance(TimeSpan.FromMinutes(5));
        reader.Blobs.ResetCounts();
        await reader.Catalog.GetAsync(None);
        Assert.Equal(0, reader.Blobs.Listings("docs/"));
    }

    [Fact]
    public async Task An_unreadable_manifest_is_left_out_with_a_warning_instead_of_failing_the_visit()
    {
        var good = await host.CreateRetroAsync();
        var torn = await host.CreateRetroAsync();
        var later = await host.CreateRetroAsync();
        await host.Store.Blobs.WriteAsync($"docs/{torn.Id}/manifest.json", "{\"id\": \"tor"u8.ToArray(), WriteCondition.None, None);
        var reader = Start();

        Assert.Equal(Ids(good, later), Ids(await reader.Catalog.GetAsync(None)));

        await host.Store.Blobs.WriteAsync($"docs/{later.Id}/manifest.json", "not json"u8.ToArray(), WriteCondition.None, None);
        await host.Store.ChangeLog.AppendAsync(new DocumentChange(later.Id, 1, ChangeKinds.ManifestChanged, host.Store.Clock.GetUtcNow()), None);

        Assert.Equal([good.Id], Ids(await reader.Catalog.GetAsync(None)));
        var warnings = reader.Logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(torn.Id, warnings[0]);
        Assert.Contains(later.Id, warnings[1]);
    }

    [Fact]
    public async Task Callers_arriving_during_a_refresh_share_the_next_one_and_see_their_own_changes()
    {
        var reader = Start();
        await host.CreateRetroAsync();
        await reader.Catalog.GetAsync(None);
        var before = await host.CreateRetroAsync();
        var hold = reader.Blobs.HoldReads(ChangeLog.Prefix);
        reader.Blobs.ResetCounts();

        var running = reader.Catalog.GetAsync(None);
        await hold.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var during = await host.CreateRetroAsync();
        var waiting = Enumerable.Range(0, 8).Select(_ => reader.Catalog.GetAsync(None)).ToList();
        hold.Release();
        var first = await running;
        var rest = await Task.WhenAll(waiting);

        Assert.Contains(before.Id, Ids(first));
        Assert.All(rest, snapshot => Assert.Same(rest[0], snapshot));
        Assert.Contains(during.Id, Ids(rest[0]));
        Assert.Equal(0, reader.Blobs.Listings(ChangeLog.Prefix));
        Assert.InRange(reader.Blobs.Reads(name => name.StartsWith(ChangeLog.Prefix, StringComparison.Ordinal)), 2, 3);
        Assert.Equal(2, reader.Blobs.Reads(IsManifest));
    }

    private static bool IsManifest(string name) => name.EndsWith("/manifest.json", StringComparison.Ordinal);

    private static string[] Ids(IEnumerable<DocumentManifest> manifests) => [.. manifests.Select(m => m.Id)];

    private static string[] Ids(params DocumentManifest[] manifests) => [.. manifests.Select(m => m.Id).Order(StringComparer.Ordinal)];

    private static DocumentManifest Seen(IEnumerable<DocumentManifest> manifests, string id) => Assert.Single(manifests, m => m.Id == id);

    private static string[] Json(IEnumerable<DocumentManifest> manifests) =>
        [.. manifests.Select(m => Encoding.UTF8.GetString(DocumentJson.SerializeManifest(m)))];

    /// <summary>The catalog's snapshot, asserted equal (in id order, byte for byte) to what a full read of storage gives.</summary>
    private async Task<IReadOnlyCollection<DocumentManifest>> AssertInStepAsync(Process process)
    {
        var snapshot = await process.Catalog.GetAsync(None);
        var stored = new List<DocumentManifest>();
        await foreach (var manifest in host.Repository.ListAsync(None))
        {
            stored.Add(manifest);
        }

        Assert.Equal(Json(stored), Json(snapshot));
        return snapshot;
    }

    /// <summary>Another portal process on the same storage: its own store client, change log, repository and catalog.</summary>
    private Process Start(TimeSpan? reloadInterval = null)
    {
        var blobs = new CountingBlobStore(new FileSystemBlobStore(Path.Combine(host.Store.Root, "blobs")));
        var changeLog = new ChangeLog(blobs, host.Store.Clock);
        var repository = new DocumentRepository(blobs, changeLog, host.Store.Clock, NullLogger<DocumentRepository>.Instance);
        var logs = new ListLogger<ManifestCatalog>();
        var process = new Process(blobs, repository, new ManifestCatalog(repository, changeLog, logs, host.Store.Clock, reloadInterval), logs);
        processes.Add(process);
        return process;
    }

    private sealed record Process(CountingBlobStore Blobs, DocumentRepository Repository, ManifestCatalog Catalog, ListLogger<ManifestCatalog> Logs);
}

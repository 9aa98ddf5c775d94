using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// Changes that never reached the change log (the append after the manifest's commit point failed, or the process died
/// in between): following the log cannot see them, reconciliation against the manifests repairs them.
/// </summary>
public sealed class ReconciliationTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly SearchHost host = SearchHost.Create();
    private DocumentRepository lossy = null!;

    public async Task InitializeAsync()
    {
        lossy = LostAppendStore.Repository(host.Store);
        await host.AddAsync(
            new TestDoc("shared-retro", "渠道复盘 shared", "研究组和周迪都能读的渠道复盘") { Confidentiality = Confidentiality.Confidential, Readers = [TestCallers.Dave.Principal] },
            TestCallers.Alice,
            catchUp: false);
        await host.AddAsync(new TestDoc("open-retro", "渠道复盘 open", "所有人可读的渠道复盘"), TestCallers.Alice, catchUp: false);
        await host.Synchronizer.CatchUpAsync(None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_document_entry_carries_its_manifest_blobs_etag_so_reconciliation_reads_no_manifest_when_nothing_changed()
    {
        var stored = await host.Repository.GetStoredManifestAsync("open-retro", None);
        var stamps = host.Index.Search(IndexedStamps.ReadAll);

        Assert.Equal(stored!.ETag, stamps["open-retro"]);
        Assert.Equal(2, stamps.Count);
        Assert.Equal(0, await host.Synchronizer.ReconcileAsync(None));
    }

    [Fact]
    public async Task A_reader_removed_by_a_change_the_log_missed_stops_finding_the_document_after_reconciliation()
    {
        Assert.Equal(["open-retro", "shared-retro"], host.Ids("渠道复盘", TestCallers.Dave));

        await lossy.UpdateManifestAsync("shared-retro", m => m with { Readers = [] }, TestCallers.Alice, None);
        await host.Synchronizer.CatchUpAsync(None);
        Assert.Equal(["open-retro", "shared-retro"], host.Ids("渠道复盘", TestCallers.Dave));

        Assert.Equal(1, await host.Synchronizer.ReconcileAsync(None));

        Assert.Equal(["open-retro"], host.Ids("渠道复盘", TestCallers.Dave));
        Assert.Equal(["open-retro", "shared-retro"], host.Ids("渠道复盘", TestCallers.Alice));
        Assert.Equal(0, await host.Synchronizer.ReconcileAsync(None));
    }

    [Fact]
    public async Task A_new_version_the_log_missed_is_searchable_under_its_new_title_after_reconciliation()
    {
        var draft = await host.AddAsync(new TestDoc("draft-notes", "Launch notes", "first draft mentions kangaroo") { Status = DocumentStatus.Draft });

        var saved = await lossy.SaveAsync(
            new DocumentEdit { Id = draft.Id, BaseVersion = 1, Title = "Launch notes about wombats", Markdown = "second draft mentions wombat" },
            TestCallers.Alice,
            None);
        Assert.IsType<SaveResult.Saved>(saved);
        await host.Synchronizer.CatchUpAsync(None);
        Assert.Empty(host.Ids("wombat"));

        Assert.Equal(1, await host.Synchronizer.ReconcileAsync(None));

        Assert.Empty(host.Ids("kangaroo"));
        Assert.Equal(["draft-notes"], host.Ids("wombat"));
        Assert.Equal("Launch notes about wombats", host.Search("wombat").Hits[0].Title);
    }

    [Fact]
    public async Task An_archiving_the_log_missed_takes_the_document_out_of_default_results_after_reconciliation()
    {
        await lossy.UpdateManifestAsync("open-retro", m => m with { Status = DocumentStatus.Archived }, TestCallers.Alice, None);
        await host.Synchronizer.CatchUpAsync(None);
        Assert.Contains("open-retro", host.Ids("渠道复盘"));

        Assert.Equal(1, await host.Synchronizer.ReconcileAsync(None));

        Assert.Equal(["shared-retro"], host.Ids("渠道复盘"));
        Assert.Equal(0, await host.Synchronizer.ReconcileAsync(None));
    }

    [Fact]
    public async Task A_document_created_without_a_log_entry_is_added_by_reconciliation()
    {
        await lossy.CreateAsync(new TestDoc("unlogged-doc", "Quarterly platypus review", "platypus numbers").ToNewDocument(), TestCallers.Alice, None);
        await host.Synchronizer.CatchUpAsync(None);
        Assert.Empty(host.Ids("platypus"));

        Assert.Equal(1, await host.Synchronizer.ReconcileAsync(None));

        Assert.Equal(["unlogged-doc"], host.Ids("platypus"));
        Assert.Equal(3, host.Index.DocumentCount);
    }

    [Fact]
    public async Task A_document_whose_manifest_was_deleted_leaves_the_index_with_its_lessons_and_action_items()
    {
        await host.AddAsync(new TestDoc("doomed-retro", "渠道复盘 doomed", "## 经验教训\n\n- 渠道要早定\n\n## 行动项\n\n- [ ] 复核渠道 @bob"));
        var entriesBefore = host.Index.EntryCount;
        Assert.Contains("doomed-retro", host.Ids("渠道复盘"));

        Assert.True(await host.Store.DeleteAsync("docs/doomed-retro/manifest.json", None));
        await host.Synchronizer.CatchUpAsync(None);
        Assert.Contains("doomed-retro", host.Ids("渠道复盘"));

        Assert.Equal(1, await host.Synchronizer.ReconcileAsync(None));

        Assert.Equal(["open-retro", "shared-retro"], host.Ids("渠道复盘"));
        Assert.Equal(2, host.Index.DocumentCount);
        Assert.True(host.Index.EntryCount < entriesBefore - 1, $"{host.Index.EntryCount} entries left of {entriesBefore}");
        Assert.Equal(0, await host.Synchronizer.ReconcileAsync(None));
    }

    [Fact]
    public async Task Reconciliation_keeps_the_checkpoint_and_its_repair_survives_a_restart()
    {
        var checkpoint = host.Index.Checkpoint;
        await lossy.UpdateManifestAsync("shared-retro", m => m with { Readers = [] }, TestCallers.Alice, None);

        Assert.Equal(1, await host.Synchronizer.ReconcileAsync(None));
        Assert.Equal(checkpoint, host.Index.Checkpoint);

        host.ReopenIndex();
        Assert.Equal(checkpoint, host.Index.Checkpoint);
        Assert.Equal(["open-retro"], host.Ids("渠道复盘", TestCallers.Dave));

        // A logged change after the repair is still applied by the next catch-up.
        await host.Repository.UpdateManifestAsync("shared-retro", m => m with { Readers = [TestCallers.Dave.Principal] }, TestCallers.Alice, None);
        await host.Synchronizer.CatchUpAsync(None);
        Assert.Equal(["open-retro", "shared-retro"], host.Ids("渠道复盘", TestCallers.Dave));
        Assert.Equal(0, await host.Synchronizer.ReconcileAsync(None));
    }

    [Fact]
    public async Task An_index_in_step_with_storage_needs_no_repair()
    {
        await host.Repository.UpdateManifestAsync("open-retro", m => m with { Tags = ["渠道"] }, TestCallers.Alice, None);
        await host.Synchronizer.CatchUpAsync(None);

        Assert.Equal(0, await host.Synchronizer.ReconcileAsync(None));
    }

    [Fact]
    public async Task An_unreadable_manifest_leaves_its_entry_as_it_was()
    {
        await host.Store.WriteAsync("docs/open-retro/manifest.json", "not json"u8.ToArray(), Storage.WriteCondition.None, None);

        Assert.Equal(0, await host.Synchronizer.ReconcileAsync(None));

        Assert.Contains("open-retro", host.Ids("渠道复盘"));
    }

    [Fact]
    public async Task An_index_still_to_be_built_is_left_to_the_catch_up_that_rebuilds_it()
    {
        host.ReopenIndex(path => Directory.Delete(path, recursive: true));
        Assert.True(host.Index.NeedsRebuild);

        Assert.Equal(0, await host.Synchronizer.ReconcileAsync(None));

        await host.Synchronizer.CatchUpAsync(None);
        Assert.Equal(["open-retro", "shared-retro"], host.Ids("渠道复盘"));
        Assert.Equal(0, await host.Synchronizer.ReconcileAsync(None));
    }
}

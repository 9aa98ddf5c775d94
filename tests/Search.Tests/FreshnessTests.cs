using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests;

/// <summary>A saved document is searchable right after CatchUpAsync; edits and deletions follow.</summary>
public sealed class FreshnessTests : IAsyncLifetime
{
    private readonly SearchHost host = SearchHost.Create();

    public Task InitializeAsync() => host.Synchronizer.CatchUpAsync(CancellationToken.None);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_saved_document_is_findable_right_after_catch_up()
    {
        await host.AddAsync(new TestDoc("fresh-doc", "双十一预热复盘", "预热期 GMV 达成 80%"), catchUp: false);
        Assert.Empty(host.Ids("预热"));

        await host.Synchronizer.CatchUpAsync(CancellationToken.None);

        Assert.Equal(["fresh-doc"], host.Ids("预热"));
    }

    [Fact]
    public async Task A_published_document_keeps_its_approved_text_in_the_index_while_a_new_draft_awaits_approval()
    {
        var manifest = await host.AddAsync(new TestDoc("published-doc", "Pricing playbook", "approved text mentions platypus"));

        var saved = await host.Repository.SaveAsync(
            new DocumentEdit { Id = manifest.Id, BaseVersion = 1, Title = "Pricing playbook (draft)", Markdown = "unapproved draft mentions echidna" },
            TestCallers.Alice,
            CancellationToken.None);
        Assert.True(Assert.IsType<SaveResult.Saved>(saved).Manifest.HasPendingDraft);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);

        Assert.Equal(["published-doc"], host.Ids("platypus"));
        Assert.Empty(host.Ids("echidna"));
        Assert.Equal("Pricing playbook", host.Search("platypus").Hits[0].Title);
    }

    [Fact]
    public async Task A_new_version_replaces_the_old_text_in_the_index()
    {
        var manifest = await host.AddAsync(new TestDoc("edited-doc", "Launch notes", "first draft mentions kangaroo") { Status = DocumentStatus.Draft });

        var saved = await host.Repository.SaveAsync(
            new DocumentEdit { Id = manifest.Id, BaseVersion = 1, Title = "Launch notes v2", Markdown = "second draft mentions wombat" },
            TestCallers.Alice,
            CancellationToken.None);
        Assert.IsType<SaveResult.Saved>(saved);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);

        Assert.Empty(host.Ids("kangaroo"));
        Assert.Equal(["edited-doc"], host.Ids("wombat"));
        Assert.Equal("Launch notes v2", host.Search("wombat").Hits[0].Title);
        Assert.Equal(1, host.Index.DocumentCount);
    }

    [Fact]
    public async Task A_document_whose_manifest_is_gone_leaves_the_index()
    {
        await host.AddAsync(new TestDoc("doomed-doc", "Obsolete SOP", "obsolete procedure"));

        await host.Store.DeleteAsync("docs/doomed-doc/manifest.json", CancellationToken.None);
        await host.ChangeLog.AppendAsync(new DocumentChange("doomed-doc", 1, ChangeKinds.ManifestChanged, DateTimeOffset.UtcNow), CancellationToken.None);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);

        Assert.Empty(host.Ids("obsolete"));
        Assert.Equal(0, host.Index.DocumentCount);
    }

    [Fact]
    public async Task Replaying_the_same_changes_indexes_each_document_once()
    {
        await host.AddAsync(new TestDoc("replayed-doc", "Replay", "idempotent replay"));

        await host.Synchronizer.RebuildAsync(CancellationToken.None);
        await host.ChangeLog.AppendAsync(new DocumentChange("replayed-doc", 1, ChangeKinds.Updated, DateTimeOffset.UtcNow), CancellationToken.None);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);

        Assert.Equal(1, host.Index.DocumentCount);
        Assert.Equal(1, host.Search("idempotent").Total);
    }

    [Fact]
    public async Task Concurrent_catch_ups_all_complete_and_see_every_document()
    {
        for (var i = 0; i < 5; i++)
        {
            await host.AddAsync(new TestDoc($"parallel-{i}", $"Parallel {i}", "concurrent catch up"), catchUp: false);
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => host.Synchronizer.CatchUpAsync(CancellationToken.None))));

        Assert.Equal(5, host.Search("concurrent").Total);
        Assert.Equal(5, host.Index.DocumentCount);
    }
}

using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests;

/// <summary>Saving a document replaces all its entries; deleting it removes them; access changes reach its lessons and items.</summary>
public sealed class EntryReplacementTests : IAsyncLifetime
{
    private readonly SearchHost host = SearchHost.Create();

    public async Task InitializeAsync() =>
        await host.AddAsync(new TestDoc("retro-live", "直播试点复盘", LessonCorpus.LiveRetro) { Status = DocumentStatus.Draft }, TestCallers.Alice);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_new_version_replaces_the_lessons_and_action_items()
    {
        await SaveAsync("## 经验教训\n\n- 主播要提前彩排。\n\n## 行动项\n\n- [ ] 彩排清单 @bob due:2026-12-10\n");

        Assert.Empty(Lessons("尺码表"));
        Assert.Equal(["主播要提前彩排。"], Lessons("彩排"));
        Assert.Empty(Items(TestCallers.Alice));
        Assert.Equal(["彩排清单"], Items(TestCallers.Bob));
        Assert.Equal(3, host.Index.EntryCount);
    }

    [Fact]
    public async Task Saving_the_same_document_twice_leaves_one_set_of_entries()
    {
        await SaveAsync(LessonCorpus.LiveRetro);
        await host.Synchronizer.RebuildAsync(CancellationToken.None);

        Assert.Equal(["直播间要提前准备尺码表。"], Lessons("尺码表"));
        Assert.Equal(3, host.Index.EntryCount);
    }

    [Fact]
    public async Task A_deleted_document_takes_its_entries_with_it()
    {
        await host.Store.DeleteAsync("docs/retro-live/manifest.json", CancellationToken.None);
        await host.ChangeLog.AppendAsync(new DocumentChange("retro-live", 1, ChangeKinds.ManifestChanged, DateTimeOffset.UtcNow), CancellationToken.None);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);

        Assert.Equal(0, host.Index.EntryCount);
    }

    [Fact]
    public async Task Making_the_document_confidential_hides_its_lessons_and_items_from_others()
    {
        await host.Repository.UpdateManifestAsync("retro-live", m => m with { Confidentiality = Confidentiality.Confidential }, TestCallers.Alice, CancellationToken.None);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);

        Assert.Empty(Lessons("尺码表", TestCallers.Dave));
        Assert.Equal(["直播间要提前准备尺码表。"], Lessons("尺码表", TestCallers.Alice));
        Assert.Empty(host.Service.ListActionItems(new ActionItemQuery { Caller = TestCallers.Dave, Today = LessonCorpus.Today, Owner = ActionItemQuery.AnyOwner }).Items);
        Assert.Equal(["直播选品清单"], Items(TestCallers.Alice));
    }

    private async Task SaveAsync(string markdown)
    {
        var manifest = await host.Repository.GetManifestAsync("retro-live", CancellationToken.None);
        var saved = await host.Repository.SaveAsync(
            new DocumentEdit { Id = "retro-live", BaseVersion = manifest!.CurrentVersion, Title = "直播试点复盘", Markdown = markdown },
            TestCallers.Alice,
            CancellationToken.None);
        Assert.IsType<SaveResult.Saved>(saved);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);
    }

    private string[] Lessons(string query, Caller? caller = null) =>
        [.. host.Service.SearchLessons(new LessonQuery { Query = query, Caller = caller ?? TestCallers.Carol }).Hits.Select(h => h.Text)];

    private string[] Items(Caller caller) =>
        [.. host.Service.ListActionItems(new ActionItemQuery { Caller = caller, Today = LessonCorpus.Today }).Items.Select(i => i.Text)];
}

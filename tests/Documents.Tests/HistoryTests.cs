using System.Text;
using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Documents.Tests;

public sealed class HistoryTests : IAsyncLifetime
{
    private readonly WorkflowHost host = new();

    public Task InitializeAsync() => host.InitializeAsync();

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Restoring_an_old_version_creates_a_new_version_with_its_text_and_keeps_the_history()
    {
        var doc = await host.CreateRetroAsync("我们优化了注册流程\n");
        var second = await host.SaveAsync(doc, "我们简化了注册流程\n", People.Alice);

        var result = await host.History.RestoreVersionAsync(doc.Id, 1, People.Alice, CancellationToken.None);

        var restored = WorkflowTests.Done(result);
        Assert.Equal(3, restored.CurrentVersion);
        var v3 = await host.Repository.GetVersionAsync(doc.Id, 3, CancellationToken.None);
        Assert.Equal(("我们优化了注册流程\n", "Restored version 1"), (v3!.Markdown, v3.ChangeNote));
        Assert.Equal("618 大促", v3.Metadata["project"]);
        Assert.Equal([3, 2, 1], (await host.Repository.ListVersionsAsync(doc.Id, CancellationToken.None)).Select(v => v.Number));
        Assert.Equal("我们简化了注册流程\n", (await host.Repository.GetVersionAsync(doc.Id, second.CurrentVersion, CancellationToken.None))!.Markdown);
        Assert.Contains((await host.AuditEntriesAsync()), e => e.Action == AuditActions.RestoreVersion && e.Version == 3 && e.Outcome == AuditActions.Allowed);
    }

    [Theory]
    [InlineData("reader", typeof(WorkflowResult.Forbidden))]
    [InlineData("archived", typeof(WorkflowResult.InvalidTransition))]
    [InlineData("current", typeof(WorkflowResult.Invalid))]
    [InlineData("missing", typeof(WorkflowResult.Invalid))]
    public async Task Restoring_is_refused_for_readers_archived_documents_and_versions_that_do_not_qualify(string situation, Type expected)
    {
        var doc = await host.CreateRetroAsync();
        await host.SaveAsync(doc, "第二版\n", People.Alice);
        if (situation == "archived")
        {
            WorkflowTests.Done(await host.Workflow.ArchiveAsync(doc.Id, People.Alice, CancellationToken.None));
        }

        var (caller, number) = situation switch { "reader" => (People.Dave, 1), "current" => (People.Alice, 2), "missing" => (People.Alice, 7), _ => (People.Alice, 1) };
        var result = await host.History.RestoreVersionAsync(doc.Id, number, caller, CancellationToken.None);

        Assert.IsType(expected, result);
        Assert.Equal(2, (await host.Repository.GetManifestAsync(doc.Id, CancellationToken.None))!.CurrentVersion);
    }

    [Fact]
    public async Task Version_1_compares_with_the_last_word_by_word_and_the_history_carries_review_comments()
    {
        var doc = await host.CreateRetroAsync();
        var v2 = await host.SaveAsync(doc, WorkflowHost.ConformingRetro.Replace("GMV 目标 1.5 亿", "GMV 目标 1.6 亿"), People.Alice);
        WorkflowTests.Done(await host.Workflow.SubmitForReviewAsync(doc.Id, ["user:" + People.Bob.ObjectId], People.Alice, CancellationToken.None));
        WorkflowTests.Done(await host.Workflow.RequestChangesAsync(doc.Id, "目标数字对吗？", People.Bob, CancellationToken.None));

        var comparison = await host.History.CompareAsync(doc.Id, 1, v2.CurrentVersion, People.Dave, CancellationToken.None);
        var history = await host.History.GetHistoryAsync(doc.Id, People.Alice, CancellationToken.None);

        Assert.NotNull(comparison);
        Assert.Equal(["5", "6"], comparison.Segments.Where(s => s.Kind != DiffKind.Equal).Select(s => s.Text));
        Assert.All(comparison.TitleSegments, s => Assert.Equal(DiffKind.Equal, s.Kind));
        Assert.Equal([2, 1], history!.Select(h => h.Version.Number));
        Assert.Equal(["目标数字对吗？"], history[0].Reviews.Where(r => r.Decision == ReviewDecision.RequestChanges).Select(r => r.Comment));
        Assert.Empty(history[1].Reviews);
        Assert.Null(await host.History.CompareAsync(doc.Id, 1, 9, People.Alice, CancellationToken.None));
    }

    [Fact]
    public async Task Action_items_and_lessons_are_stored_with_each_version()
    {
        var doc = await host.CreateRetroAsync();

        var names = await host.Store.BlobNamesAsync($"docs/{doc.Id}/structure/");
        var blob = await host.Store.Blobs.ReadAsync($"docs/{doc.Id}/structure/1.json", CancellationToken.None);
        var structure = await host.Repository.GetStructureAsync(doc.Id, 1, CancellationToken.None);

        Assert.Equal([$"docs/{doc.Id}/structure/1.json"], names);
        Assert.Contains("整点压测纳入上线检查单", Encoding.UTF8.GetString(blob!.Content.Span));
        Assert.Equal([new ActionItem("整点压测纳入上线检查单", "bob", new DateOnly(2026, 7, 15), false)], structure!.ActionItems);
        Assert.Equal([new Lesson("大促压测必须覆盖整点峰值")], structure.Lessons);

        var v2 = await host.SaveAsync(doc, "## 经验教训 Lessons\n\n- 新经验\n\n- [x] 已完成 @alice due:2026-01-01\n", People.Alice);
        var second = await host.Repository.GetStructureAsync(doc.Id, v2.CurrentVersion, CancellationToken.None);
        Assert.Equal(["新经验", "已完成 @alice due:2026-01-01"], second!.Lessons.Select(l => l.Text));
        Assert.True(Assert.Single(second.ActionItems).Done);
        Assert.Equal("整点压测纳入上线检查单", (await host.Repository.GetStructureAsync(doc.Id, 1, CancellationToken.None))!.ActionItems[0].Text);
    }

    [Fact]
    public async Task A_missing_sidecar_is_parsed_again_and_stored_and_an_unknown_version_has_no_structure()
    {
        var doc = await host.CreateRetroAsync();
        await host.Store.Blobs.DeleteAsync($"docs/{doc.Id}/structure/1.json", CancellationToken.None);

        var structure = await host.Repository.GetStructureAsync(doc.Id, 1, CancellationToken.None);

        Assert.Single(structure!.ActionItems);
        Assert.NotNull(await host.Store.Blobs.ReadAsync($"docs/{doc.Id}/structure/1.json", CancellationToken.None));
        Assert.Null(await host.Repository.GetStructureAsync(doc.Id, 2, CancellationToken.None));
        Assert.Null(await host.Repository.GetStructureAsync("no-such-doc", 1, CancellationToken.None));
    }

    [Fact]
    public void Open_action_items_are_marked_overdue_against_a_fixed_today()
    {
        var today = new DateOnly(2026, 12, 5);
        ActionItem[] items =
        [
            new("整理复盘", "alice", new DateOnly(2026, 12, 3), false),
            new("更新 SOP", "alice", new DateOnly(2026, 12, 5), false),
            new("确认显著性", "bob", new DateOnly(2026, 11, 30), true),
            new("分析 CPA", "carol", null, false),
            new("物流运力", "dave", new DateOnly(2026, 12, 15), false),
        ];

        var open = ActionItemView.Open(items, today);

        Assert.Equal(
            [("整理复盘", true), ("更新 SOP", false), ("分析 CPA", false), ("物流运力", false)],
            open.Select(a => (a.Text, a.Overdue)));
    }
}

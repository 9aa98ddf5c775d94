using System.Net;
using AngleSharp.Html.Dom;
using KnowledgeHub.Portal.Tests.Infrastructure;
using static KnowledgeHub.Portal.Tests.Workflow.WorkflowSteps;

namespace KnowledgeHub.Portal.Tests.Workflow;

public sealed class HistoryTests(WorkflowPortal portal) : IClassFixture<WorkflowPortal>
{
    private async Task<string> TwoVersionsAsync(HttpClient alice, string title)
    {
        var id = await CreateFromTemplateAsync(alice, title);
        await EditAsync(alice, id, new Dictionary<string, string>
        {
            ["Form.Markdown"] = "## 经验教训 Lessons\n\n- 大促复盘要在活动结束一周内完成，GMV 目标 1.20 亿元。\n",
            ["Form.ChangeNote"] = "第一稿 first draft",
        });
        await EditAsync(alice, id, new Dictionary<string, string>
        {
            ["Form.Markdown"] = "## 经验教训 Lessons\n\n- 大促总结要在活动结束三天内完成，GMV 目标 1.35 亿元。\n",
            ["Form.ChangeNote"] = "缩短周期 shorter",
        });
        return id;
    }

    [Fact]
    public async Task The_history_lists_every_version_with_author_time_and_change_note_newest_first()
    {
        var alice = await portal.SignedInAsync("alice");
        var id = await TwoVersionsAsync(alice, "历史记录 history list");

        var page = await alice.GetDocumentAsync($"/Documents/{id}/History");
        var entries = page.QuerySelectorAll(".history-entry");

        Assert.Equal(["v3", "v2", "v1"], entries.Select(e => e.QuerySelector(".version-link")!.TextContent));
        Assert.Contains("缩短周期 shorter", entries[0].QuerySelector(".change-note")!.TextContent);
        Assert.Contains("王丽 Alice Wang", entries[0].QuerySelector(".author")!.TextContent);
        var time = entries[0].QuerySelector("time")!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", time.GetAttribute("datetime"));
        Assert.Matches("^(just now|a minute ago|\\d+ minutes ago)$", time.TextContent); // relative in lists ...
        Assert.EndsWith("(Asia/Shanghai)", time.GetAttribute("title")); // ... the exact time in the user's zone in its title
        Assert.NotNull(entries[0].QuerySelector(".current-marker"));
        Assert.Equal($"/Documents/{id}/Compare?from=2&to=3", entries[0].QuerySelector<IHtmlAnchorElement>(".compare-previous")!.GetAttribute("href"));
        Assert.Equal(2, page.QuerySelectorAll(".restore-form").Length); // not for the current version
        Assert.NotNull((await alice.GetDocumentAsync("/Documents/" + id)).QuerySelector($"a.history-link[href='/Documents/{id}/History']"));
    }

    [Fact]
    public async Task Compare_shows_a_word_level_diff_that_works_for_Chinese()
    {
        var alice = await portal.SignedInAsync("alice");
        var id = await TwoVersionsAsync(alice, "中文差异 chinese diff");

        var page = await alice.GetDocumentAsync($"/Documents/{id}/Compare?from=2&to=3");
        var inserted = page.QuerySelectorAll(".compare-body ins.diff-ins").Select(e => e.TextContent).ToList();
        var deleted = page.QuerySelectorAll(".compare-body del.diff-del").Select(e => e.TextContent).ToList();

        Assert.Equal(["总结", "三天", "35"], inserted);
        Assert.Equal(["复盘", "一周", "20"], deleted);
        Assert.Contains("大促", page.QuerySelector(".compare-body .diff")!.TextContent);
    }

    [Theory]
    [InlineData("?from=1", 400)]
    [InlineData("?from=1&to=9", 404)]
    [InlineData("?from=x&to=2", 400)]
    public async Task Compare_without_two_existing_versions_is_refused(string query, int status)
    {
        var alice = await portal.SignedInAsync("alice");
        var id = await TwoVersionsAsync(alice, "比较参数 compare params");

        var response = await alice.GetPageAsync($"/Documents/{id}/Compare{query}");

        Assert.Equal(status, (int)response.StatusCode);
    }

    [Fact]
    public async Task Restoring_an_old_version_makes_a_new_version_with_its_text()
    {
        var alice = await portal.SignedInAsync("alice");
        var id = await TwoVersionsAsync(alice, "恢复旧版 restore");
        var history = await alice.GetDocumentAsync($"/Documents/{id}/History");
        var restoreV2 = history.QuerySelectorAll<IHtmlFormElement>(".restore-form").Single(f => f.Action.EndsWith("/Versions/2/Restore", StringComparison.Ordinal));

        var response = await alice.SubmitAsync(restoreV2);
        var after = await alice.FollowAsync(response);
        var view = await alice.GetDocumentAsync("/Documents/" + id);

        Assert.Equal($"/Documents/{id}/History", response.Headers.Location!.OriginalString);
        Assert.Contains("Version 2 was restored as the new version 4", after.QuerySelector(".workflow-message")!.TextContent);
        Assert.Contains("Restored version 2", after.QuerySelector("#v4 .change-note")!.TextContent);
        Assert.Contains("活动结束一周内完成", view.QuerySelector(".markdown-body")!.TextContent);
        Assert.Contains("4 / 4", view.QuerySelector(".metadata")!.TextContent);
    }

    [Fact]
    public async Task Only_editors_may_restore_a_version()
    {
        var alice = await portal.SignedInAsync("alice");
        var dave = await portal.SignedInAsync("dave");
        var id = await TwoVersionsAsync(alice, "只读用户 reader restore");

        var history = await dave.GetDocumentAsync($"/Documents/{id}/History");
        var response = await PostFormAsync(dave, $"/Documents/{id}/Versions/1/Restore");
        var page = await HtmlHelpers.GetDocumentAsync(response);

        Assert.Empty(history.QuerySelectorAll(".restore-form"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Only the owner, the document's editors and admins can restore a version.", page.QuerySelector(".workflow-error")!.TextContent);
        Assert.Equal(3, (await alice.GetDocumentAsync($"/Documents/{id}/History")).QuerySelectorAll(".history-entry").Length);
    }

    [Fact]
    public async Task The_history_of_a_document_the_caller_may_not_read_is_404()
    {
        var alice = await portal.SignedInAsync("alice");

        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetPageAsync("/Documents/retro-2026-research-pricing/History")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetPageAsync("/Documents/retro-2026-research-pricing/Compare?from=1&to=1")).StatusCode);
    }
}

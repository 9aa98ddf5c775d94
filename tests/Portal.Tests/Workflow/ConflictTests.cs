using System.Net;
using AngleSharp.Html.Dom;
using KnowledgeHub.Portal.Tests.Infrastructure;
using static KnowledgeHub.Portal.Tests.Workflow.WorkflowSteps;

namespace KnowledgeHub.Portal.Tests.Workflow;

public sealed class ConflictTests(WorkflowPortal portal) : IClassFixture<WorkflowPortal>
{
    private const string Base = "## 经验教训 Lessons\n\n- 第一条经验。\n\n## 行动项 Action items\n\n- [ ] 第一个行动 @alice due:2026-12-01\n";

    [Fact]
    public async Task Edits_of_different_lines_are_offered_merged_with_the_differences_shown_and_nothing_lost()
    {
        var alice = await portal.SignedInAsync("alice");
        var id = await CreateFromTemplateAsync(alice, "合并 merge");
        await EditAsync(alice, id, new Dictionary<string, string> { ["Form.Markdown"] = Base });
        var firstTab = await alice.GetDocumentAsync($"/Documents/{id}/Edit");
        var secondTab = await alice.GetDocumentAsync($"/Documents/{id}/Edit");

        await alice.SubmitAsync(firstTab.QuerySelector<IHtmlFormElement>("form.doc-form")!, values: new Dictionary<string, string>
        {
            ["Form.Markdown"] = Base.Replace("- 第一条经验。", "- 第一条经验，已补充数据。", StringComparison.Ordinal),
        });
        var conflict = await alice.SubmitAsync(secondTab.QuerySelector<IHtmlFormElement>("form.doc-form")!, values: new Dictionary<string, string>
        {
            ["Form.Markdown"] = Base.Replace("- [ ] 第一个行动 @alice due:2026-12-01", "- [x] 第一个行动 @alice due:2026-12-01", StringComparison.Ordinal),
        });
        var page = await HtmlHelpers.GetDocumentAsync(conflict);
        var box = page.QuerySelector<IHtmlTextAreaElement>("form.doc-form textarea[name='Form.Markdown']")!.Value;

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("已补充数据", box);
        Assert.Contains("- [x] 第一个行动", box);
        Assert.NotNull(page.QuerySelector(".merge-proposed"));
        Assert.Contains("- [ ] 第一个行动", page.QuerySelector(".their-text")!.TextContent);
        Assert.Contains("- [x] 第一个行动", page.QuerySelector(".your-text")!.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll(".conflict .diff ins.diff-ins"));

        var saved = await alice.FollowAsync(await alice.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form.doc-form")!));
        Assert.Contains("已补充数据", saved.QuerySelector(".markdown-body")!.TextContent);
        Assert.Empty(saved.QuerySelectorAll(".action-items li")); // the ticked action is done
    }

    [Fact]
    public async Task Edits_of_the_same_line_keep_the_users_text_in_the_box_and_show_the_differences()
    {
        var alice = await portal.SignedInAsync("alice");
        var id = await CreateFromTemplateAsync(alice, "冲突 same line");
        await EditAsync(alice, id, new Dictionary<string, string> { ["Form.Markdown"] = Base });
        var first = await alice.GetDocumentAsync($"/Documents/{id}/Edit");
        var second = await alice.GetDocumentAsync($"/Documents/{id}/Edit");

        await alice.SubmitAsync(first.QuerySelector<IHtmlFormElement>("form.doc-form")!, values: new Dictionary<string, string>
        {
            ["Form.Markdown"] = Base.Replace("第一条经验。", "第一条经验：甲的说法。", StringComparison.Ordinal),
        });
        var conflict = await alice.SubmitAsync(second.QuerySelector<IHtmlFormElement>("form.doc-form")!, values: new Dictionary<string, string>
        {
            ["Form.Markdown"] = Base.Replace("第一条经验。", "第一条经验：乙的说法。", StringComparison.Ordinal),
        });
        var page = await HtmlHelpers.GetDocumentAsync(conflict);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("乙的说法", page.QuerySelector<IHtmlTextAreaElement>("form.doc-form textarea[name='Form.Markdown']")!.Value);
        Assert.NotNull(page.QuerySelector(".merge-conflicting"));
        Assert.Equal(["甲"], page.QuerySelectorAll(".conflict .diff del.diff-del").Select(d => d.TextContent));
        Assert.Equal(["乙"], page.QuerySelectorAll(".conflict .diff ins.diff-ins").Select(d => d.TextContent));
    }
}

using Bunit;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Components;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Workflow;

[UseCulture("en")]
public sealed class WorkflowComponentTests : BunitContext
{
    public WorkflowComponentTests() => this.WithPortalServices();

    [Fact]
    public void Diff_view_marks_inserted_and_deleted_text_and_keeps_the_rest_as_is()
    {
        var view = Render<DiffView>(p => p.Add(c => c.Item, VersionDiff.Compare("大促复盘：GMV 1.20 亿 <b>", "大促总结：GMV 1.35 亿 <b>")));

        Assert.Equal(["复盘", "20"], view.FindAll("del.diff-del").Select(e => e.TextContent));
        Assert.Equal(["总结", "35"], view.FindAll("ins.diff-ins").Select(e => e.TextContent));
        Assert.Equal("大促复盘总结：GMV 1.2035 亿 <b>", view.Find(".diff").TextContent);
        Assert.Empty(view.FindAll(".diff b"));
        Assert.Empty(view.FindAll(".diff-none"));
    }

    [Fact]
    public void Diff_view_says_when_two_texts_are_the_same()
    {
        var view = Render<DiffView>(p => p.Add(c => c.Item, VersionDiff.Compare("同样的文字", "同样的文字")));

        Assert.Empty(view.FindAll("ins, del"));
        Assert.Contains("The two texts are the same.", view.Find(".diff-none").TextContent);
    }

    [Fact]
    public void Action_item_list_shows_owner_and_due_date_and_marks_the_overdue_ones()
    {
        var items = ActionItemView.Open(
            [new ActionItem("压测 load test", "bob", new DateOnly(2026, 1, 1), false), new ActionItem("done", null, null, true), new ActionItem("later", null, new DateOnly(2026, 12, 1), false)],
            new DateOnly(2026, 6, 1));

        var list = Render<ActionItemList>(p => p.Add(c => c.Item, items));
        var rows = list.FindAll("li");

        Assert.Equal(2, rows.Count);
        Assert.Contains("overdue", rows[0].ClassList);
        Assert.Equal("@bob", rows[0].QuerySelector(".action-owner")!.TextContent);
        Assert.Equal("2026-01-01", rows[0].QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("Overdue", rows[0].QuerySelector(".overdue-label")!.TextContent);
        Assert.Equal("due 1/1/2026", rows[0].QuerySelector("time")!.TextContent);
        Assert.DoesNotContain("overdue", rows[1].ClassList);
        Assert.Null(rows[1].QuerySelector(".overdue-label"));
    }

    [Fact]
    public void Conformance_panel_names_each_problem_and_carries_what_the_live_check_needs()
    {
        var report = new ConformanceReport(
        [
            new ConformanceProblem(ConformanceProblemKind.MissingField, "period", "Missing field: 周期 Period"),
            new ConformanceProblem(ConformanceProblemKind.EmptySection, "Lessons", "Empty section: 经验教训 Lessons"),
        ]);

        var panel = Render<ConformancePanel>(p => p.Add(c => c.Item, report).Add(c => c.DocumentType, "retrospective"));

        Assert.Equal(["Missing field: Period", "Empty section: Lessons"], panel.FindAll("li").Select(li => li.TextContent));
        Assert.Equal(["problem problem-missing-field", "problem problem-empty-section"], panel.FindAll("li").Select(li => li.ClassName));
        Assert.Equal("retrospective", panel.Find("section").GetAttribute("data-conformance-type"));
        Assert.Contains("2 items are missing", panel.Find(".conformance-summary").TextContent);
        Assert.Contains("nonconforming", panel.Find("section").ClassList);
    }

    [Fact]
    public void Review_queue_lists_its_documents_or_says_it_is_empty()
    {
        var doc = new DocumentManifest { Id = "retro-queue", Type = "retrospective", Title = "排队的复盘", Owner = "user:x", OwnerName = "王丽 Alice Wang", Status = DocumentStatus.InReview };

        var full = Render<ReviewQueueList>(p => p.Add(c => c.Item, [doc]).Add(c => c.Key, "awaiting").Add(c => c.Title, "待我审阅 Awaiting my review"));
        var empty = Render<ReviewQueueList>(p => p.Add(c => c.Item, []).Add(c => c.Key, "drafts").Add(c => c.Title, "我的草稿 My drafts"));

        Assert.Equal("/Documents/retro-queue", full.Find(".queue-awaiting li a").GetAttribute("href"));
        Assert.Equal("In review", full.Find(".badge").TextContent);
        Assert.Contains("(1)", full.Find("h2").TextContent);
        Assert.Empty(empty.FindAll("li"));
        Assert.Equal("Nothing here.", empty.Find(".empty").TextContent);
    }

    [Fact]
    public void Conformance_panel_shows_each_problem_in_chinese_with_the_chinese_name_of_the_field_or_section()
    {
        using var scope = CultureScope.Use("zh-CN");
        var report = new ConformanceReport(
        [
            new ConformanceProblem(ConformanceProblemKind.MissingField, "kpi", "Missing field: KPI 目标 KPI targets"),
            new ConformanceProblem(ConformanceProblemKind.MissingSection, "Lessons", "Missing section: 经验教训 Lessons"),
        ]);

        var panel = Render<ConformancePanel>(p => p.Add(c => c.Item, report).Add(c => c.DocumentType, "retrospective"));

        Assert.Equal(["缺少字段：KPI 目标", "缺少章节：经验教训"], panel.FindAll("li").Select(li => li.TextContent));
        Assert.Equal("提交审阅前还需补全 2 项；草稿随时可以保存。", panel.Find(".conformance-summary").TextContent);
    }

    [Fact]
    public void My_drafts_lists_a_published_document_with_a_newer_draft_as_that_draft_never_as_published()
    {
        var doc = new DocumentManifest
        {
            Id = "retro-pending", Type = "retrospective", Title = "待批准的修改", Owner = "user:x", OwnerName = "王丽 Alice Wang",
            Status = DocumentStatus.Published, PublishedVersion = 2, CurrentVersion = 3,
        };

        var drafts = Render<ReviewQueueList>(p => p.Add(c => c.Item, [doc]).Add(c => c.Key, ReviewQueueList.DraftsKey).Add(c => c.Title, "My drafts"));

        Assert.Equal("Draft v3", drafts.Find(".badge").TextContent);
        Assert.Equal("Draft", drafts.Find(".badge").GetAttribute("data-status"));
        Assert.Empty(drafts.FindAll(".badge-published"));
        Assert.Equal("/Documents/retro-pending/Versions/3", drafts.Find("li a").GetAttribute("href"));
    }
}

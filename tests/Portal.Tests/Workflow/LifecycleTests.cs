using System.Net;
using AngleSharp.Html.Dom;
using KnowledgeHub.Portal.Tests.Infrastructure;
using static KnowledgeHub.Portal.Tests.Workflow.WorkflowSteps;

namespace KnowledgeHub.Portal.Tests.Workflow;

/// <summary>The "done when": template → missing items → filled → review → changes → approved → archived → history.</summary>
public sealed class LifecycleTests(WorkflowPortal portal) : IClassFixture<WorkflowPortal>
{
    private static List<string> Problems(IHtmlDocument page) =>
        page.QuerySelectorAll(".conformance-problems li").Select(li => li.TextContent.Trim()).ToList();

    [Fact]
    public async Task A_retrospective_goes_from_its_template_through_review_to_published_archived_and_compared()
    {
        var alice = await portal.SignedInAsync("alice");
        var bob = await portal.SignedInAsync("bob");

        // The new page starts from the template and names everything still missing.
        var blank = await alice.GetDocumentAsync("/Documents/New?type=retrospective");
        Assert.Contains("Missing field: Project", Problems(blank));
        Assert.Contains("Empty section: Lessons", Problems(blank));
        Assert.Equal(9, Problems(blank).Count); // title, 2 fields, 6 sections

        var id = await CreateFromTemplateAsync(alice, "双十一大促复盘 lifecycle");
        var editor = await alice.GetDocumentAsync($"/Documents/{id}/Edit");
        Assert.Equal(8, Problems(editor).Count);
        Assert.DoesNotContain(Problems(editor), p => p.Contains("title", StringComparison.OrdinalIgnoreCase));

        // Submitting before it conforms is refused with each problem named; saving a draft is not.
        var early = await SubmitForReviewAsync(alice, id, Bob);
        var refusal = await HtmlHelpers.GetDocumentAsync(early);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Empty section: Root causes", refusal.QuerySelector(".workflow-error")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await FillAsync(alice, id, "补全各节 filled in")).StatusCode);
        var filled = await alice.GetDocumentAsync($"/Documents/{id}/Edit");
        Assert.Empty(Problems(filled));
        Assert.Contains("conforms", filled.QuerySelector(".conformance")!.ClassList);

        // Submitted to bob; bob sees it waiting and asks for changes with a comment.
        var submitted = await alice.FollowAsync(await SubmitForReviewAsync(alice, id, Bob));
        Assert.Contains("In review", submitted.QuerySelector(".metadata")!.TextContent);
        Assert.Contains(await QueueAsync(bob, "awaiting"), a => a == "/Documents/" + id);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(bob, id, "RequestChanges", "请补充根本原因的数据 Add numbers to the root causes")).StatusCode);
        var sentBack = await alice.GetDocumentAsync("/Documents/" + id);
        Assert.Contains("请补充根本原因的数据", sentBack.QuerySelector(".changes-requested")!.TextContent);
        Assert.Contains("Draft", sentBack.QuerySelector(".metadata")!.TextContent);
        Assert.Contains(await QueueAsync(alice, "changes"), a => a == "/Documents/" + id);

        // Alice fixes and resubmits (bob stays ticked); bob approves.
        var fixedText = FilledRetrospective.Replace("容量评估只按 DAU 峰值。", "容量评估只按 DAU 峰值，整点并发是峰值的 3.2 倍。", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(alice, id, new Dictionary<string, string> { ["Form.Markdown"] = fixedText })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitForReviewAsync(alice, id)).StatusCode);
        var approved = await bob.FollowAsync(await DecideAsync(bob, id, "Approve", "数据清楚了 Clear now"));
        Assert.Contains("Published", approved.QuerySelector(".metadata")!.TextContent);
        Assert.Contains("整点并发是峰值的 3.2 倍", approved.QuerySelector(".markdown-body")!.TextContent);
        Assert.Contains("数据清楚了 Clear now", approved.QuerySelector(".review-comments")!.TextContent);
        Assert.DoesNotContain(await QueueAsync(bob, "awaiting"), a => a == "/Documents/" + id);

        // Archived: read-only and marked so.
        var archived = await alice.FollowAsync(await ArchiveAsync(alice, id));
        Assert.Contains("Archived", archived.QuerySelector(".metadata")!.TextContent);
        Assert.NotNull(archived.QuerySelector(".archived-notice"));
        Assert.Null(archived.QuerySelector($"a[href='/Documents/{id}/Edit']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.GetPageAsync($"/Documents/{id}/Edit")).StatusCode);

        // The history compares version 1 (the template) with the last.
        var history = await alice.GetDocumentAsync($"/Documents/{id}/History");
        Assert.Equal(3, history.QuerySelectorAll(".history-entry").Length);
        Assert.Contains("请补充根本原因的数据", history.QuerySelector("#v2")!.TextContent);
        var compare = await alice.GetDocumentAsync($"/Documents/{id}/Compare?from=1&to=3");
        var segments = compare.QuerySelectorAll(".compare-body .diff > *").ToList();
        Assert.NotEmpty(compare.QuerySelectorAll(".compare-body ins.diff-ins"));
        Assert.NotEmpty(compare.QuerySelectorAll(".compare-body del.diff-del"));
        Assert.Contains("整点并发是峰值的 3.2 倍", string.Concat(segments.Where(e => e.LocalName != "del").Select(e => e.TextContent)));
        Assert.Contains("<!-- 列出最初的目标", string.Concat(segments.Where(e => e.LocalName != "ins").Select(e => e.TextContent)));
    }

    [Fact]
    public async Task Submitting_a_document_that_does_not_follow_its_template_is_a_409_naming_each_problem()
    {
        var alice = await portal.SignedInAsync("alice");
        var id = await CreateFromTemplateAsync(alice, "缺项的复盘 nonconforming");
        await EditAsync(alice, id, new Dictionary<string, string> { ["Fields[project]"] = "会员日", ["Form.Markdown"] = "## 经验教训 Lessons\n\n- 只有一条经验。\n" });

        var response = await SubmitForReviewAsync(alice, id, Bob);
        var page = await HtmlHelpers.GetDocumentAsync(response);
        var problems = page.QuerySelectorAll(".workflow-error li").Select(li => li.TextContent).ToList();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(
            ["Missing field: Period", "Missing section: Goals and results", "Missing section: What went well",
             "Missing section: What went badly", "Missing section: Root causes", "Missing section: Action items"],
            problems);
        Assert.Contains("Draft", (await alice.GetDocumentAsync("/Documents/" + id)).QuerySelector(".metadata")!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/Documents/{id}/Edit']"));
    }

    [Theory]
    [InlineData("RequestChanges", "", 400, "a comment is required")]
    [InlineData("Approve", "", 403, "You cannot review your own document")]
    public async Task A_refused_review_step_answers_with_its_status_and_sentence(string decision, string comment, int status, string sentence)
    {
        var alice = await portal.SignedInAsync("alice");
        var bob = await portal.SignedInAsync("bob");
        var carol = await portal.SignedInAsync("carol");
        var id = await CreateFromTemplateAsync(alice, "审阅被拒 refused step");
        await FillAsync(alice, id, "filled");
        await SubmitForReviewAsync(alice, id, Bob, "group:" + TestUsers.Ops);

        // Alice is in the ops group, a listed reviewer, but may not decide on her own document; bob may, with a comment.
        var client = status == 403 ? alice : bob;
        var page = await client.GetDocumentAsync("/Documents/" + id);
        var form = page.QuerySelector<IHtmlFormElement>("form.review-form");
        var response = form is null
            ? await PostFormAsync(client, $"/Documents/{id}/Review?handler=Decide", new Dictionary<string, string> { ["Decision"] = decision, ["Comment"] = comment })
            : await client.SubmitAsync(form, form.QuerySelector<IHtmlButtonElement>($"button[value='{decision}']"), new Dictionary<string, string> { ["Comment"] = comment });
        var answer = await HtmlHelpers.GetDocumentAsync(response);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(sentence, answer.QuerySelector(".workflow-error")!.TextContent);
        Assert.Contains("In review", (await carol.GetDocumentAsync("/Documents/" + id)).QuerySelector(".metadata")!.TextContent);
    }

    [Fact]
    public async Task Readers_keep_seeing_the_published_version_while_a_newer_draft_waits_and_cannot_open_the_draft()
    {
        var alice = await portal.SignedInAsync("alice");
        var bob = await portal.SignedInAsync("bob");
        var dave = await portal.SignedInAsync("dave");
        var id = await CreateFromTemplateAsync(alice, "待批准的新草稿 pending draft");
        await FillAsync(alice, id, "filled");
        await SubmitForReviewAsync(alice, id, Bob);
        await DecideAsync(bob, id, "Approve", "");

        var editPage = await alice.GetDocumentAsync($"/Documents/{id}/Edit");
        Assert.Contains("readers keep seeing v2 until it is approved", editPage.QuerySelector(".readers-keep")!.TextContent);
        var draftText = FilledRetrospective.Replace("分层券包效果明显。", "分层券包效果明显，草稿里的新句子。", StringComparison.Ordinal);
        await EditAsync(alice, id, new Dictionary<string, string> { ["Form.Markdown"] = draftText });

        var readerView = await dave.GetDocumentAsync("/Documents/" + id);
        var ownerView = await alice.GetDocumentAsync("/Documents/" + id);
        var readerDraft = await dave.GetPageAsync($"/Documents/{id}/Versions/3");
        var ownerDraft = await alice.GetDocumentAsync($"/Documents/{id}/Versions/3");
        var reviewerDraft = await bob.GetPageAsync($"/Documents/{id}/Versions/3");

        Assert.DoesNotContain("草稿里的新句子", readerView.QuerySelector(".markdown-body")!.TextContent);
        Assert.Null(readerView.QuerySelector(".pending-draft"));
        Assert.DoesNotContain(readerView.QuerySelectorAll(".version-list a"), a => a.GetAttribute("href")!.EndsWith("/Versions/3", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, readerDraft.StatusCode);
        Assert.DoesNotContain("草稿里的新句子", ownerView.QuerySelector(".markdown-body")!.TextContent);
        Assert.Contains("A newer draft v3 awaits approval; readers keep seeing v2", ownerView.QuerySelector(".pending-draft")!.TextContent);
        Assert.NotNull(ownerView.QuerySelector($".pending-draft a[href='/Documents/{id}/Versions/3']"));
        Assert.Contains("草稿里的新句子", ownerDraft.QuerySelector(".markdown-body")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, reviewerDraft.StatusCode); // bob is a listed reviewer
        Assert.Contains(await QueueAsync(alice, "drafts"), a => a == $"/Documents/{id}/Versions/3"); // "my drafts" links the draft itself
    }

    [Fact]
    public async Task The_document_page_lists_open_action_items_with_the_overdue_ones_marked()
    {
        var alice = await portal.SignedInAsync("alice");
        var id = await CreateFromTemplateAsync(alice, "行动项 action items");
        await FillAsync(alice, id, "filled");

        var page = await alice.GetDocumentAsync("/Documents/" + id);
        var items = page.QuerySelectorAll(".action-items li");

        Assert.Equal(2, items.Length);
        Assert.Contains("overdue", items[0].ClassList);
        Assert.Contains("压测脚本覆盖购物车合并场景", items[0].TextContent);
        Assert.Contains("Overdue", items[0].TextContent);
        Assert.Contains("@bob", items[0].TextContent);
        Assert.DoesNotContain("overdue", items[1].ClassList);
    }

    [Fact]
    public async Task Archiving_and_restoring_from_the_archive_are_audited_and_only_editors_see_the_buttons()
    {
        var alice = await portal.SignedInAsync("alice");
        var dave = await portal.SignedInAsync("dave");
        var id = await CreateFromTemplateAsync(alice, "归档与恢复 archive");

        Assert.Null((await dave.GetDocumentAsync("/Documents/" + id)).QuerySelector("form.archive-form"));
        var refused = await PostFormAsync(dave, $"/Documents/{id}/Review?handler=Archive");
        await ArchiveAsync(alice, id);
        var restored = await alice.FollowAsync(await ArchiveAsync(alice, id)); // the same form now restores

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Draft", restored.QuerySelector(".metadata")!.TextContent);
        Assert.Contains("Restored from the archive", restored.QuerySelector(".workflow-message")!.TextContent);
        var audit = await Access.AccessTestData.AuditAsync(portal.Services, e => e.DocumentId == id && e.Action is "archive" or "restore");
        Assert.Equal([("archive", "denied"), ("archive", "allowed"), ("restore", "allowed")], audit.Select(e => (e.Action, e.Outcome)));
    }

    [Fact]
    public async Task Home_shows_awaiting_my_review_my_drafts_and_changes_requested()
    {
        var alice = await portal.SignedInAsync("alice");
        var bob = await portal.SignedInAsync("bob");
        var draft = await CreateFromTemplateAsync(alice, "我的草稿 queue draft");
        var waiting = await CreateFromTemplateAsync(alice, "等待审阅 queue waiting");
        var returned = await CreateFromTemplateAsync(alice, "被退回 queue returned");
        foreach (var id in new[] { waiting, returned })
        {
            await FillAsync(alice, id, "filled");
            await SubmitForReviewAsync(alice, id, Bob);
        }

        await DecideAsync(bob, returned, "RequestChanges", "再想想 Think again");

        var aliceDrafts = await QueueAsync(alice, "drafts");
        var aliceChanges = await QueueAsync(alice, "changes");
        var bobAwaiting = await QueueAsync(bob, "awaiting");
        Assert.Contains("/Documents/" + draft, aliceDrafts);
        Assert.DoesNotContain("/Documents/" + waiting, aliceDrafts);
        Assert.Contains("/Documents/" + returned, aliceChanges);
        Assert.DoesNotContain("/Documents/" + returned, aliceDrafts);
        Assert.Contains("/Documents/" + waiting, bobAwaiting);
        Assert.DoesNotContain("/Documents/" + returned, bobAwaiting);
        Assert.Empty(await QueueAsync(alice, "awaiting")); // nobody asked alice
    }

    private static async Task<List<string>> QueueAsync(HttpClient client, string key)
    {
        var home = await client.GetDocumentAsync("/");
        return home.QuerySelectorAll($".queue-{key} li a").Select(a => a.GetAttribute("href")!).ToList();
    }
}

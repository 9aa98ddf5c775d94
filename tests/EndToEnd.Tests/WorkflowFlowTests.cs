using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static KnowledgeHub.Documents.Tests.Support.SampleFiles;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// The workflow issue's "done when", clicked through in Chromium by two people: a retrospective from its template with
/// the live template check (conformance.js), review with a comment, approval, attachments chosen by button and by
/// drag-and-drop and sent by the Upload button (attachments.js) and found by their words, archive, and the history's compare.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class WorkflowFlowTests(PortalFixture fixture)
{
    private const string Filled = Samples.FilledRetrospective;

    [Fact]
    public async Task A_retrospective_goes_from_its_template_through_review_and_archive_with_live_checks_a_diff_and_searchable_attachments()
    {
        var alice = await fixture.SignedInAsync("alice");
        var bob = await fixture.SignedInAsync("bob");
        var problems = alice.Locator("#conformance .conformance-problems li");
        var title = "双十一复盘 browser " + Guid.NewGuid().ToString("N")[..6];

        // The template names everything missing; the panel follows the typing.
        await alice.GotoAsync("/Documents/New");
        await alice.Locator("a[href='/Documents/New?type=retrospective']").ClickAsync();
        await Expect(problems).ToHaveCountAsync(9);
        await Expect(problems.Filter(new() { HasTextString = "缺少字段：项目" })).ToHaveCountAsync(1);
        await Expect(problems.Filter(new() { HasTextString = "章节为空：经验教训" })).ToHaveCountAsync(1);
        await alice.FillAsync("input[name='Form.Title']", title);
        await alice.FillAsync("#field-project", "双十一大促");
        await Expect(problems).ToHaveCountAsync(7);
        await Expect(problems.Filter(new() { HasTextString = "项目" })).ToHaveCountAsync(0);
        await Expect(problems.Filter(new() { HasTextString = "缺少字段：周期" })).ToHaveCountAsync(1);
        await alice.GetByRole(AriaRole.Button, new() { Name = "创建", Exact = true }).ClickAsync(); // a draft that does not conform yet
        await Expect(alice.Locator("h1")).ToHaveTextAsync(title);
        var documentUrl = new Uri(alice.Url).AbsolutePath;
        var id = documentUrl["/Documents/".Length..];

        // In the editor the server's check starts where the new page left off; filling in the rest makes it conform.
        await alice.GotoAsync(documentUrl + "/Edit");
        await Expect(problems).ToHaveCountAsync(7);
        await alice.FillAsync("#field-period", "2026-11-01 ~ 2026-11-11");
        await Expect(problems).ToHaveCountAsync(6);
        await alice.FillAsync("textarea[name='Form.Markdown']", Filled.Replace("1. 容量评估只按 DAU 峰值。", "", StringComparison.Ordinal));
        await Expect(problems).ToHaveTextAsync(["章节为空：根本原因"]);
        await Expect(alice.Locator("#conformance")).ToHaveClassAsync(new Regex("nonconforming"));
        await alice.FillAsync("textarea[name='Form.Markdown']", Filled);
        await Expect(problems).ToHaveCountAsync(0);
        await Expect(alice.Locator("#conformance")).ToHaveClassAsync(new Regex("\\bconforms\\b"));
        await alice.FillAsync("input[name='Form.ChangeNote']", "补全各节 filled in");
        await alice.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(alice).ToHaveURLAsync(new Regex(Regex.Escape(documentUrl) + "$"));

        // Submitted to bob, who finds it on his home page and sends it back with a comment.
        await alice.Locator($"form.submit-form input[name='Reviewers'][value='{Browsing.Bob}']").CheckAsync();
        await alice.GetByRole(AriaRole.Button, new() { Name = "提交审阅", Exact = true }).ClickAsync();
        await Expect(alice.Locator(".metadata")).ToContainTextAsync("审阅中");
        await bob.GotoAsync("/");
        await bob.Locator($".queue-awaiting a[href='{documentUrl}']").ClickAsync();
        await bob.FillAsync("#review-comment", "请补充根本原因的数据 Add numbers to the root causes");
        await bob.GetByRole(AriaRole.Button, new() { Name = "退回修改", Exact = true }).ClickAsync();
        await Expect(bob.Locator(".metadata")).ToContainTextAsync("草稿");

        // Alice sees the comment, fixes the text and resubmits (bob stays ticked); bob approves.
        await alice.ReloadAsync();
        await Expect(alice.Locator(".changes-requested")).ToContainTextAsync("请补充根本原因的数据");
        await alice.Locator($"a[href='{documentUrl}/Edit']").First.ClickAsync();
        await alice.FillAsync("textarea[name='Form.Markdown']", Filled.Replace("容量评估只按 DAU 峰值。", "容量评估只按 DAU 峰值，整点并发是峰值的 3.2 倍。", StringComparison.Ordinal));
        await alice.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(alice.Locator(".markdown-body")).ToContainTextAsync("整点并发是峰值的 3.2 倍");
        await Expect(alice.Locator($"form.submit-form input[value='{Browsing.Bob}']")).ToBeCheckedAsync();
        await alice.GetByRole(AriaRole.Button, new() { Name = "提交审阅", Exact = true }).ClickAsync();
        await Expect(alice.Locator(".metadata")).ToContainTextAsync("审阅中");
        await bob.ReloadAsync();
        await bob.FillAsync("#review-comment", "数据清楚了 Clear now");
        await bob.GetByRole(AriaRole.Button, new() { Name = "批准发布", Exact = true }).ClickAsync();
        await Expect(bob.Locator(".metadata")).ToContainTextAsync("已发布");
        await Expect(bob.Locator(".review-comments")).ToContainTextAsync("数据清楚了 Clear now");

        // A PDF by the file button and a DOCX dropped on the zone, each with the progress bar and then in the list.
        await alice.GotoAsync(documentUrl + "/Attachments");
        await alice.Locator("#attachment-file").SetInputFilesAsync(new FilePayload
        {
            Name = "capacity-notes.pdf", MimeType = "application/pdf", Buffer = Pdf("Capacity planning marmosetwalnut for the peak hour"),
        });
        await Expect(alice.Locator(".upload-status")).ToHaveTextAsync("已选择 capacity-notes.pdf，按“上传”发送。"); // choosing sends nothing yet
        await Expect(alice.Locator(".attachment-list")).ToHaveCountAsync(0);
        await alice.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await Expect(alice.Locator(".upload-status")).ToHaveTextAsync("已上传：capacity-notes.pdf");
        await Expect(alice.Locator(".upload-progress")).ToBeHiddenAsync();
        await Expect(alice.Locator(".upload-progress")).ToHaveJSPropertyAsync("value", 100);
        await Expect(alice.Locator(".attachment-list a.attachment-download", new() { HasTextString = "capacity-notes.pdf" })).ToBeVisibleAsync();

        await DropAsync(alice.Locator("[data-drop-zone]"), "load-test.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Docx("压测方案 load test pelicanquartz plan"));
        await Expect(alice.Locator(".upload-status")).ToHaveTextAsync("已选择 load-test.docx，按“上传”发送。");
        await alice.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await Expect(alice.Locator(".upload-status")).ToHaveTextAsync("已上传：load-test.docx");
        await Expect(alice.Locator("[data-drop-zone]")).Not.ToHaveClassAsync(new Regex("dragging"));
        await Expect(alice.Locator(".attachment-list a.attachment-download")).ToHaveTextAsync(["capacity-notes.pdf", "load-test.docx"]);

        // Archived: read-only, marked, and found again only with "Include archived" — by a word in each file.
        await alice.GotoAsync(documentUrl);
        await alice.GetByRole(AriaRole.Button, new() { Name = "归档", Exact = true }).ClickAsync();
        await Expect(alice.Locator(".archived-notice")).ToBeVisibleAsync();
        await Expect(alice.Locator(".metadata")).ToContainTextAsync("已归档");
        await Expect(alice.Locator($"a[href='{documentUrl}/Edit']")).ToHaveCountAsync(0);
        foreach (var (word, file) in new[] { ("marmosetwalnut", "capacity-notes.pdf"), ("pelicanquartz", "load-test.docx") })
        {
            // The index follows the archiving (and the attachments' text, extracted in the background) a moment later:
            // search with "Include archived" until the hit shows as archived, then without it, where it is gone.
            await alice.SearchAsync(word);
            await alice.Locator("a.archived-toggle").ClickAsync();
            var hit = alice.Locator("article.hit.archived", new() { Has = alice.Locator($"h3 a[href='{documentUrl}']") });
            for (var attempt = 0; await hit.CountAsync() == 0 && attempt < 40; attempt++)
            {
                await Task.Delay(250);
                await alice.ReloadAsync();
            }

            await Expect(hit).ToBeVisibleAsync();
            await Expect(hit.Locator(".matched-attachment .file-name")).ToHaveTextAsync(file);
            await alice.Locator("a.archived-toggle").ClickAsync();
            await Expect(alice.Locator(".results-total")).ToHaveAttributeAsync("data-total", "0");
        }

        // The history compares version 1 (the template) with the last, word by word.
        await alice.GotoAsync(documentUrl + "/History");
        await Expect(alice.Locator(".history-entry")).ToHaveCountAsync(3);
        await Expect(alice.Locator("#v2 .review-comment")).ToContainTextAsync("请补充根本原因的数据");
        await Expect(alice.Locator("#compare-from")).ToHaveValueAsync("1");
        await Expect(alice.Locator("#compare-to")).ToHaveValueAsync("3");
        await alice.GetByRole(AriaRole.Button, new() { Name = "比较", Exact = true }).ClickAsync();
        await Expect(alice).ToHaveURLAsync(new Regex($"/Documents/{Regex.Escape(id)}/Compare\\?from=1&to=3$"));
        await Expect(alice.Locator(".compare-body ins.diff-ins").First).ToBeVisibleAsync();
        await Expect(alice.Locator(".compare-body del.diff-del").First).ToBeVisibleAsync();
        Assert.Contains("整点并发是峰值的 3.2 倍", await SideAsync(alice, "del")); // the new side: all but the removed
        Assert.Contains("<!-- 列出最初的目标", await SideAsync(alice, "ins")); // the old side: the template's hints
    }

    /// <summary>The compared text of one side: every diff segment but the other side's (<c>del</c> or <c>ins</c>).</summary>
    private static Task<string> SideAsync(IPage page, string without) =>
        page.Locator(".compare-body .diff").EvaluateAsync<string>(
            "(diff, without) => Array.from(diff.children).filter(e => e.localName !== without).map(e => e.textContent).join('')", without);

    /// <summary>Drags a file onto <paramref name="zone"/> as the operating system would: dragenter, dragover, drop with a DataTransfer.</summary>
    private static async Task DropAsync(ILocator zone, string name, string type, byte[] bytes)
    {
        var transfer = await zone.Page.EvaluateHandleAsync(
            """
            ([name, type, base64]) => {
                const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], name, { type }));
                return transfer;
            }
            """,
            new object[] { name, type, Convert.ToBase64String(bytes) });
        await zone.DispatchEventAsync("dragenter", new { dataTransfer = transfer });
        await zone.DispatchEventAsync("dragover", new { dataTransfer = transfer });
        await Expect(zone).ToHaveClassAsync(new Regex("dragging"));
        await zone.DispatchEventAsync("drop", new { dataTransfer = transfer });
    }
}

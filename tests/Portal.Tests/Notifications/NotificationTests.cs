using System.Net;
using AngleSharp.Html.Dom;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Notifications;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Portal.Tests.Workflow;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace KnowledgeHub.Portal.Tests.Notifications;

/// <summary>
/// E-mail and in-app notifications, driven by the change log: review requested, changes requested, approved, action
/// item assigned; in the recipient's language, linked to the portal, once per event, never about a document the
/// recipient may not read; and the daily digest.
/// </summary>
public sealed class NotificationTests(NotificationPortal portal) : IClassFixture<NotificationPortal>
{
    private const string BobMail = "bob@knowledgehub.local";
    private const string AliceMail = "alice@knowledgehub.local";

    [Fact]
    public async Task A_review_round_mails_the_reviewer_in_english_and_the_author_in_chinese_each_linked_and_once()
    {
        var alice = await portal.SignedInAsync("alice");
        var bob = await portal.SignedInAsync("bob");
        var title = "通知测试 notify " + Guid.NewGuid().ToString("N")[..6];
        var id = await WorkflowSteps.CreateFromTemplateAsync(alice, title);
        Assert.Equal(HttpStatusCode.Redirect, (await WorkflowSteps.FillAsync(alice, id, "filled")).StatusCode);

        // Saving the filled text assigns Bob an (overdue) action item: Bob is told, in English; Alice wrote it, so not her.
        var assigned = await portal.Sink.WaitForAsync(m => To(m, BobMail) && m.Subject == "New action item: " + title, "assigning the action item");
        Assert.Contains("压测脚本覆盖购物车合并场景", assigned.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{NotificationPortal.PublicUrl}/Documents/{id}", assigned.TextBody, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await WorkflowSteps.SubmitForReviewAsync(alice, id, WorkflowSteps.Bob)).StatusCode);
        var requested = await portal.Sink.WaitForAsync(m => To(m, BobMail) && m.Subject == "Review requested: " + title, "asking Bob to review");
        Assert.Contains("王丽 Alice Wang asks you to review", requested.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{NotificationPortal.PublicUrl}/Documents/{id}\"", requested.HtmlBody, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await WorkflowSteps.DecideAsync(bob, id, "RequestChanges", "请补充数据 more data")).StatusCode);
        var changes = await portal.Sink.WaitForAsync(m => To(m, AliceMail) && m.Subject == "需要修改：" + title, "telling Alice about the changes");
        Assert.Contains("请补充数据 more data", changes.TextBody, StringComparison.Ordinal);
        Assert.Contains("陈波 Bob Chen 退回了", changes.TextBody, StringComparison.Ordinal);

        // Read again from the start of the log (a restart, another node): nobody is told twice.
        var before = portal.Sink.Messages.Count;
        var log = await portal.Services.GetRequiredService<ChangeLog>().ReadSinceAsync(ChangeLogPosition.Start, CancellationToken.None);
        foreach (var change in log.Changes.Where(c => c.DocumentId == id))
        {
            await portal.Services.GetRequiredService<NotificationEvents>().HandleAsync(change, CancellationToken.None);
        }

        Assert.Equal(before, portal.Sink.Messages.Count);
        Assert.Single(portal.Sink.Messages, m => To(m, BobMail) && m.Subject == "Review requested: " + title);
        Assert.DoesNotContain(portal.Sink.Messages, m => To(m, AliceMail) && m.Subject.Contains("行动项", StringComparison.Ordinal) && m.Subject.Contains(title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_review_request_is_sent_when_the_change_is_read_before_its_review_log_line_is_written()
    {
        // A submit commits the manifest (with its last step) and appends the change; the review-log line comes just after.
        // A follower woken at once could read the change first: here the line is never written at all.
        var alice = await portal.SignedInAsync("alice");
        var title = "先于日志 race " + Guid.NewGuid().ToString("N")[..6];
        var id = await WorkflowSteps.CreateFromTemplateAsync(alice, title);
        var author = new Caller { ObjectId = "a11ce000-0000-4000-8000-000000000001", Name = "王丽 Alice Wang", UserName = "alice", Roles = [AppRoles.Contributor] };
        var submitted = DateTimeOffset.UtcNow;
        await portal.Services.GetRequiredService<DocumentRepository>().UpdateManifestAsync(
            id,
            m => m with
            {
                Status = DocumentStatus.InReview,
                Reviewers = [WorkflowSteps.Bob],
                LastReview = new ReviewEntry(m.CurrentVersion, WorkflowSteps.Alice, author.Name, ReviewDecision.Submit, "", submitted) { Reviewers = [WorkflowSteps.Bob] },
            },
            author,
            CancellationToken.None);

        var requested = await portal.Sink.WaitForAsync(m => To(m, BobMail) && m.Subject == "Review requested: " + title, "asking Bob to review");
        Assert.Contains($"{NotificationPortal.PublicUrl}/Documents/{id}", requested.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approval_tells_the_owner_and_the_bell_counts_until_the_list_is_marked_read()
    {
        var alice = await portal.SignedInAsync("alice");
        var bob = await portal.SignedInAsync("bob");
        var title = "批准通知 approve " + Guid.NewGuid().ToString("N")[..6];
        var id = await WorkflowSteps.CreateFromTemplateAsync(alice, title);
        await WorkflowSteps.FillAsync(alice, id, "filled");
        await WorkflowSteps.SubmitForReviewAsync(alice, id, WorkflowSteps.Bob);
        await WorkflowSteps.DecideAsync(bob, id, "Approve", "好 fine");
        await portal.Sink.WaitForAsync(m => To(m, AliceMail) && m.Subject == "已批准：" + title, "telling Alice of the approval");

        var home = await alice.GetDocumentAsync("/");
        var bell = home.QuerySelector("header a.notification-bell")!;
        Assert.True(int.Parse(bell.GetAttribute("data-unread")!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var list = await alice.GetDocumentAsync("/Notifications");
        Assert.NotNull(list.QuerySelector($".notification.unread[data-kind='approved'][data-document='{id}'] a[href='/Documents/{id}']"));

        var read = await alice.SubmitAsync(list.QuerySelector<IHtmlFormElement>("form.mark-read")!);
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Equal("0", (await alice.GetDocumentAsync("/")).QuerySelector("header a.notification-bell")!.GetAttribute("data-unread"));
        Assert.Empty((await alice.GetDocumentAsync("/Notifications")).QuerySelectorAll(".notification.unread"));
    }

    [Fact]
    public async Task A_notification_the_mail_server_refuses_at_first_arrives_once_after_the_portal_retries()
    {
        var alice = await portal.SignedInAsync("alice");
        var title = "重试 retry " + Guid.NewGuid().ToString("N")[..6];
        var id = await WorkflowSteps.CreateFromTemplateAsync(alice, title);
        var refusedBefore = portal.Sink.Refused;
        portal.Sink.RefuseNext(2);

        await WorkflowSteps.FillAsync(alice, id, "filled"); // assigns Bob an action item: one e-mail
        await portal.Sink.WaitForAsync(m => To(m, BobMail) && m.Subject == "New action item: " + title, "after two refusals", 30);

        Assert.True(portal.Sink.Refused - refusedBefore == 2, $"The sink refused {portal.Sink.Refused - refusedBefore} messages.");
        Assert.Single(portal.Sink.Messages, m => To(m, BobMail) && m.Subject == "New action item: " + title);
        // The sink holds the message once it has the data, a moment before the sender reads the server's reply and deletes
        // the outbox entry: wait (bounded) for the delete rather than look once.
        var store = portal.Services.GetRequiredService<KnowledgeHub.Storage.IBlobStore>();
        var left = await OutboxAsync(store);
        for (var deadline = DateTime.UtcNow.AddSeconds(10); left.Count > 0 && DateTime.UtcNow < deadline; left = await OutboxAsync(store))
        {
            await Task.Delay(50);
        }

        Assert.True(left.Count == 0, $"{string.Join(", ", left)} still in the outbox 10 s after the message was sent.");
    }

    private static async Task<List<string>> OutboxAsync(KnowledgeHub.Storage.IBlobStore store)
    {
        var names = new List<string>();
        await foreach (var item in store.ListAsync(MailOutbox.Prefix, CancellationToken.None))
        {
            names.Add(item.Name);
        }

        return names;
    }

    [Fact]
    public async Task Someone_who_may_not_read_the_document_is_told_nothing_about_it()
    {
        var alice = await portal.SignedInAsync("alice");
        var secret = "机密 secret " + Guid.NewGuid().ToString("N")[..6];
        var id = "notify-secret-" + Guid.NewGuid().ToString("N")[..8];
        var repository = portal.Services.GetRequiredService<DocumentRepository>();
        await repository.CreateAsync(
            new NewDocument
            {
                Id = id, Type = "retrospective", Title = secret, Collection = "Retrospectives", Confidentiality = Confidentiality.Confidential,
                Markdown = "## 行动项 Action items\n\n- [ ] 看一下 look @dave due:2020-01-01\n- [ ] 看一下 look @bob due:2020-01-01\n",
            },
            new Caller { ObjectId = "a11ce000-0000-4000-8000-000000000001", Name = "王丽 Alice Wang", UserName = "alice" },
            CancellationToken.None);
        await repository.UpdateManifestAsync(id, m => m with { Readers = [WorkflowSteps.Bob] },
            new Caller { ObjectId = "a11ce000-0000-4000-8000-000000000001", Name = "王丽 Alice Wang", UserName = "alice" }, CancellationToken.None);
        var changes = await portal.Services.GetRequiredService<ChangeLog>().ReadSinceAsync(ChangeLogPosition.Start, CancellationToken.None);
        foreach (var change in changes.Changes.Where(c => c.DocumentId == id))
        {
            await portal.Services.GetRequiredService<NotificationEvents>().HandleAsync(change, CancellationToken.None);
        }

        await portal.Sink.WaitForAsync(m => To(m, BobMail) && m.Subject == "New action item: " + secret, "to Bob, a listed reader");
        Assert.DoesNotContain(portal.Sink.Messages, m => To(m, "dave@knowledgehub.local") && m.TextBody.Contains(secret, StringComparison.Ordinal));
        var dave = await portal.SignedInAsync("dave");
        Assert.DoesNotContain(secret, (await dave.GetDocumentAsync("/Notifications")).Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(alice);
    }

    [Fact]
    public async Task The_daily_digest_lists_each_owners_overdue_items_once_per_day_only_from_documents_they_read()
    {
        var alice = await portal.SignedInAsync("alice");
        var title = "摘要 digest " + Guid.NewGuid().ToString("N")[..6];
        var id = await WorkflowSteps.CreateFromTemplateAsync(alice, title);
        await WorkflowSteps.FillAsync(alice, id, "filled");
        await portal.CreateReadyClientAsync();
        var digest = portal.Services.GetRequiredService<DigestService>();
        var day = new DateOnly(2031, 1, 1 + Random.Shared.Next(0, 28));

        var sent = await digest.SendAsync(day, CancellationToken.None);
        var again = await digest.SendAsync(day, CancellationToken.None);

        Assert.True(sent >= 1);
        Assert.Equal(0, again);
        var mail = await portal.Sink.WaitForAsync(m => To(m, BobMail) && m.Subject.StartsWith("Action items:", StringComparison.Ordinal) && m.TextBody.Contains(title, StringComparison.Ordinal), "Bob's digest");
        Assert.Contains("压测脚本覆盖购物车合并场景", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("overdue", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{NotificationPortal.PublicUrl}/Documents/{id}", mail.TextBody, StringComparison.Ordinal);
    }

    private static bool To(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));
}

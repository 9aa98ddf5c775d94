using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Documents.Tests;

public sealed class WorkflowTests : IAsyncLifetime
{
    private static readonly string[] BobReviews = ["user:b0b00000-0000-4000-8000-000000000002"];
    private readonly WorkflowHost host = new();

    private DocumentWorkflow Workflow => host.Workflow;

    public Task InitializeAsync() => host.InitializeAsync();

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_retrospective_goes_from_template_through_changes_requested_to_published_archived_and_restored()
    {
        var template = await host.Templates.GetAsync("retrospective", CancellationToken.None);
        var created = await host.CreateRetroAsync(template!.Markdown);

        var refused = Assert.IsType<WorkflowResult.NotConformant>(await Workflow.SubmitForReviewAsync(created.Id, BobReviews, People.Alice, CancellationToken.None));
        Assert.Contains("Empty section: 根本原因 Root causes", refused.Report.Problems.Select(p => p.Message));
        Assert.Equal(DocumentStatus.Draft, (await host.Repository.GetManifestAsync(created.Id, CancellationToken.None))!.Status);

        var filled = await host.SaveAsync(created, WorkflowHost.ConformingRetro, People.Alice);
        var submitted = Done(await Workflow.SubmitForReviewAsync(created.Id, BobReviews, People.Alice, CancellationToken.None));
        Assert.Equal(DocumentStatus.InReview, submitted.Status);
        Assert.Equal(2, submitted.SubmittedVersion);

        var sentBack = Done(await Workflow.RequestChangesAsync(created.Id, "请补充根本原因的数据", People.Bob, CancellationToken.None));
        Assert.Equal(DocumentStatus.Draft, sentBack.Status);
        Assert.Equal("请补充根本原因的数据", sentBack.LastReview!.Comment);
        Assert.Equal(2, sentBack.LastReview.Version);

        await host.SaveAsync(sentBack, WorkflowHost.ConformingRetro.Replace("压测没有覆盖整点场景。", "压测没有覆盖整点场景，峰值 QPS 是平时的 12 倍。"), People.Alice);
        Assert.Equal(DocumentStatus.InReview, Done(await Workflow.SubmitForReviewAsync(created.Id, null, People.Alice, CancellationToken.None)).Status);
        var published = Done(await Workflow.ApproveAsync(created.Id, "可以发布", People.Bob, CancellationToken.None));
        Assert.Equal((DocumentStatus.Published, 3, 3), (published.Status, published.PublishedVersion, published.ReaderVersion));

        var archived = Done(await Workflow.ArchiveAsync(created.Id, People.Alice, CancellationToken.None));
        Assert.Equal(DocumentStatus.Archived, archived.Status);
        Assert.False(DocumentAccess.CanEdit(archived, People.Alice));
        Assert.Equal(DocumentStatus.Published, Done(await Workflow.RestoreAsync(created.Id, People.Alice, CancellationToken.None)).Status);

        var trail = await host.Reviews.ReadAsync(created.Id, CancellationToken.None);
        Assert.Equal(
            [(2, ReviewDecision.Submit), (2, ReviewDecision.RequestChanges), (3, ReviewDecision.Submit), (3, ReviewDecision.Approve), (3, ReviewDecision.Archive), (3, ReviewDecision.Restore)],
            trail.Select(r => (r.Version, r.Decision)));
        Assert.Equal(BobReviews, trail[0].Reviewers);
        Assert.Equal(BobReviews, trail[2].Reviewers);
        Assert.Equal(filled.CurrentVersion, trail[0].Version);
    }

    [Fact]
    public async Task Every_step_and_every_refusal_is_audited()
    {
        var doc = await host.CreateRetroAsync();
        Done(await Workflow.SubmitForReviewAsync(doc.Id, BobReviews, People.Alice, CancellationToken.None));
        Assert.IsType<WorkflowResult.Forbidden>(await Workflow.ApproveAsync(doc.Id, null, People.Dave, CancellationToken.None));
        Done(await Workflow.ApproveAsync(doc.Id, null, People.Bob, CancellationToken.None));
        Assert.IsType<WorkflowResult.InvalidTransition>(await Workflow.RestoreAsync(doc.Id, People.Alice, CancellationToken.None));
        Done(await Workflow.ArchiveAsync(doc.Id, People.Carol, CancellationToken.None));
        Done(await Workflow.RestoreAsync(doc.Id, People.Alice, CancellationToken.None));

        var audit = (await host.AuditEntriesAsync()).Where(e => e.DocumentId == doc.Id).Select(e => (e.Action, e.Principal, e.Outcome));

        Assert.Equal(
        [
            ("submit", People.Alice.Principal, "allowed"),
            ("approve", People.Dave.Principal, "denied"),
            ("approve", People.Bob.Principal, "allowed"),
            ("restore", People.Alice.Principal, "refused"),
            ("archive", People.Carol.Principal, "allowed"),
            ("restore", People.Alice.Principal, "allowed"),
        ], audit);
    }

    [Fact]
    public async Task Saving_a_draft_that_does_not_conform_is_always_allowed_but_submitting_it_is_not()
    {
        var doc = await host.CreateRetroAsync("## 目标与结果 Goals and results\n\n还没写完\n");

        var saved = await host.SaveAsync(doc, "## 目标与结果 Goals and results\n\n还是没写完\n", People.Alice);
        var result = await Workflow.SubmitForReviewAsync(doc.Id, BobReviews, People.Alice, CancellationToken.None);

        Assert.Equal(2, saved.CurrentVersion);
        var refused = Assert.IsType<WorkflowResult.NotConformant>(result);
        Assert.Equal(5, refused.Report.Problems.Count(p => p.Kind == ConformanceProblemKind.MissingSection));
        Assert.StartsWith("The document does not follow its template yet: Missing section: 做得好的 What went well;", refused.Message);
    }

    public static TheoryData<string, Func<DocumentWorkflow, string, Task<WorkflowResult>>, Type> Refusals => new()
    {
        { "a reader submits", (w, id) => w.SubmitForReviewAsync(id, BobReviews, People.Dave, CancellationToken.None), typeof(WorkflowResult.Forbidden) },
        { "a draft is approved", (w, id) => w.ApproveAsync(id, null, People.Carol, CancellationToken.None), typeof(WorkflowResult.InvalidTransition) },
        { "a draft is restored", (w, id) => w.RestoreAsync(id, People.Alice, CancellationToken.None), typeof(WorkflowResult.InvalidTransition) },
        { "a reviewer archives someone else's draft", (w, id) => w.ArchiveAsync(id, People.Bob, CancellationToken.None), typeof(WorkflowResult.Forbidden) },
        { "no reviewer is named", (w, id) => w.SubmitForReviewAsync(id, [], People.Alice, CancellationToken.None), typeof(WorkflowResult.Invalid) },
        { "an unknown document", (w, _) => w.ArchiveAsync("no-such-doc", People.Carol, CancellationToken.None), typeof(WorkflowResult.NotFound) },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_step_changes_nothing(string because, Func<DocumentWorkflow, string, Task<WorkflowResult>> step, Type expected)
    {
        var doc = await host.CreateRetroAsync();

        var result = await step(Workflow, doc.Id);

        Assert.True(result.GetType() == expected, $"{because}: {result}");
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
        var after = await host.Repository.GetManifestAsync(doc.Id, CancellationToken.None);
        Assert.Equal((DocumentStatus.Draft, (ReviewEntry?)null), (after!.Status, after.LastReview));
        Assert.Empty(await host.Reviews.ReadAsync(doc.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Requesting_changes_needs_a_comment_and_a_confidential_document_is_not_found_for_an_outsider()
    {
        var doc = await host.Repository.CreateAsync(
            People.Retro() with { Markdown = WorkflowHost.ConformingRetro, Confidentiality = Confidentiality.Confidential },
            People.Alice,
            CancellationToken.None);
        Done(await Workflow.SubmitForReviewAsync(doc.Id, [People.ResearchGroup], People.Alice, CancellationToken.None));

        Assert.IsType<WorkflowResult.NotFound>(await Workflow.ApproveAsync(doc.Id, null, People.Dave, CancellationToken.None));
        var noComment = Assert.IsType<WorkflowResult.Invalid>(await Workflow.RequestChangesAsync(doc.Id, "  ", People.Carol, CancellationToken.None));
        Assert.Equal("Say what needs to change: a comment is required.", noComment.Reason);
        Assert.Equal(DocumentStatus.InReview, (await host.Repository.GetManifestAsync(doc.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task The_author_cannot_approve_her_own_submission_but_an_admin_may_approve_his()
    {
        var doc = await host.CreateRetroAsync();
        Done(await Workflow.SubmitForReviewAsync(doc.Id, ["user:" + People.Alice.ObjectId, "user:" + People.Bob.ObjectId], People.Alice, CancellationToken.None));

        var own = Assert.IsType<WorkflowResult.Forbidden>(await Workflow.ApproveAsync(doc.Id, null, People.Alice, CancellationToken.None));
        Assert.Equal("You cannot review your own document; ask another reviewer.", own.Reason);

        var carols = await host.Repository.CreateAsync(People.Retro() with { Markdown = WorkflowHost.ConformingRetro }, People.Carol, CancellationToken.None);
        Done(await Workflow.SubmitForReviewAsync(carols.Id, BobReviews, People.Carol, CancellationToken.None));
        Assert.Equal(DocumentStatus.Published, Done(await Workflow.ApproveAsync(carols.Id, "admin", People.Carol, CancellationToken.None)).Status);
    }

    internal static DocumentManifest Done(WorkflowResult result) => Assert.IsType<WorkflowResult.Done>(result).Manifest;
}

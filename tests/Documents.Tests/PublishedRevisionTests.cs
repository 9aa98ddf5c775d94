using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Documents.Tests;

/// <summary>Editing a published document: readers keep the published version until the new one is approved.</summary>
public sealed class PublishedRevisionTests : IAsyncLifetime
{
    private static readonly string[] BobReviews = ["user:b0b00000-0000-4000-8000-000000000002"];
    private readonly WorkflowHost host = new();

    public Task InitializeAsync() => host.InitializeAsync();

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Readers_keep_the_published_version_until_the_revision_is_approved()
    {
        var published = await PublishAsync();

        var revised = await host.SaveAsync(published, WorkflowHost.ConformingRetro + "\n补充：复盘会纪要见附件。\n", People.Alice);

        Assert.Equal((DocumentStatus.Published, 1, 2, true), (revised.Status, revised.PublishedVersion, revised.CurrentVersion, revised.HasPendingDraft));
        Assert.Equal(1, revised.ReaderVersion);
        Assert.False(DocumentAccess.CanReadVersion(revised, People.Dave, 2));
        Assert.True(DocumentAccess.CanReadVersion(revised, People.Dave, 1));
        Assert.True(DocumentAccess.CanReadVersion(revised, People.Alice, 2));
        Assert.Equal([1], (await host.History.GetHistoryAsync(revised.Id, People.Dave, CancellationToken.None))!.Select(h => h.Version.Number));

        var inReview = WorkflowTests.Done(await host.Workflow.SubmitForReviewAsync(revised.Id, BobReviews, People.Alice, CancellationToken.None));
        Assert.Equal((DocumentStatus.InReview, 1), (inReview.Status, inReview.ReaderVersion));
        Assert.True(DocumentAccess.CanReadVersion(inReview, People.Bob, 2));

        var approved = WorkflowTests.Done(await host.Workflow.ApproveAsync(revised.Id, null, People.Bob, CancellationToken.None));
        Assert.Equal((DocumentStatus.Published, 2, false), (approved.Status, approved.ReaderVersion, approved.HasPendingDraft));
        Assert.True(DocumentAccess.CanReadVersion(approved, People.Dave, 2));
    }

    [Fact]
    public async Task Changes_requested_on_a_revision_leave_the_document_published_with_the_revision_pending()
    {
        var published = await PublishAsync();
        var revised = await host.SaveAsync(published, WorkflowHost.ConformingRetro.Replace("112%", "113%"), People.Alice);
        WorkflowTests.Done(await host.Workflow.SubmitForReviewAsync(revised.Id, BobReviews, People.Alice, CancellationToken.None));

        var sentBack = WorkflowTests.Done(await host.Workflow.RequestChangesAsync(revised.Id, "数字请核对", People.Bob, CancellationToken.None));

        Assert.Equal((DocumentStatus.Published, 1, true), (sentBack.Status, sentBack.ReaderVersion, sentBack.HasPendingDraft));
        Assert.Equal(ReviewDecision.RequestChanges, sentBack.LastReview!.Decision);
    }

    [Fact]
    public async Task Approval_publishes_the_submitted_version_and_a_later_save_stays_pending()
    {
        var doc = await host.CreateRetroAsync();
        WorkflowTests.Done(await host.Workflow.SubmitForReviewAsync(doc.Id, BobReviews, People.Alice, CancellationToken.None));
        await host.SaveAsync(doc, WorkflowHost.ConformingRetro + "\n审阅期间的修改\n", People.Alice);

        var approved = WorkflowTests.Done(await host.Workflow.ApproveAsync(doc.Id, null, People.Bob, CancellationToken.None));

        Assert.Equal((DocumentStatus.Published, 1, 2, true), (approved.Status, approved.PublishedVersion, approved.CurrentVersion, approved.HasPendingDraft));
    }

    [Fact]
    public async Task An_imported_published_document_keeps_its_first_version_for_readers_when_edited()
    {
        var imported = await host.CreateRetroAsync(status: DocumentStatus.Published);
        Assert.Equal(1, imported.PublishedVersion);

        var edited = await host.SaveAsync(imported, WorkflowHost.ConformingRetro + "\n新段落\n", People.Alice);

        Assert.Equal((1, true, DocumentStatus.Published), (edited.ReaderVersion, edited.HasPendingDraft, edited.Status));
    }

    [Fact]
    public async Task A_published_document_without_a_change_cannot_be_submitted_again()
    {
        var published = await PublishAsync();

        var result = await host.Workflow.SubmitForReviewAsync(published.Id, BobReviews, People.Alice, CancellationToken.None);

        Assert.Equal("Version 1 is already published; save a change before submitting it for review.", Assert.IsType<WorkflowResult.InvalidTransition>(result).Reason);
    }

    private async Task<DocumentManifest> PublishAsync()
    {
        var doc = await host.CreateRetroAsync();
        WorkflowTests.Done(await host.Workflow.SubmitForReviewAsync(doc.Id, BobReviews, People.Alice, CancellationToken.None));
        return WorkflowTests.Done(await host.Workflow.ApproveAsync(doc.Id, "好", People.Bob, CancellationToken.None));
    }
}

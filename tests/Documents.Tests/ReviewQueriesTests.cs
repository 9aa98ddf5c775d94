using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Documents.Tests;

public sealed class ReviewQueriesTests : IAsyncLifetime
{
    private readonly WorkflowHost host = new();

    public Task InitializeAsync() => host.InitializeAsync();

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Home_lists_awaiting_my_review_my_drafts_and_changes_requested()
    {
        var draft = await host.CreateRetroAsync();
        var toBob = await host.CreateRetroAsync();
        var toResearch = await host.CreateRetroAsync();
        var sentBack = await host.CreateRetroAsync();
        var published = await host.CreateRetroAsync(status: DocumentStatus.Published);
        var revised = await host.SaveAsync(await host.CreateRetroAsync(status: DocumentStatus.Published), WorkflowHost.ConformingRetro + "\n新\n", People.Alice);
        WorkflowTests.Done(await host.Workflow.SubmitForReviewAsync(toBob.Id, ["user:" + People.Bob.ObjectId], People.Alice, CancellationToken.None));
        WorkflowTests.Done(await host.Workflow.SubmitForReviewAsync(toResearch.Id, [People.ResearchGroup], People.Alice, CancellationToken.None));
        WorkflowTests.Done(await host.Workflow.SubmitForReviewAsync(sentBack.Id, [People.ResearchGroup], People.Alice, CancellationToken.None));
        WorkflowTests.Done(await host.Workflow.RequestChangesAsync(sentBack.Id, "补充数据", People.Bob, CancellationToken.None));

        var alice = await host.QueuesAsync(People.Alice);
        var bob = await host.QueuesAsync(People.Bob);
        var dave = await host.QueuesAsync(People.Dave);

        Assert.Equal(Ids(draft, revised), Ids(alice.MyDrafts));
        Assert.Equal(Ids(sentBack), Ids(alice.ChangesRequested));
        Assert.Empty(alice.AwaitingMyReview);
        Assert.Equal(Ids(toBob, toResearch), Ids(bob.AwaitingMyReview));
        Assert.Empty(bob.MyDrafts);
        Assert.Equal((0, 0, 0), (dave.AwaitingMyReview.Count, dave.MyDrafts.Count, dave.ChangesRequested.Count));
        Assert.DoesNotContain(published.Id, Ids(alice.MyDrafts));
    }

    private static string[] Ids(params DocumentManifest[] manifests) => [.. manifests.Select(m => m.Id).Order()];

    private static string[] Ids(IReadOnlyList<DocumentManifest> manifests) => [.. manifests.Select(m => m.Id).Order()];
}

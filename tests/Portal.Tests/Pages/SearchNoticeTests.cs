using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Following;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Portal.Tests.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Pages;

/// <summary>A write never waits longer than Following:WaitForChange for the index; past it the next page says so.</summary>
public sealed class SearchNoticeTests
{
    [Fact]
    public async Task A_save_the_index_has_not_taken_yet_says_it_will_appear_in_search_shortly_and_then_does()
    {
        // A second view behind the index that takes no change until released: the follower cannot pass the save in time.
        var held = new HeldView();
        await using var portal = PortalFactory.With(
            "Development",
            new Dictionary<string, string> { ["Following:WaitForChange"] = "00:00:00.300" },
            services => services.AddSingleton<IChangeConsumer>(held));
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");
        var id = await WorkflowSteps.CreateFromTemplateAsync(client, "通知复盘 noticeword");
        held.Hold();

        var saved = await WorkflowSteps.EditAsync(client, id, new Dictionary<string, string> { ["Form.Markdown"] = "正文 shortlyword" });
        var page = await client.FollowAsync(saved);
        held.Release();
        var next = await client.GetDocumentAsync("/Documents/" + id);

        Assert.Equal("Saved: it will appear in search shortly.", page.QuerySelector(".search-notice")!.TextContent);
        Assert.Null(next.QuerySelector(".search-notice"));
        for (var attempt = 0; (await client.GetDocumentAsync("/Search?q=shortlyword")).QuerySelector($".hit a[href='/Documents/{id}']") is null; attempt++)
        {
            Assert.True(attempt < 100, "the saved document did not appear in search within 10 s");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_save_the_index_took_within_the_wait_shows_no_notice()
    {
        await using var portal = new PortalFactory();
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");
        var id = await WorkflowSteps.CreateFromTemplateAsync(client, "即时复盘 promptword");

        var page = await client.FollowAsync(await WorkflowSteps.EditAsync(client, id, new Dictionary<string, string> { ["Form.Markdown"] = "正文 instantword" }));
        var search = await client.GetDocumentAsync("/Search?q=instantword");

        Assert.Null(page.QuerySelector(".search-notice"));
        Assert.NotNull(search.QuerySelector($".hit a[href='/Documents/{id}']"));
    }

    /// <summary>A derived view that can be held: while held it takes no change, so the follower cannot pass one.</summary>
    private sealed class HeldView : IChangeConsumer
    {
        private TaskCompletionSource gate = Open();

        public string Name => "held-view";

        public ChangeLogPosition? Position { get; private set; } = ChangeLogPosition.Start;

        public void Hold() => gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => gate.TrySetResult();

        public Task LoadAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task ApplyAsync(ChangeBatch batch, CancellationToken cancellationToken)
        {
            await gate.Task.WaitAsync(cancellationToken);
            Position = batch.Position;
        }

        private static TaskCompletionSource Open()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            return open;
        }
    }
}

using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Portal.Tests.Workflow;

namespace KnowledgeHub.Portal.Tests.Pages;

/// <summary>A write never waits longer than Following:WaitForChange for the index; past it the next page says so.</summary>
public sealed class SearchNoticeTests
{
    [Fact]
    public async Task A_save_the_index_has_not_taken_yet_says_it_will_appear_in_search_shortly_and_then_does()
    {
        await using var portal = PortalFactory.With("Development", new Dictionary<string, string> { ["Following:WaitForChange"] = "00:00:00" });
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");
        var id = await WorkflowSteps.CreateFromTemplateAsync(client, "通知复盘 noticeword");

        var saved = await WorkflowSteps.EditAsync(client, id, new Dictionary<string, string> { ["Form.Markdown"] = "正文 shortlyword" });
        var page = await client.FollowAsync(saved);
        var next = await client.GetDocumentAsync("/Documents/" + id);

        Assert.Contains(SearchNotice.Text, page.QuerySelector(".search-notice")!.TextContent, StringComparison.Ordinal);
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
}

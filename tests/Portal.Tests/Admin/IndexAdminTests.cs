using System.Net;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Portal.Tests.Workflow;

namespace KnowledgeHub.Portal.Tests.Admin;

/// <summary>/Admin/Index: the index's state and every document indexed degraded, for admins only; a rebuild runs in the background.</summary>
public sealed class IndexAdminTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_document_indexed_degraded_is_listed_for_admins_with_its_version_and_reason()
    {
        var alice = await portal.CreateReadyClientAsync();
        await alice.SignInAsync("alice");
        var id = await WorkflowSteps.CreateFromTemplateAsync(alice, "降级复盘 degradedword");
        var saved = await WorkflowSteps.EditAsync(alice, id, new Dictionary<string, string>
        {
            ["Form.Markdown"] = new string('[', 20_000) + " degradedbody " + new string(']', 20_000),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var carol = await portal.CreateReadyClientAsync();
        await carol.SignInAsync("carol");

        var page = await carol.GetDocumentAsync("/Admin/Index");
        var row = page.QuerySelectorAll("table tbody tr").FirstOrDefault(r => r.QuerySelector($"a[href='/Documents/{id}']") is not null);

        Assert.NotNull(row);
        Assert.Contains("Degraded", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", row.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.NotNull((await alice.GetDocumentAsync("/Search?q=degradedbody")).QuerySelector($".hit a[href='/Documents/{id}']"));
    }

    [Fact]
    public async Task A_reader_or_contributor_gets_403_and_an_admin_can_ask_for_a_rebuild_that_runs_in_the_background()
    {
        var dave = await portal.CreateReadyClientAsync();
        await dave.SignInAsync("dave");
        var carol = await portal.CreateReadyClientAsync();
        await carol.SignInAsync("carol");

        var refused = await dave.GetAsync(new Uri("/Admin/Index", UriKind.Relative));
        var page = await carol.GetDocumentAsync("/Admin/Index");
        var rebuilt = await carol.SubmitAsync(page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[action*='handler=Rebuild']")!);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, rebuilt.StatusCode);
        Assert.NotNull((await carol.FollowAsync(rebuilt)).QuerySelector(".notice"));
        await portal.CreateReadyClientAsync(); // ready again once the background rebuild is done
        Assert.True(await portal.CountDocumentsAsync() >= PortalFactory.SampleCount);
    }
}

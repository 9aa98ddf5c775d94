using System.Net;
using AngleSharp.Html.Dom;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Outage;

/// <summary>
/// The real thing: the portal on Azure Blob Storage (Azurite), the emulator killed and started again under it; a page
/// read before is served from the cache, one never read from the index.
/// </summary>
public sealed class AzuriteOutageTests
{
    private const string Id = "retro-2026-checkout-latency";

    [Fact]
    public async Task With_Azure_storage_stopped_reads_are_served_writes_get_503_and_after_a_restart_saves_work_again()
    {
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        await using var portal = PortalFactory.With("Development", new Dictionary<string, string>
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:AzureBlob:ConnectionString"] = azurite.ConnectionString,
        });
        var bob = await portal.CreateReadyClientAsync();
        bob.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await bob.SignInAsync("bob");
        await bob.GetDocumentAsync("/Documents/" + Id);
        var edit = await bob.GetDocumentAsync($"/Documents/{Id}/Edit");
        var before = (await portal.Services.GetRequiredService<DocumentRepository>().GetManifestAsync(Id, CancellationToken.None))!.CurrentVersion;

        await azurite.StopAsync();
        var page = await bob.GetPageAsync("/Documents/" + Id);
        var served = await HtmlHelpers.GetDocumentAsync(page);
        var neverOpened = await bob.GetPageAsync("/Documents/weekly-2026-w46-content");
        var fromIndex = await HtmlHelpers.GetDocumentAsync(neverOpened);
        var save = await bob.SubmitAsync(Form(edit), values: new Dictionary<string, string> { ["Form.Markdown"] = "written while storage was down" });
        var saveBody = await save.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(served.QuerySelector(".outage-banner"));
        Assert.Equal(HttpStatusCode.OK, neverOpened.StatusCode);
        Assert.NotNull(fromIndex.QuerySelector(".outage-banner"));
        Assert.NotNull(fromIndex.QuerySelector("[data-source='index']"));
        Assert.Contains("Short videos drove most of the engagement", fromIndex.QuerySelector(".indexed-text")!.TextContent);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, save.StatusCode);
        Assert.True(save.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("cannot be reached right now", saveBody);
        Assert.DoesNotContain("RequestFailedException", saveBody);
        Assert.DoesNotContain("127.0.0.1", saveBody);

        await azurite.StartAsync();
        HttpResponseMessage saved;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(250);
            var fresh = await bob.GetPageAsync($"/Documents/{Id}/Edit");
            saved = fresh.StatusCode == HttpStatusCode.OK
                ? await bob.SubmitAsync(Form(await HtmlHelpers.GetDocumentAsync(fresh)), values: new Dictionary<string, string> { ["Form.Markdown"] = "written after storage came back" })
                : fresh;
        }
        while (saved.StatusCode != HttpStatusCode.Redirect && DateTime.UtcNow < deadline);
        var after = await portal.Services.GetRequiredService<DocumentRepository>().GetManifestAsync(Id, CancellationToken.None);
        var text = await portal.Services.GetRequiredService<DocumentRepository>().GetVersionAsync(Id, after!.CurrentVersion, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(before + 1, after.CurrentVersion);
        Assert.Contains("written after storage came back", text!.Markdown);
        Assert.Null((await bob.GetDocumentAsync("/Documents/" + Id)).QuerySelector(".outage-banner"));
    }

    private static IHtmlFormElement Form(IHtmlDocument page) => page.QuerySelector<IHtmlFormElement>("form.doc-form")!;
}

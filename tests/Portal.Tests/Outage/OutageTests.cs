using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Access;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Outage;

/// <summary>
/// Storage becomes unreachable while the portal runs (Development, where a real bug would show the exception page):
/// reads are served from the index and caches with a banner, writes are refused with 503 + Retry-After and a sentence,
/// nothing is half-written, and everything comes back without a restart once storage does.
/// </summary>
public sealed class OutageTests
{
    private const string Seen = "retro-2026-checkout-latency";
    private const string NeverOpened = "weekly-2026-w46-content";
    private const string Unknown = "no-such-document";

    [Fact]
    public async Task In_an_outage_reads_are_served_with_a_banner_writes_get_503_and_all_recovers_without_a_restart()
    {
        await using var portal = new OutagePortal();
        var bob = await portal.CreateReadyClientAsync();
        bob.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await bob.SignInAsync("bob");
        var token = await bob.CreateOnTokenPageAsync();
        await bob.GetDocumentAsync("/Documents/" + Seen);
        var edit = await bob.GetDocumentAsync($"/Documents/{Seen}/Edit");
        var versionsBefore = (await portal.Services.GetRequiredService<DocumentRepository>().GetManifestAsync(Seen, CancellationToken.None))!.CurrentVersion;
        var anonymous = portal.CreatePortalClient();

        portal.Broken = true;
        var page = await bob.GetDocumentAsync("/Documents/" + Seen);
        var search = await bob.GetDocumentAsync("/Search?q=quillfeather");
        var save = await bob.SubmitAsync(EditForm(edit), values: new Dictionary<string, string> { ["Form.Markdown"] = "written during the outage" });
        var unreadable = await bob.GetPageAsync("/Documents/" + Unknown);
        var api = await bob.GetWithTokenAsync("/api/v1/documents/" + NeverOpened, token);
        var health = await anonymous.GetPageAsync("/health/ready");

        // Reads: the page from the last read, search from the index, both saying storage is unavailable.
        Assert.NotNull(page.QuerySelector(".outage-banner[data-storage='unavailable']"));
        Assert.Contains("edits are paused", page.QuerySelector(".outage-banner")!.TextContent);
        Assert.NotNull(page.QuerySelector(".markdown-body"));
        Assert.NotNull(search.QuerySelector(".outage-banner"));
        Assert.Contains(search.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/Documents/retro-2026-research-pricing");

        // Writes and what neither a cache nor the index holds: 503, Retry-After, a sentence in the user's language, no exception text.
        foreach (var refused in new[] { save, unreadable })
        {
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            Assert.Contains("cannot be reached right now", body);
            Assert.DoesNotContain("Input/output", body);
            Assert.DoesNotContain("IOException", body);
            Assert.DoesNotContain(portal.Root, body);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.True(api.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Retry-After", JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());

        // Anonymous health: the status word, nothing about the failure.
        var healthBody = await health.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(["status"], JsonDocument.Parse(healthBody).RootElement.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("Input/output", healthBody);

        // Storage returns: pages answer again within a couple of seconds, the banner goes, saves work, nothing was lost.
        portal.Broken = false;
        await Eventually.Async(() => bob.GetPageAsync("/Documents/" + Unknown), r => r.StatusCode == HttpStatusCode.NotFound);
        var after = await bob.GetDocumentAsync("/Documents/" + NeverOpened);
        var freshEdit = await bob.GetDocumentAsync($"/Documents/{Seen}/Edit");
        var saved = await bob.SubmitAsync(EditForm(freshEdit), values: new Dictionary<string, string> { ["Form.Markdown"] = "written after the outage" });
        var manifest = await portal.Services.GetRequiredService<DocumentRepository>().GetManifestAsync(Seen, CancellationToken.None);
        var audit = portal.Services.GetRequiredService<AuditLog>();
        await Eventually.Async(() => Task.FromResult(audit.UnwrittenCount), count => count == 0);
        var views = await AccessTestData.AuditAsync(portal.Services, e => e is { Action: "view", DocumentId: Seen, Outcome: "allowed" } && e.Principal == TestUsers.Bob.Principal());

        Assert.Null(after.QuerySelector(".outage-banner"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(versionsBefore + 1, manifest!.CurrentVersion);
        Assert.DoesNotContain("written during the outage", (await portal.Services.GetRequiredService<DocumentRepository>().GetVersionAsync(Seen, versionsBefore + 1, CancellationToken.None))!.Markdown);
        Assert.True(views.Count >= 2, "the view served during the outage is audited once storage is back");
    }

    [Fact]
    public async Task The_outage_page_is_in_Chinese_by_default_and_a_real_bug_is_not_called_an_outage()
    {
        await using var portal = new OutagePortal();
        var dave = await portal.CreateReadyClientAsync(language: null);
        await dave.SignInAsync("dave");

        portal.Broken = true;
        var refused = await dave.GetPageAsync("/Documents/" + Unknown);
        var body = await refused.Content.ReadAsStringAsync();
        portal.Broken = false;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("暂时无法访问文档存储", body);
        Assert.False(KnowledgeHub.Portal.Outage.StorageFaults.IsStorageOutage(new InvalidOperationException("a bug")));
        Assert.False(KnowledgeHub.Portal.Outage.StorageFaults.IsStorageOutage(new IOException("not from storage")));
    }

    private static IHtmlFormElement EditForm(IHtmlDocument page) => page.QuerySelector<IHtmlFormElement>("form.doc-form")!;
}

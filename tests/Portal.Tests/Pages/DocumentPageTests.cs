using System.Net;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Pages;

public sealed class DocumentPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_document_page_shows_the_rendered_text_and_its_metadata()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");

        var page = await client.GetDocumentAsync("/Documents/retro-2026-618-campaign");

        Assert.Equal("2026 年 618 大促复盘", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("经验教训 Lessons", page.QuerySelectorAll(".markdown-body h2").Select(h => h.TextContent));
        var metadata = page.QuerySelector(".metadata")!.TextContent;
        Assert.Contains("Retrospective", metadata);
        Assert.Contains("Published", metadata);
        Assert.Contains("王丽 Alice Wang", metadata);
        Assert.Contains("618 大促", metadata); // the template field "项目 Project"
        Assert.Contains("Project", metadata); // English UI: the English part of the field's label
        Assert.DoesNotContain("项目", metadata);
        Assert.Single(page.QuerySelectorAll(".version-list li"));
        Assert.NotNull(page.QuerySelector("a[href='/Documents/retro-2026-618-campaign/Edit']"));
    }

    [Theory]
    [InlineData("/Documents/no-such-document")]
    [InlineData("/Documents/retro-2026-618-campaign/Versions/9")]
    [InlineData("/Documents/no-such-document/Edit")]
    [InlineData("/Documents/New?type=no-such-template")]
    [InlineData("/no/such/page")]
    public async Task Something_that_does_not_exist_is_a_friendly_404_page(string url)
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");

        var response = await client.GetPageAsync(url);
        var page = await HtmlHelpers.GetDocumentAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We could not find that page or document", page.QuerySelector(".status-sentence")!.TextContent);
        Assert.DoesNotContain("Exception", page.Body!.TextContent);
    }

    [Fact]
    public async Task A_confidential_document_is_a_404_for_someone_outside_its_readers()
    {
        var alice = await portal.CreateReadyClientAsync();
        await alice.SignInAsync("alice");
        var bob = await portal.CreateReadyClientAsync();
        await bob.SignInAsync("bob");

        var denied = await alice.GetPageAsync("/Documents/retro-2026-research-pricing");
        var allowed = await bob.GetPageAsync("/Documents/retro-2026-research-pricing");

        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Viewing_a_document_is_audited_and_so_is_a_refused_view()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("dave");

        await client.GetDocumentAsync("/Documents/retro-2026-checkout-latency");
        await client.GetDocumentAsync("/Documents/retro-2026-research-pricing", HttpStatusCode.NotFound);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var entries = new List<AuditEntry>();
        await foreach (var entry in portal.Services.GetRequiredService<AuditLog>().ReadAsync(today.AddDays(-1), today.AddDays(1), CancellationToken.None))
        {
            if (entry.Principal == "user:da7e0000-0000-4000-8000-000000000004")
            {
                entries.Add(entry);
            }
        }

        Assert.Contains(entries, e => e is { Action: "view", DocumentId: "retro-2026-checkout-latency", Version: 1, Outcome: "allowed" });
        Assert.Contains(entries, e => e is { Action: "view", DocumentId: "retro-2026-research-pricing", Outcome: "denied" });
    }
}

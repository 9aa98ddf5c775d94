using System.Net;
using KnowledgeHub.Documents.Tests.Support;
using KnowledgeHub.Portal.Tests.Access;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Portal.Tests.Workflow;
using KnowledgeHub.Search;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Outage;

/// <summary>
/// Storage unreachable and a document this node never read (no cache holds it): the page is answered from the search
/// index — title, status, owner, tags and the text readers see — with the read-only banner, under the same access rule
/// as search; a caller the index does not show it to gets the outage's 503 (so an outage never tells a document exists);
/// attachments are 503 with a sentence; the view is audited once storage is back.
/// </summary>
public sealed class IndexedReadTests
{
    private const string NeverOpened = "weekly-2026-w46-content";
    private const string Confidential = "retro-2026-research-pricing";

    [Fact]
    public async Task A_document_never_opened_on_this_node_is_answered_from_the_index_with_the_banner_and_no_way_to_edit()
    {
        await using var portal = new OutagePortal();
        var bob = await portal.CreateReadyClientAsync();
        await bob.SignInAsync("bob");

        portal.Broken = true;
        var response = await bob.GetPageAsync("/Documents/" + NeverOpened);
        var page = await HtmlHelpers.GetDocumentAsync(response);
        portal.Broken = false;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector(".outage-banner[data-storage='unavailable']"));
        Assert.Contains("as the search index holds it", page.QuerySelector("[data-source='index']")!.TextContent);
        Assert.Equal("Content team weekly report 2026 W46", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Short videos drove most of the engagement this week.", page.QuerySelector(".indexed-text")!.TextContent);
        Assert.Contains("Published twelve storyboard videos", page.QuerySelector(".indexed-text")!.TextContent);
        Assert.Contains("Carol Li", page.QuerySelector(".metadata")!.TextContent);
        Assert.Equal(["weekly", "content"], page.QuerySelectorAll(".tags li").Select(li => li.TextContent));
        Assert.NotNull(page.QuerySelector("[data-attachments='unavailable']"));
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.GetAttribute("href")?.EndsWith("/Edit", StringComparison.Ordinal) == true);
        Assert.Null(page.QuerySelector("form.doc-form"));
    }

    [Fact]
    public async Task In_an_outage_the_index_answers_only_those_who_may_read_the_document()
    {
        await using var portal = new OutagePortal();
        var bob = await portal.CreateReadyClientAsync();
        var dave = await portal.CreateReadyClientAsync();
        var alice = await portal.CreateReadyClientAsync();
        await bob.SignInAsync("bob");
        await dave.SignInAsync("dave");
        await alice.SignInAsync("alice");

        portal.Broken = true;
        var owner = await bob.GetPageAsync("/Documents/" + Confidential);
        var reader = await dave.GetPageAsync("/Documents/" + Confidential);
        var otherTeam = await alice.GetPageAsync("/Documents/" + Confidential);
        var missing = await bob.GetPageAsync("/Documents/no-such-document");
        portal.Broken = false;

        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        Assert.Contains("Membership pricing study", await owner.Content.ReadAsStringAsync());
        // Refused as always when the manifest is in the last-known cache (404), else the outage's 503: never the text.
        foreach (var refused in new[] { reader, otherTeam })
        {
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.ServiceUnavailable });
            Assert.DoesNotContain("Membership pricing study", body);
            Assert.DoesNotContain("会员定价", body);
        }

        // The index's own answer, whatever the caches hold: only those who may read it (owner, its readers' group, admins).
        var indexed = portal.Services.GetRequiredService<IndexedDocuments>();
        Assert.NotNull(indexed.Find(Confidential, TestUsers.Bob.AsCaller()));
        Assert.NotNull(indexed.Find(Confidential, TestUsers.Carol.AsCaller()));
        Assert.Null(indexed.Find(Confidential, TestUsers.Dave.AsCaller()));
        Assert.Null(indexed.Find(Confidential, TestUsers.Alice.AsCaller()));
        Assert.NotNull(indexed.Find(NeverOpened, TestUsers.Dave.AsCaller()));
        Assert.Null(indexed.Find("no-such-document", TestUsers.Carol.AsCaller()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, missing.StatusCode);
        Assert.True(missing.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("cannot be reached right now", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task In_an_outage_an_attachment_is_503_with_a_sentence_and_the_view_served_from_the_index_is_audited_once_storage_is_back()
    {
        await using var portal = new OutagePortal();
        var carol = await portal.CreateReadyClientAsync();
        var bob = await portal.CreateReadyClientAsync();
        await carol.SignInAsync("carol");
        await bob.SignInAsync("bob");
        // Larger than any blob the last-known cache keeps, so no read of it (text extraction included) can stand in.
        var uploaded = await WorkflowSteps.UploadAsync(carol, NeverOpened, "storyboard.pdf", SampleFiles.PdfOfSize(400_000));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);

        portal.Broken = true;
        var attachment = await bob.GetPageAsync($"/Documents/{NeverOpened}/Attachments/storyboard.pdf");
        var body = await attachment.Content.ReadAsStringAsync();
        var page = await bob.GetPageAsync("/Documents/" + NeverOpened);
        portal.Broken = false;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, attachment.StatusCode);
        Assert.True(attachment.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("cannot be reached right now", body);
        Assert.DoesNotContain("%PDF", body);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        var views = await Eventually.Async(
            () => AccessTestData.AuditAsync(portal.Services, e => e is { Action: "view", DocumentId: NeverOpened, Outcome: "allowed" } && e.Principal == TestUsers.Bob.Principal()),
            found => found.Count >= 1);
        Assert.Single(views);
    }
}

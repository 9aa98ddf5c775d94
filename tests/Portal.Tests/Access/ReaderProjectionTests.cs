using System.Net;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Api;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Search;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Access;

/// <summary>
/// Issue 8 row 1: a published document with a newer draft (new title, new text, in review). A reader sees the
/// published version everywhere — page heading, &lt;title&gt;, version count, status, History, Version list, the
/// API and search — and never the draft's title; the owner sees the draft.
/// </summary>
public sealed class ReaderProjectionTests(TestSignInPortalFactory portal) : IClassFixture<TestSignInPortalFactory>
{
    private const string PublishedTitle = "Published projection title";
    private const string DraftTitle = "Unapproved draft headline";

    [Fact]
    public async Task A_reader_sees_only_the_published_title_status_and_version_count_on_every_surface()
    {
        var (id, word) = await PublishedWithPendingDraftAsync();
        var dave = await portal.CreateReadyClientAsAsync(TestUsers.Dave);

        var page = await dave.GetDocumentAsync("/Documents/" + id);
        var history = await dave.GetDocumentAsync($"/Documents/{id}/History");
        var api = await ApiJson.ReadAsync(await dave.GetPageAsync("/api/v1/documents/" + id), HttpStatusCode.OK);
        var search = await dave.GetDocumentAsync("/Search?q=" + word);
        var apiSearch = await (await dave.GetPageAsync("/api/v1/search?q=" + word)).Content.ReadAsStringAsync();
        var hiddenDraft = await dave.GetPageAsync($"/Documents/{id}/Versions/2");

        Assert.Equal(PublishedTitle, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith(PublishedTitle, page.Title, StringComparison.Ordinal);
        Assert.Contains("1 / 1", page.QuerySelector(".metadata")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Published", page.QuerySelector(".metadata .badge")!.TextContent.Trim().Split(' ')[^1]);
        Assert.Contains(PublishedTitle, history.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["v1"], history.QuerySelectorAll(".history-list .version-link").Select(a => a.TextContent));
        Assert.Equal(PublishedTitle, api.GetProperty("title").GetString());
        Assert.Equal(1, api.GetProperty("currentVersion").GetInt32());
        Assert.Equal("Published", api.GetProperty("status").GetString());
        Assert.DoesNotContain("draft-only", api.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        Assert.Equal(PublishedTitle, search.QuerySelector(".hit .hit-title")!.TextContent.Trim());
        Assert.Contains(PublishedTitle, apiSearch, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, hiddenDraft.StatusCode);
        foreach (var html in new[] { page.Source.Text, history.Source.Text, search.Source.Text, apiSearch, api.GetRawText() })
        {
            Assert.DoesNotContain(DraftTitle, html, StringComparison.Ordinal);
        }

        Assert.Equal("Published", search.QuerySelector(".hit .badge")!.TextContent.Trim().Split(' ')[^1]);
        Assert.DoesNotContain("In review", page.Source.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("In review", history.Source.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_sees_the_draft_title_and_every_version()
    {
        var (id, _) = await PublishedWithPendingDraftAsync();
        var bob = await portal.CreateReadyClientAsAsync(TestUsers.Bob);

        var page = await bob.GetDocumentAsync("/Documents/" + id);
        var history = await bob.GetDocumentAsync($"/Documents/{id}/History");
        var draft = await bob.GetDocumentAsync($"/Documents/{id}/Versions/2");
        var api = await ApiJson.ReadAsync(await bob.GetPageAsync("/api/v1/documents/" + id), HttpStatusCode.OK);

        Assert.Equal(PublishedTitle, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("1 / 2", page.QuerySelector(".metadata")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(DraftTitle, history.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["v2", "v1"], history.QuerySelectorAll(".history-list .version-link").Select(a => a.TextContent));
        Assert.Contains(DraftTitle, draft.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, api.GetProperty("currentVersion").GetInt32());
        Assert.Equal(1, api.GetProperty("version").GetInt32());
    }

    [Fact]
    public void The_projection_gives_readers_the_published_version_and_editors_the_newest()
    {
        var manifest = new DocumentManifest
        {
            Id = "projection", Type = "retrospective", Title = DraftTitle, Owner = TestUsers.Bob.Principal(),
            Status = DocumentStatus.InReview, CurrentVersion = 2, PublishedVersion = 1, Tags = ["t"],
            Reviewers = ["role:Reader", TestUsers.Dave.Principal()],
        };
        VersionInfo[] versions =
        [
            new(1, PublishedTitle, "user:b", "Bob", DateTimeOffset.UnixEpoch, ""),
            new(2, DraftTitle, "user:b", "Bob", DateTimeOffset.UnixEpoch.AddDays(1), ""),
        ];

        var reader = ReaderView.For(manifest, TestUsers.Dave.AsCaller(), versions)!;
        var owner = ReaderView.For(manifest, TestUsers.Bob.AsCaller(), versions)!;

        Assert.Equal((PublishedTitle, DocumentStatus.Published, 1, 1, false), (reader.Title, reader.Status, reader.VersionCount, reader.LatestVisibleVersion, reader.SeesDrafts));
        Assert.Equal((DraftTitle, DocumentStatus.InReview, 2, 2, true), (owner.Title, owner.Status, owner.VersionCount, owner.LatestVisibleVersion, owner.SeesDrafts));
    }

    /// <summary>Bob publishes v1, saves v2 with a new title and text, and submits it (Dave, a Reader, is even named as reviewer).</summary>
    private async Task<(string Id, string Word)> PublishedWithPendingDraftAsync()
    {
        var (id, word) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Bob, id, word, Confidentiality.Internal, title: PublishedTitle);
        var documents = portal.Services.GetRequiredService<DocumentRepository>();
        var bob = TestUsers.Bob.AsCaller();
        var saved = await documents.SaveAsync(
            new DocumentEdit { Id = id, BaseVersion = 1, Title = DraftTitle, Markdown = $"The draft-only text with {word}.\n" },
            bob,
            CancellationToken.None);
        Assert.IsType<SaveResult.Saved>(saved);
        await documents.UpdateManifestAsync(
            id,
            m => m with
            {
                Status = DocumentStatus.InReview,
                Reviewers = [TestUsers.Dave.Principal()],
                LastReview = new ReviewEntry(2, bob.Principal, bob.Name, ReviewDecision.Submit, "", DateTimeOffset.UtcNow),
            },
            bob,
            CancellationToken.None);
        await portal.Services.GetRequiredService<IndexSynchronizer>().CatchUpAsync(CancellationToken.None);
        return (id, word);
    }
}

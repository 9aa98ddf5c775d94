using System.Net;
using System.Text;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Access;

public sealed class DownloadTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_download_is_the_current_Markdown_as_an_attachment_named_after_the_title()
    {
        var alice = await portal.CreateReadyClientAsync();
        await alice.SignInAsync("alice");
        var view = await alice.GetDocumentAsync("/Documents/retro-2026-618-campaign");

        var response = await alice.GetPageAsync(view.QuerySelector(".download-link")!.GetAttribute("href")!);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("retro-2026-618-campaign.md", disposition.FileName!.Trim('"'));
        Assert.Contains("filename=\"retro-2026-618-campaign.md\"", disposition.ToString());
        Assert.Equal("2026 年 618 大促复盘.md", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''2026%20%E5%B9%B4%20618%20%E5%A4%A7%E4%BF%83%E5%A4%8D%E7%9B%98.md", disposition.ToString());
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var version = await portal.Services.GetRequiredService<DocumentRepository>().GetVersionAsync("retro-2026-618-campaign", 1, CancellationToken.None);
        Assert.Equal(version!.Markdown, Encoding.UTF8.GetString(bytes));
        Assert.Single(await AccessTestData.AuditAsync(portal.Services, e =>
            e is { Action: "download", Outcome: "allowed", DocumentId: "retro-2026-618-campaign", Version: 1 } && e.Principal == TestUsers.Alice.Principal()));
    }

    [Fact]
    public async Task An_unreadable_document_is_404_and_a_restricted_one_without_a_grant_is_403_both_audited()
    {
        var (id, word) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Bob, id, word, Confidentiality.Restricted, readers: [TestUsers.Alice.Principal()]);
        var alice = await portal.CreateReadyClientAsync();
        await alice.SignInAsync("alice");
        var dave = await portal.CreateReadyClientAsync();
        await dave.SignInAsync("dave");
        var bob = await portal.CreateReadyClientAsync();
        await bob.SignInAsync("bob");

        var readerView = await alice.GetDocumentAsync("/Documents/" + id);
        var reader = await alice.GetPageAsync($"/Documents/{id}/Download");
        var outsider = await dave.GetPageAsync($"/Documents/{id}/Download");
        var owner = await bob.GetPageAsync($"/Documents/{id}/Download");
        var missing = await bob.GetPageAsync("/Documents/no-such-document/Download");

        Assert.Null(readerView.QuerySelector(".download-link"));
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var audit = await AccessTestData.AuditAsync(portal.Services, e => e.Action == "download" && e.DocumentId == id);
        Assert.Equal(
            [(TestUsers.Alice.Principal(), "denied"), (TestUsers.Dave.Principal(), "denied"), (TestUsers.Bob.Principal(), "allowed")],
            audit.Select(e => (e.Principal, e.Outcome)));
    }

    [Theory]
    [InlineData("Weekly report W47", "attachment; filename=\"x.md\"; filename*=UTF-8''Weekly%20report%20W47.md")]
    [InlineData("a/b\\c: \"d\"?", "attachment; filename=\"x.md\"; filename*=UTF-8''a_b_c_%20_d__.md")]
    [InlineData("复盘", "attachment; filename=\"x.md\"; filename*=UTF-8''%E5%A4%8D%E7%9B%98.md")]
    [InlineData("  ...  ", "attachment; filename=\"x.md\"; filename*=UTF-8''document.md")]
    [InlineData("100% done; ok", "attachment; filename=\"x.md\"; filename*=UTF-8''100%25%20done%3B%20ok.md")]
    public void The_file_name_is_percent_encoded_and_free_of_path_and_reserved_characters(string title, string header) =>
        Assert.Equal(header, DownloadFileName.ContentDisposition(title, "x.md"));
}

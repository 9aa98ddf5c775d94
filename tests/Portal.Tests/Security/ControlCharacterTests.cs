using System.Net;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Access;
using KnowledgeHub.Portal.Tests.Api;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Portal.Tests.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Security;

/// <summary>
/// Issue 8 row 7: NUL (and the other C0 controls but tab, CR, LF) anywhere in a form or query is a 400 with a
/// sentence and writes nothing; whitespace-only bodies are kept as they were; bidirectional controls are removed from
/// titles and file names.
/// </summary>
public sealed class ControlCharacterTests(TestSignInPortalFactory portal) : IClassFixture<TestSignInPortalFactory>
{
    [Theory]
    [InlineData("Form.Title", "Title\0with NUL")]
    [InlineData("Form.Markdown", "Body \u0001 with SOH")]
    [InlineData("Form.ChangeNote", "\u001b[31mred")]
    public async Task A_control_character_in_any_edit_field_is_a_400_with_a_sentence_and_nothing_is_saved(string field, string value)
    {
        var (id, word) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Bob, id, word, Confidentiality.Internal);
        var bob = await portal.CreateReadyClientAsAsync(TestUsers.Bob);
        var fields = new Dictionary<string, string> { ["Form.Title"] = "Fine", ["Form.Markdown"] = "Fine.", ["Form.ChangeNote"] = "", ["Form.BaseVersion"] = "1" };
        fields[field] = value;

        var response = await WorkflowSteps.PostFormAsync(bob, $"/Documents/{id}/Edit", fields);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.Contains("control character", StringComparison.Ordinal), body.Replace("\0", "\\0", StringComparison.Ordinal)[..Math.Min(body.Length, 3000)]);
        Assert.Equal(1, (await portal.Services.GetRequiredService<DocumentRepository>().GetManifestAsync(id, CancellationToken.None))!.CurrentVersion);
    }

    [Fact]
    public async Task A_control_character_in_a_query_is_a_400_with_a_sentence_on_pages_and_the_API()
    {
        var dave = await portal.CreateReadyClientAsAsync(TestUsers.Dave);

        var page = await dave.GetPageAsync("/Search?q=" + Uri.EscapeDataString("复盘\0"));
        var api = await ApiJson.ProblemAsync(await dave.GetPageAsync("/api/v1/search?q=" + Uri.EscapeDataString("a\u0007b")), HttpStatusCode.BadRequest);
        var tab = await dave.GetPageAsync("/Search?q=" + Uri.EscapeDataString("复盘\t618\r\n"));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("control character", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("control character", api.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, tab.StatusCode);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\n")]
    [InlineData("  \n\t  \n")]
    [InlineData("\u3000")]
    [InlineData("\uFEFF")]
    public async Task A_whitespace_only_body_is_saved_and_read_back_as_it_was(string body)
    {
        var (id, word) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Bob, id, word, Confidentiality.Internal);
        var bob = await portal.CreateReadyClientAsAsync(TestUsers.Bob);

        var saved = await WorkflowSteps.PostFormAsync(bob, $"/Documents/{id}/Edit", new Dictionary<string, string>
        {
            ["Form.Title"] = "Whitespace", ["Form.Markdown"] = body, ["Form.ChangeNote"] = "", ["Form.BaseVersion"] = "1",
        });
        var download = await bob.GetPageAsync($"/Documents/{id}/Download");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(body), await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Bidirectional_controls_are_removed_from_a_saved_title_and_from_titles_in_search_hits()
    {
        var (id, word) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Bob, id, word, Confidentiality.Internal, title: "invoice\u202Efdp.exe");
        var bob = await portal.CreateReadyClientAsAsync(TestUsers.Bob);

        var saved = await WorkflowSteps.PostFormAsync(bob, $"/Documents/{id}/Edit", new Dictionary<string, string>
        {
            ["Form.Title"] = "report\u2066\u202Egnp.exe\u2069", ["Form.Markdown"] = "Text " + word, ["Form.ChangeNote"] = "", ["Form.BaseVersion"] = "1",
        });
        var stored = await portal.Services.GetRequiredService<DocumentRepository>().GetVersionAsync(id, 2, CancellationToken.None);
        var hits = await bob.GetDocumentAsync("/Search?q=" + word);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("reportgnp.exe", stored!.Title);
        Assert.Equal("invoicefdp.exe", hits.QuerySelector(".hit .hit-title")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("\u2067photo\u2069.jpg", "photo.jpg")]
    [InlineData("a\u200Eb\u200Fc\u061Cd.pdf", "abcd.pdf")]
    [InlineData("tab\there\u0000.txt", "tabhere.txt")]
    [InlineData("报告.pdf", "报告.pdf")]
    public void File_names_lose_bidirectional_and_control_characters(string name, string expected) =>
        Assert.Equal(expected, UnicodeControls.CleanFileName(name));
}

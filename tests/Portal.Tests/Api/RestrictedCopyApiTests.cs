using System.Net;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Access;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Api;

/// <summary>
/// Issue 8 row 3: the API's document answer carries the Markdown, so it is a copy taken away. A listed reader of a
/// Restricted document without a download grant gets 403 with a sentence — as on /Download — and the attempt is
/// audited as a denied download; the owner still gets the text.
/// </summary>
public sealed class RestrictedCopyApiTests(TestSignInPortalFactory portal) : IClassFixture<TestSignInPortalFactory>
{
    [Fact]
    public async Task A_reader_of_a_Restricted_document_without_a_grant_gets_403_and_no_text_from_the_API()
    {
        var (id, word) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Bob, id, word, Confidentiality.Restricted, readers: [TestUsers.Dave.Principal()]);
        var dave = await portal.CreateReadyClientAsAsync(TestUsers.Dave);
        var bob = portal.CreateClientAs(TestUsers.Bob);

        var refused = await dave.GetPageAsync("/api/v1/documents/" + id);
        var body = await refused.Content.ReadAsStringAsync();
        var problem = await ApiJson.ProblemAsync(refused, HttpStatusCode.Forbidden);
        var download = await dave.GetPageAsync($"/Documents/{id}/Download");
        var page = await dave.GetPageAsync("/Documents/" + id);
        var owner = await ApiJson.ReadAsync(await bob.GetPageAsync("/api/v1/documents/" + id), HttpStatusCode.OK);

        Assert.Contains("Restricted", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(word, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(word, owner.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        var audit = await AccessTestData.AuditAsync(portal.Services, e => e.DocumentId == id && e.Principal == TestUsers.Dave.Principal());
        Assert.Contains(audit, e => e.Action == AuditActions.Download && e.Outcome == AuditActions.Denied);
        Assert.DoesNotContain(audit, e => e.Action == AuditActions.View && e.Outcome == AuditActions.Allowed && e.Version is null);
    }

    [Fact]
    public async Task A_listed_reader_of_a_Confidential_document_still_gets_the_text()
    {
        var (id, word) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Bob, id, word, Confidentiality.Confidential, readers: [TestUsers.Dave.Principal()]);
        var dave = await portal.CreateReadyClientAsAsync(TestUsers.Dave);

        var json = await ApiJson.ReadAsync(await dave.GetPageAsync("/api/v1/documents/" + id), HttpStatusCode.OK);

        Assert.Contains(word, json.GetProperty("markdown").GetString(), StringComparison.Ordinal);
    }
}

using System.Net;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Access;

/// <summary>Issue 8 row 9 (brief row 7): opening History, a Version or Compare is audited, allowed and denied, as every view is.</summary>
public sealed class HistoryAuditTests(TestSignInPortalFactory portal) : IClassFixture<TestSignInPortalFactory>
{
    [Fact]
    public async Task History_version_and_compare_are_audited_when_allowed()
    {
        var id = await TwoVersionsAsync(Confidentiality.Internal);
        var dave = await portal.CreateReadyClientAsAsync(TestUsers.Dave);

        Assert.Equal(HttpStatusCode.OK, (await dave.GetPageAsync($"/Documents/{id}/History")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dave.GetPageAsync($"/Documents/{id}/Versions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dave.GetPageAsync($"/Documents/{id}/Compare?from=1&to=2")).StatusCode);

        var audit = await AuditOfAsync(id, TestUsers.Dave);
        Assert.Contains((AuditActions.ViewHistory, (int?)null, AuditActions.Allowed), audit);
        Assert.Contains((AuditActions.View, (int?)1, AuditActions.Allowed), audit);
        Assert.Contains((AuditActions.Compare, (int?)2, AuditActions.Allowed), audit);
    }

    [Fact]
    public async Task History_version_and_compare_are_audited_when_denied()
    {
        var id = await TwoVersionsAsync(Confidentiality.Confidential);
        var dave = await portal.CreateReadyClientAsAsync(TestUsers.Dave);

        Assert.Equal(HttpStatusCode.NotFound, (await dave.GetPageAsync($"/Documents/{id}/History")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dave.GetPageAsync($"/Documents/{id}/Versions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dave.GetPageAsync($"/Documents/{id}/Compare?from=1&to=2")).StatusCode);

        var audit = await AuditOfAsync(id, TestUsers.Dave);
        Assert.Contains((AuditActions.ViewHistory, (int?)null, AuditActions.Denied), audit);
        Assert.Contains((AuditActions.View, (int?)1, AuditActions.Denied), audit);
        Assert.Contains((AuditActions.Compare, (int?)2, AuditActions.Denied), audit);
        Assert.DoesNotContain(audit, e => e.Outcome == AuditActions.Allowed);
    }

    private async Task<List<(string Action, int? Version, string Outcome)>> AuditOfAsync(string id, TestIdentity who) =>
        (await AccessTestData.AuditAsync(portal.Services, e => e.DocumentId == id && e.Principal == who.Principal()))
            .Select(e => (e.Action, e.Version, e.Outcome))
            .ToList();

    /// <summary>A published document (v1) republished at v2, owned by Bob.</summary>
    private async Task<string> TwoVersionsAsync(Confidentiality confidentiality)
    {
        var (id, word) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Bob, id, word, confidentiality);
        var documents = portal.Services.GetRequiredService<DocumentRepository>();
        var bob = TestUsers.Bob.AsCaller();
        await documents.SaveAsync(new DocumentEdit { Id = id, BaseVersion = 1, Title = "Second", Markdown = "Second text.\n" }, bob, CancellationToken.None);
        await documents.UpdateManifestAsync(id, m => m with { PublishedVersion = 2, Status = DocumentStatus.Published }, bob, CancellationToken.None);
        return id;
    }
}

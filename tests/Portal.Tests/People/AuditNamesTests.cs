using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Pages.Admin.Audit;
using KnowledgeHub.Portal.People;
using KnowledgeHub.Portal.Tests.Access;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.People;

/// <summary>The audit page's names: people by name, documents by title only where the viewer may read them.</summary>
public sealed class AuditNamesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_document_the_viewer_may_not_read_keeps_its_id_and_people_get_their_names()
    {
        await portal.CreateReadyClientAsync();
        var (id, word) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Alice, id, word, Confidentiality.Confidential, title: "Hidden title " + word);
        var entries = new List<AuditEntry>
        {
            new(DateTimeOffset.UtcNow, TestUsers.Bob.Principal(), "", "view", id, 1, "allowed"),
            new(DateTimeOffset.UtcNow, TestUsers.Alice.Principal(), "王丽 Alice Wang", "view", "retro-2026-618-campaign", 1, "allowed"),
            new(DateTimeOffset.UtcNow, "user:00000000-0000-4000-8000-0000000000aa", "Gone User", "view", "no-such-document", null, "denied"),
        };
        using var scope = portal.Services.CreateScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleNames>();
        var documents = scope.ServiceProvider.GetRequiredService<DocumentRepository>();

        var forDave = await AuditNames.ForAsync(entries, TestUsers.Dave.AsCaller(), documents, people, CancellationToken.None);
        var forAlice = await AuditNames.ForAsync(entries, TestUsers.Alice.AsCaller(), documents, people, CancellationToken.None);

        Assert.Null(forDave.TitleOf(id));
        Assert.Equal("Hidden title " + word, forAlice.TitleOf(id));
        Assert.NotNull(forDave.TitleOf("retro-2026-618-campaign"));
        Assert.Null(forAlice.TitleOf("no-such-document"));
        Assert.Equal("陈波 Bob Chen", forDave.PersonOf(entries[0]));
        Assert.Equal("Gone User", forDave.PersonOf(entries[2]));
    }
}

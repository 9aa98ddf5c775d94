using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Access;

/// <summary>Restricted documents are never in feeds or previews: not on the home page, and search hits show the title only.</summary>
public sealed class RestrictedTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_restricted_document_is_not_in_the_recent_documents_but_its_page_opens_for_a_listed_reader()
    {
        var (id, word) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Bob, id, word, Confidentiality.Restricted,
            readers: [TestUsers.Alice.Principal()], title: "Restricted pricing memo " + word);
        var (visibleId, visibleWord) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Bob, visibleId, visibleWord, Confidentiality.Confidential,
            readers: [TestUsers.Alice.Principal()], title: "Confidential pricing memo " + visibleWord);
        var alice = await portal.CreateReadyClientAsync();
        await alice.SignInAsync("alice");

        var home = await alice.GetDocumentAsync("/");
        var page = await alice.GetDocumentAsync("/Documents/" + id);

        var recent = home.QuerySelectorAll(".doc-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/Documents/" + visibleId, recent);
        Assert.DoesNotContain("/Documents/" + id, recent);
        Assert.Contains("Restricted", page.QuerySelector(".doc-header .confidentiality")!.TextContent);
    }

    [Fact]
    public async Task A_restricted_search_hit_shows_its_title_without_a_snippet()
    {
        var (id, word) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Bob, id, word, Confidentiality.Restricted,
            readers: [TestUsers.Alice.Principal()], title: "Restricted memo " + word);
        var (otherId, _) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Bob, otherId, word, Confidentiality.Confidential,
            readers: [TestUsers.Alice.Principal()], title: "Confidential memo " + word);
        var alice = await portal.CreateReadyClientAsync();
        await alice.SignInAsync("alice");

        var results = await alice.GetDocumentAsync("/Search?q=" + word);

        var restricted = results.QuerySelectorAll(".hit").Single(h => h.QuerySelector($"a[href='/Documents/{id}']") is not null);
        var confidential = results.QuerySelectorAll(".hit").Single(h => h.QuerySelector($"a[href='/Documents/{otherId}']") is not null);
        Assert.Contains(word, restricted.QuerySelector(".hit-title")!.TextContent);
        Assert.Null(restricted.QuerySelector(".snippet"));
        Assert.Contains("for the access tests", confidential.QuerySelector(".snippet")!.TextContent);
    }
}

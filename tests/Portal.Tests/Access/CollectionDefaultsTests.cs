using System.Net;
using AngleSharp.Html.Dom;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Tests.Access;

public sealed class CollectionDefaultsTests
{
    public static TheoryData<string, Confidentiality, Confidentiality, string[]> Defaults => new()
    {
        // collection              template default             result                       readers
        { "Competitor research", Confidentiality.Confidential, Confidentiality.Confidential, [CollectionCatalog.ResearchGroup] },
        { "User research", Confidentiality.Internal, Confidentiality.Confidential, [CollectionCatalog.ResearchGroup] },
        { "User research", Confidentiality.Restricted, Confidentiality.Restricted, [CollectionCatalog.ResearchGroup] },
        { "Reports", Confidentiality.Internal, Confidentiality.Internal, [] },
        { "Retrospectives", Confidentiality.Confidential, Confidentiality.Confidential, [] },
        { "No such collection", Confidentiality.Internal, Confidentiality.Internal, [] },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public void A_new_document_takes_its_collections_readers_and_the_stricter_confidentiality(
        string collection, Confidentiality template, Confidentiality expected, string[] readers)
    {
        var catalog = new CollectionCatalog(Options.Create(new CollectionOptions()));

        var applied = catalog.Apply(new NewDocument { Type = "x", Title = "t", Markdown = "", Collection = collection, Confidentiality = template });

        Assert.Equal(expected, applied.Confidentiality);
        Assert.Equal(readers, applied.Readers);
    }

    [Fact]
    public async Task A_document_created_on_the_new_page_takes_the_configured_defaults_of_its_collection()
    {
        await using var portal = PortalFactory.With("Development", new Dictionary<string, string>
        {
            ["Collections:Retrospectives:Confidentiality"] = "Confidential",
            ["Collections:Retrospectives:Readers:0"] = "group:" + TestUsers.Research,
            ["Collections:Retrospectives:Editors:0"] = "user:" + TestUsers.Carol.ObjectId,
        });
        var alice = await portal.CreateReadyClientAsync();
        await alice.SignInAsync("alice");
        var bob = await portal.CreateReadyClientAsync();
        await bob.SignInAsync("bob");
        var dave = await portal.CreateReadyClientAsync();
        await dave.SignInAsync("dave");
        var form = await alice.GetDocumentAsync("/Documents/New?type=retrospective");

        var created = await alice.SubmitAsync(form.QuerySelector<IHtmlFormElement>("form.doc-form")!, values: new Dictionary<string, string>
        {
            ["Form.Title"] = "研究组复盘 Research retro",
            ["Form.Markdown"] = "Only the research group reads this.",
        });
        var url = created.Headers.Location!.OriginalString;
        var manifest = await portal.Services.GetRequiredService<DocumentRepository>().GetManifestAsync(url["/Documents/".Length..], CancellationToken.None);

        Assert.Equal(Confidentiality.Confidential, manifest!.Confidentiality);
        Assert.Equal(["group:" + TestUsers.Research], manifest.Readers);
        Assert.Equal(["user:" + TestUsers.Carol.ObjectId], manifest.Editors);
        Assert.Equal(HttpStatusCode.OK, (await bob.GetPageAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dave.GetPageAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_collection_naming_something_that_is_not_a_principal_stops_the_portal_with_a_sentence()
    {
        var error = await PortalFactory.StartErrorAsync("Development", new Dictionary<string, string>
        {
            ["Collections:Reports:Readers:0"] = "research",
        });

        Assert.IsType<OptionsValidationException>(error);
        Assert.Contains("Collections:Reports:Readers holds 'research', which is not a principal", error.Message);
    }
}

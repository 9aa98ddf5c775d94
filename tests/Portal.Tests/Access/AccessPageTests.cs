using System.Net;
using AngleSharp.Html.Dom;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Access;

public sealed class AccessPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Making_a_document_confidential_removes_it_from_a_readers_search_at_once_and_its_page_becomes_404()
    {
        var (id, word) = AccessTestData.NewName();
        var alice = await portal.CreateReadyClientAsync();
        alice.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await alice.SignInAsync("alice");
        var dave = await portal.CreateReadyClientAsync();
        await dave.SignInAsync("dave");
        var bob = await portal.CreateReadyClientAsync();
        await bob.SignInAsync("bob");
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Alice, id, word, Confidentiality.Internal);
        Assert.Single((await dave.GetDocumentAsync("/Search?q=" + word)).QuerySelectorAll($".hit a[href='/Documents/{id}']"));

        var form = await alice.GetDocumentAsync($"/Documents/{id}/Access");
        var saved = await alice.SubmitAsync(form.QuerySelector<IHtmlFormElement>("form.access-form")!, values: new Dictionary<string, string>
        {
            ["Form.Confidentiality"] = "Confidential",
            ["Form.Readers"] = "bob",
        });
        var after = await alice.FollowAsync(saved);

        Assert.Equal($"/Documents/{id}/Access", saved.Headers.Location!.OriginalString);
        Assert.Contains("Access saved", after.QuerySelector(".saved")!.TextContent);
        Assert.Empty((await dave.GetDocumentAsync("/Search?q=" + word)).QuerySelectorAll(".hit"));
        Assert.Equal(HttpStatusCode.NotFound, (await dave.GetPageAsync("/Documents/" + id)).StatusCode);
        Assert.Single((await bob.GetDocumentAsync("/Search?q=" + word)).QuerySelectorAll($".hit a[href='/Documents/{id}']"));
        var manifest = await portal.Services.GetRequiredService<DocumentRepository>().GetManifestAsync(id, CancellationToken.None);
        Assert.Equal(Confidentiality.Confidential, manifest!.Confidentiality);
        Assert.Equal([TestUsers.Bob.Principal()], manifest.Readers);
        Assert.Equal(TestUsers.Alice.Principal(), manifest.Owner);
        Assert.Single(await AccessTestData.AuditAsync(portal.Services, e =>
            e is { Action: "share", Outcome: "allowed" } && e.DocumentId == id && e.Principal == TestUsers.Alice.Principal()));
    }

    [Fact]
    public async Task The_form_shows_the_lists_with_user_names_and_offers_the_known_groups()
    {
        var (id, word) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Alice, id, word, Confidentiality.Restricted,
            readers: [TestUsers.Dave.Principal(), AccessTestData.ResearchGroup], editors: [TestUsers.Bob.Principal()]);
        var alice = await portal.CreateReadyClientAsync();
        await alice.SignInAsync("alice");

        var page = await alice.GetDocumentAsync($"/Documents/{id}/Access");

        Assert.Equal("Restricted", page.QuerySelector<IHtmlSelectElement>("select[name='Form.Confidentiality']")!.Value);
        Assert.Equal(["周迪 Dave Zhou <dave@knowledgehub.local>", "研究组 Research"], Lines(page, "Form.Readers"));
        Assert.Equal(["陈波 Bob Chen <bob@knowledgehub.local>"], Lines(page, "Form.Editors"));
        Assert.DoesNotContain(TestUsers.Research, page.QuerySelector("form.access-form")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(page.QuerySelector("[data-people-picker][data-target='Form_Readers'] input[role=combobox]"));
        Assert.Contains("王丽 Alice Wang", page.QuerySelector(".owner")!.TextContent);
    }

    [Theory]
    [InlineData("Form.Readers", "nobody-by-that-name", "“nobody-by-that-name” is not a person or group we know")]
    [InlineData("Form.Readers", "user:not-a-guid", "“user:not-a-guid” cannot be read: user: and group: need an object id")]
    [InlineData("Form.Editors", "role:Owner", "“role:Owner” cannot be read")]
    [InlineData("Form.Readers", "everyone", "“everyone” cannot be listed: choose Internal")]
    public async Task An_entry_that_is_not_a_principal_is_a_form_error_and_nothing_is_written(string field, string entry, string sentence)
    {
        var (id, word) = AccessTestData.NewName();
        var before = await AccessTestData.CreateAsync(portal.Services, TestUsers.Alice, id, word, Confidentiality.Confidential, readers: [AccessTestData.ResearchGroup]);
        var alice = await portal.CreateReadyClientAsync();
        alice.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await alice.SignInAsync("alice");
        var form = await alice.GetDocumentAsync($"/Documents/{id}/Access");

        var response = await alice.SubmitAsync(form.QuerySelector<IHtmlFormElement>("form.access-form")!, values: new Dictionary<string, string>
        {
            ["Form.Confidentiality"] = "Internal",
            [field] = "bob\n" + entry,
        });
        var page = await HtmlHelpers.GetDocumentAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(sentence, page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent);
        Assert.Contains(entry, page.QuerySelector<IHtmlTextAreaElement>($"textarea[name='{field}']")!.Value); // what was typed stays
        var after = await portal.Services.GetRequiredService<DocumentRepository>().GetManifestAsync(id, CancellationToken.None);
        Assert.Equal(AccessTestData.Json(before), AccessTestData.Json(after));
        Assert.Empty(await AccessTestData.AuditAsync(portal.Services, e => e.Action == "share" && e.DocumentId == id));
    }

    [Fact]
    public async Task A_reader_who_may_not_edit_gets_403_and_a_post_changes_nothing()
    {
        var (id, word) = AccessTestData.NewName();
        var before = await AccessTestData.CreateAsync(portal.Services, TestUsers.Alice, id, word, Confidentiality.Internal);
        var dave = await portal.CreateReadyClientAsync();
        await dave.SignInAsync("dave");
        var token = (await dave.GetDocumentAsync("/")).QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;

        var page = await dave.GetPageAsync($"/Documents/{id}/Access");
        var post = await dave.PostAsync(new Uri($"/Documents/{id}/Access", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.Confidentiality"] = "Internal",
            ["Form.Readers"] = "",
            ["Form.Editors"] = "dave",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Null((await dave.GetDocumentAsync("/Documents/" + id)).QuerySelector($"a[href='/Documents/{id}/Access']"));
        Assert.Equal(AccessTestData.Json(before), AccessTestData.Json(await portal.Services.GetRequiredService<DocumentRepository>().GetManifestAsync(id, CancellationToken.None)));
        Assert.Equal(2, (await AccessTestData.AuditAsync(portal.Services, e =>
            e is { Action: "share", Outcome: "denied" } && e.DocumentId == id && e.Principal == TestUsers.Dave.Principal())).Count);
    }

    [Fact]
    public async Task Someone_who_may_not_read_the_document_gets_404_from_the_access_page()
    {
        var (id, word) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Bob, id, word, Confidentiality.Confidential);
        var alice = await portal.CreateReadyClientAsync();
        await alice.SignInAsync("alice");

        var response = await alice.GetPageAsync($"/Documents/{id}/Access");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("bob")]   // a listed editor
    [InlineData("carol")] // an Admin on no list
    public async Task An_editor_or_an_admin_may_restrict_the_document_and_the_owner_keeps_access(string manager)
    {
        var (id, word) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Alice, id, word, Confidentiality.Internal, editors: [TestUsers.Bob.Principal()]);
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync(manager);
        var alice = await portal.CreateReadyClientAsync();
        await alice.SignInAsync("alice");
        var view = await client.GetDocumentAsync("/Documents/" + id);
        var form = await client.GetDocumentAsync(view.QuerySelector<IHtmlAnchorElement>($"a[href='/Documents/{id}/Access']")!.GetAttribute("href")!);

        var saved = await client.SubmitAsync(form.QuerySelector<IHtmlFormElement>("form.access-form")!, values: new Dictionary<string, string>
        {
            ["Form.Confidentiality"] = "Restricted",
            ["Form.Readers"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetPageAsync("/Documents/" + id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetPageAsync($"/Documents/{id}/Access")).StatusCode);
        var manifest = await portal.Services.GetRequiredService<DocumentRepository>().GetManifestAsync(id, CancellationToken.None);
        Assert.Equal(Confidentiality.Restricted, manifest!.Confidentiality);
        Assert.Equal(TestUsers.Alice.Principal(), manifest.Owner);
    }

    private static string[] Lines(IDocument page, string name) =>
        page.QuerySelector<IHtmlTextAreaElement>($"textarea[name='{name}']")!.Value
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

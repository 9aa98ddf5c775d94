using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Access;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.People;

/// <summary>The pickers over the local demo directory: the type-ahead answers by name, and the access form takes names.</summary>
public sealed class LocalPeopleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("陈", "user:b0b00000-0000-4000-8000-000000000002", "user")]
    [InlineData("bob", "user:b0b00000-0000-4000-8000-000000000002", "user")]
    [InlineData("Alice", "user:a11ce000-0000-4000-8000-000000000001", "user")]
    [InlineData("研究", "group:2e5ea2c4-0000-4000-8000-00000000a002", "group")]
    [InlineData("research", "group:2e5ea2c4-0000-4000-8000-00000000a002", "group")]
    public async Task The_type_ahead_finds_people_and_groups_by_the_start_of_a_name_or_user_name(string typed, string principal, string kind)
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");

        var found = await SearchAsync(client, typed);

        var hit = Assert.Single(found, f => f.GetProperty("principal").GetString() == principal);
        Assert.Equal(kind, hit.GetProperty("kind").GetString());
        Assert.False(string.IsNullOrEmpty(hit.GetProperty("name").GetString()));
        Assert.DoesNotContain(principal["user:".Length..], hit.GetProperty("input").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_type_ahead_answers_nothing_for_an_empty_or_unknown_name_and_can_be_limited_to_groups()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("dave");

        Assert.Empty(await SearchAsync(client, ""));
        Assert.Empty(await SearchAsync(client, "zzz-nobody"));
        Assert.Empty(await SearchAsync(client, new string('a', 101)));
        var groups = await SearchAsync(client, "r", "group");
        Assert.NotEmpty(groups);
        Assert.All(groups, g => Assert.Equal("group", g.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task The_type_ahead_is_for_signed_in_users_only()
    {
        var client = await portal.CreateReadyClientAsync();

        var response = await client.GetAsync(new Uri("/People/Search?q=bob", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("b0b00000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_access_form_takes_names_e_mail_addresses_and_group_names_and_shows_them_back_as_names()
    {
        var (id, word) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Alice, id, word, Confidentiality.Confidential);
        var alice = await portal.CreateReadyClientAsync();
        await alice.SignInAsync("alice");
        var form = await alice.GetDocumentAsync($"/Documents/{id}/Access");

        var saved = await alice.SubmitAsync(form.QuerySelector<IHtmlFormElement>("form.access-form")!, values: new Dictionary<string, string>
        {
            ["Form.Confidentiality"] = "Confidential",
            ["Form.Readers"] = "陈波 Bob Chen\ndave@knowledgehub.local\n研究组 Research",
            ["Form.Editors"] = "Whatever Name <carol@knowledgehub.local>",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var manifest = await portal.Services.GetRequiredService<DocumentRepository>().GetManifestAsync(id, CancellationToken.None);
        Assert.Equal([TestUsers.Bob.Principal(), TestUsers.Dave.Principal(), AccessTestData.ResearchGroup], manifest!.Readers);
        Assert.Equal([Caller.UserPrincipal("ca201000-0000-4000-8000-000000000003")], manifest.Editors);
        var again = await alice.GetDocumentAsync($"/Documents/{id}/Access");
        var readers = again.QuerySelector<IHtmlTextAreaElement>("textarea[name='Form.Readers']")!.Value;
        Assert.Contains("陈波 Bob Chen", readers);
        Assert.Contains("研究组 Research", readers);
        Assert.DoesNotContain("b0b00000", readers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_submit_form_offers_a_reviewer_picker_inside_the_reviewer_choices()
    {
        var id = "people-review-" + Guid.NewGuid().ToString("N")[..8];
        await portal.Services.GetRequiredService<DocumentRepository>().CreateAsync(
            new NewDocument { Id = id, Type = "retrospective", Title = "Picker test", Markdown = "text\n", Collection = "Retrospectives" },
            TestUsers.Alice.AsCaller(), CancellationToken.None);
        var alice = await portal.CreateReadyClientAsync();
        await alice.SignInAsync("alice");

        var page = await alice.GetDocumentAsync("/Documents/" + id);

        Assert.NotNull(page.QuerySelector("form.submit-form fieldset.reviewer-picker [data-people-picker] input[role=combobox]"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/people-picker.js']"));
    }

    private static async Task<List<JsonElement>> SearchAsync(HttpClient client, string q, string? kind = null)
    {
        var url = "/People/Search?q=" + Uri.EscapeDataString(q) + (kind is null ? "" : "&kind=" + kind);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}

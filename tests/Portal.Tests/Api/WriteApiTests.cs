using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Api;

/// <summary>Create and update through the API: the same rules as the New and Edit pages, If-Match against lost updates, sentences for bad bodies.</summary>
public sealed class WriteApiTests(TestSignInPortalFactory portal) : IClassFixture<TestSignInPortalFactory>
{
    [Fact]
    public async Task A_contributor_creates_a_draft_from_a_template_and_finds_it_by_a_word_inside()
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);
        var body = await WriteApi.ConformantAsync(alice, "retrospective", "API 复盘 zebrafinch", "The word zebrafinch is here.\n");

        using var created = await alice.SendJsonAsync(HttpMethod.Post, "/api/v1/documents", body);

        var json = await ApiJson.ReadAsync(created, HttpStatusCode.Created);
        var id = json.GetProperty("id").GetString()!;
        Assert.Equal("\"1\"", WriteApi.ETag(created));
        Assert.Equal("/api/v1/documents/" + id, created.Headers.Location!.OriginalString);
        Assert.Equal("Draft", json.GetProperty("status").GetString());
        var read = await alice.GetAsync(new Uri("/api/v1/documents/" + id, UriKind.Relative));
        var document = await ApiJson.ReadAsync(read, HttpStatusCode.OK);
        Assert.Equal("API 复盘 zebrafinch", document.GetProperty("title").GetString());
        Assert.Equal("\"1\"", WriteApi.ETag(read));
        var search = await ApiJson.ReadAsync(await alice.GetAsync(new Uri("/api/v1/search?q=zebrafinch", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Contains(id, ApiJson.Ids(search));
    }

    [Fact]
    public async Task A_reader_may_not_create_and_is_told_why()
    {
        var dave = await portal.CreateReadyClientAsAsync(TestUsers.Dave);
        var body = await WriteApi.ConformantAsync(dave, "retrospective", "Not allowed");

        var problem = await ApiJson.ProblemAsync(await dave.SendJsonAsync(HttpMethod.Post, "/api/v1/documents", body), HttpStatusCode.Forbidden);

        Assert.Contains("Contributor", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("""{"type":"no-such-type","title":"x"}""", "application/json", HttpStatusCode.BadRequest, "template")]
    [InlineData("""{"type":"retrospective","title":""}""", "application/json", HttpStatusCode.BadRequest, "title")]
    [InlineData("""{"type":"retrospective"}""", "application/json", HttpStatusCode.BadRequest, "required member")]
    [InlineData("""{"type":"retrospective","title":"x",""", "application/json", HttpStatusCode.BadRequest, "line 1")]
    [InlineData("""{"type":"retrospective","title":"x","tags":"not-a-list"}""", "application/json", HttpStatusCode.BadRequest, "$.tags")]
    [InlineData("""{"type":"retrospective","title":"x","markdown":"a\u0000b"}""", "application/json", HttpStatusCode.BadRequest, "control character")]
    [InlineData("""type=retrospective&title=x""", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, "JSON")]
    [InlineData("null", "application/json", HttpStatusCode.BadRequest, "empty")]
    public async Task A_bad_create_body_gets_a_sentence_and_writes_nothing(string body, string contentType, HttpStatusCode status, string said)
    {
        var carol = await portal.CreateReadyClientAsAsync(TestUsers.Carol);
        var before = await CountAsync();

        using var response = await carol.PostAsync(new Uri("/api/v1/documents", UriKind.Relative), new StringContent(body, Encoding.UTF8, contentType));

        var problem = await ApiJson.ProblemAsync(response, status);
        Assert.Contains(said, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Markdown_past_the_cap_is_413_and_a_body_past_the_limit_is_413_before_it_is_read()
    {
        var carol = await portal.CreateReadyClientAsAsync(TestUsers.Carol);
        var longText = new JsonObject { ["type"] = "retrospective", ["title"] = "Long", ["markdown"] = new string('a', 1_000_001) };
        var huge = new JsonObject { ["type"] = "retrospective", ["title"] = "Huge", ["markdown"] = new string('b', 5 * 1024 * 1024) };

        await ApiJson.ProblemAsync(await carol.SendJsonAsync(HttpMethod.Post, "/api/v1/documents", longText), HttpStatusCode.RequestEntityTooLarge);
        await ApiJson.ProblemAsync(await carol.SendJsonAsync(HttpMethod.Post, "/api/v1/documents", huge), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task An_update_needs_if_match_and_a_stale_etag_is_412_with_the_current_one()
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);
        var id = await CreateAsync(alice, "Update me");
        var update = new JsonObject { ["title"] = "Updated", ["markdown"] = "# Updated\n\nNew text.\n", ["changeNote"] = "API edit" };

        var missing = await ApiJson.ProblemAsync(await alice.SendJsonAsync(HttpMethod.Put, "/api/v1/documents/" + id, update), HttpStatusCode.PreconditionRequired);
        using var saved = await alice.SendJsonAsync(HttpMethod.Put, "/api/v1/documents/" + id, update, "\"1\"");
        using var stale = await alice.SendJsonAsync(HttpMethod.Put, "/api/v1/documents/" + id, update, "\"1\"");
        var garbled = await ApiJson.ProblemAsync(await alice.SendJsonAsync(HttpMethod.Put, "/api/v1/documents/" + id, update, "W/\"x\""), HttpStatusCode.BadRequest);

        Assert.Contains("If-Match", missing.GetProperty("detail").GetString());
        Assert.Equal(2, (await ApiJson.ReadAsync(saved, HttpStatusCode.OK)).GetProperty("version").GetInt32());
        Assert.Equal("\"2\"", WriteApi.ETag(saved));
        var problem = await ApiJson.ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Contains("\"2\"", problem.GetProperty("detail").GetString());
        Assert.Equal("\"2\"", WriteApi.ETag(stale));
        Assert.Contains("If-Match", garbled.GetProperty("detail").GetString());
        var document = await ApiJson.ReadAsync(await alice.GetAsync(new Uri("/api/v1/documents/" + id, UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("Updated", document.GetProperty("title").GetString());
        Assert.Equal(2, document.GetProperty("currentVersion").GetInt32());
    }

    [Theory]
    [InlineData("""{"title":"x","markdown":null}""", "markdown")]
    [InlineData("""{"title":null,"markdown":"x"}""", "title")]
    [InlineData("""{"title":"x","markdown":"x","tags":[null]}""", "tag")]
    [InlineData("""{"title":"x","markdown":"x","fields":{"period":null}}""", null)]
    public async Task Explicit_nulls_in_an_update_are_a_sentence_or_an_empty_value_never_a_500(string body, string? said)
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);
        var id = await CreateAsync(alice, "Nulls");

        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/v1/documents/" + id, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var answer = await alice.SendAsync(request);

        if (said is null)
        {
            await ApiJson.ReadAsync(answer, HttpStatusCode.OK);
        }
        else
        {
            var problem = await ApiJson.ProblemAsync(answer, HttpStatusCode.BadRequest);
            Assert.Contains(said, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Two_updates_from_the_same_version_at_once_save_one_and_refuse_the_other()
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);
        var id = await CreateAsync(alice, "Race");

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => alice.SendJsonAsync(
            HttpMethod.Put, "/api/v1/documents/" + id, new JsonObject { ["title"] = "Race " + i, ["markdown"] = "text " + i }, "\"1\"")));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.PreconditionFailed));
        var document = await ApiJson.ReadAsync(await alice.GetAsync(new Uri("/api/v1/documents/" + id, UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(2, document.GetProperty("currentVersion").GetInt32());
    }

    [Fact]
    public async Task Someone_who_may_read_but_not_edit_gets_403_and_someone_who_may_not_read_gets_404()
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);
        var dave = await portal.CreateReadyClientAsAsync(TestUsers.Dave);
        var id = await CreateAsync(alice, "Alice's own");
        var update = new JsonObject { ["title"] = "Dave's", ["markdown"] = "no" };

        var forbidden = await ApiJson.ProblemAsync(await dave.SendJsonAsync(HttpMethod.Put, "/api/v1/documents/" + id, update, "\"1\""), HttpStatusCode.Forbidden);
        await ApiJson.ProblemAsync(await alice.SendJsonAsync(HttpMethod.Put, "/api/v1/documents/retro-2026-research-pricing", update, "\"1\""), HttpStatusCode.NotFound);
        await ApiJson.ProblemAsync(await alice.SendJsonAsync(HttpMethod.Put, "/api/v1/documents/no-such-document", update, "\"1\""), HttpStatusCode.NotFound);

        Assert.Contains("editors", forbidden.GetProperty("detail").GetString());
    }

    private static async Task<string> CreateAsync(HttpClient client, string title)
    {
        var body = await WriteApi.ConformantAsync(client, "weekly-report", title);
        var json = await ApiJson.ReadAsync(await client.SendJsonAsync(HttpMethod.Post, "/api/v1/documents", body), HttpStatusCode.Created);
        return json.GetProperty("id").GetString()!;
    }

    private async Task<int> CountAsync() =>
        await portal.Services.GetRequiredService<DocumentRepository>().ListAsync(CancellationToken.None).CountAsync();
}

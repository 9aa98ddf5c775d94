using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Api;

/// <summary>Attachments, review steps, action items and lessons through the API, each refused as its page refuses it.</summary>
public sealed class WorkflowApiTests(TestSignInPortalFactory portal) : IClassFixture<TestSignInPortalFactory>
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task An_editor_attaches_a_file_lists_it_and_downloads_the_same_bytes_while_a_reader_may_not_attach()
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);
        var dave = await portal.CreateReadyClientAsAsync(TestUsers.Dave);
        var id = await CreateAsync(alice, "With a file");

        var added = await ApiJson.ReadAsync(await alice.UploadAsync(id, "chart.png", Png, "image/png"), HttpStatusCode.Created);
        var list = await ApiJson.ReadAsync(await alice.GetAsync(new Uri($"/api/v1/documents/{id}/attachments", UriKind.Relative)), HttpStatusCode.OK);
        using var download = await alice.GetAsync(new Uri(added.GetProperty("url").GetString()!, UriKind.Relative));
        var refused = await ApiJson.ProblemAsync(await dave.UploadAsync(id, "x.png", Png, "image/png"), HttpStatusCode.Forbidden);
        var unsupported = await ApiJson.ProblemAsync(await alice.UploadAsync(id, "run.exe", [0x4d, 0x5a, 0x90, 0x00, 0x03], "application/octet-stream"), HttpStatusCode.UnsupportedMediaType);
        var notForm = await ApiJson.ProblemAsync(
            await alice.PostAsync(new Uri($"/api/v1/documents/{id}/attachments", UriKind.Relative), new StringContent("x", Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("chart.png", added.GetProperty("name").GetString());
        Assert.Equal(["chart.png"], list.EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToArray());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("attachment", download.Content.Headers.ContentDisposition!.DispositionType, StringComparison.Ordinal);
        Assert.Contains("editors", refused.GetProperty("detail").GetString());
        Assert.False(string.IsNullOrWhiteSpace(unsupported.GetProperty("detail").GetString()));
        Assert.Contains("multipart/form-data", notForm.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_draft_is_submitted_approved_by_a_reviewer_and_published_and_wrong_steps_are_refused()
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);
        var bob = await portal.CreateReadyClientAsAsync(TestUsers.Bob);
        var id = await CreateAsync(alice, "To review");

        var notAsked = await ApiJson.ProblemAsync(await bob.SendJsonAsync(HttpMethod.Post, $"/api/v1/documents/{id}/approve", new JsonObject()), HttpStatusCode.Forbidden);
        var submitted = await ApiJson.ReadAsync(
            await alice.SendJsonAsync(HttpMethod.Post, $"/api/v1/documents/{id}/submit", new JsonObject { ["reviewers"] = new JsonArray("role:Reviewer") }),
            HttpStatusCode.OK);
        var again = await ApiJson.ProblemAsync(
            await alice.SendJsonAsync(HttpMethod.Post, $"/api/v1/documents/{id}/submit", new JsonObject { ["reviewers"] = new JsonArray("role:Reviewer") }),
            HttpStatusCode.Conflict);
        var own = await ApiJson.ProblemAsync(await alice.SendJsonAsync(HttpMethod.Post, $"/api/v1/documents/{id}/approve", new JsonObject()), HttpStatusCode.Forbidden);
        await ApiJson.ProblemAsync(await bob.SendJsonAsync(HttpMethod.Post, $"/api/v1/documents/{id}/approve", new JsonObject(), "\"9\""), HttpStatusCode.PreconditionFailed);
        var approved = await ApiJson.ReadAsync(await bob.SendJsonAsync(HttpMethod.Post, $"/api/v1/documents/{id}/approve", new JsonObject { ["comment"] = "ok" }), HttpStatusCode.OK);

        Assert.False(string.IsNullOrWhiteSpace(again.GetProperty("detail").GetString()));
        Assert.Contains("reviewer", notAsked.GetProperty("detail").GetString());
        Assert.Equal("InReview", submitted.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(own.GetProperty("detail").GetString()));
        Assert.Equal("Published", approved.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("""{"reviewers":null}""")]
    [InlineData("""{"reviewers":[null]}""")]
    [InlineData("""{}""")]
    public async Task A_submit_without_reviewers_is_refused_with_a_sentence(string body)
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);
        var id = await CreateAsync(alice, "No reviewers");

        using var response = await alice.PostAsync(new Uri($"/api/v1/documents/{id}/submit", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"got {response.StatusCode}");
        await ApiJson.ProblemAsync(response, response.StatusCode);
    }

    [Fact]
    public async Task An_action_item_is_ticked_by_its_number_in_a_new_version_and_listed_as_done()
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);
        var dave = await portal.CreateReadyClientAsAsync(TestUsers.Dave);
        var id = await CreateAsync(alice, "Tasks", "## 行动项 Action items\n\n- [ ] Call the printer @alice due:2026-12-20\n- [ ] Book the hall quokkaroom @alice\n");

        var items = await ApiJson.ReadAsync(await alice.GetAsync(new Uri($"/api/v1/documents/{id}/action-items", UriKind.Relative)), HttpStatusCode.OK);
        var ticked = await ApiJson.ReadAsync(await alice.SendJsonAsync(HttpMethod.Post, $"/api/v1/documents/{id}/action-items/2/done", null), HttpStatusCode.OK);
        var after = await ApiJson.ReadAsync(await alice.GetAsync(new Uri($"/api/v1/documents/{id}/action-items", UriKind.Relative)), HttpStatusCode.OK);
        var done = await ApiJson.ReadAsync(await alice.GetAsync(new Uri("/api/v1/action-items?owner=alice&done=true", UriKind.Relative)), HttpStatusCode.OK);
        await ApiJson.ProblemAsync(await alice.SendJsonAsync(HttpMethod.Post, $"/api/v1/documents/{id}/action-items/9/done", null), HttpStatusCode.NotFound);
        await ApiJson.ProblemAsync(await dave.SendJsonAsync(HttpMethod.Post, $"/api/v1/documents/{id}/action-items/1/done", null), HttpStatusCode.Forbidden);

        Assert.Equal([1, 2], items.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("index").GetInt32()).ToArray());
        Assert.Equal(2, ticked.GetProperty("version").GetInt32());
        Assert.Equal([false, true], after.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("done").GetBoolean()).ToArray());
        var listed = done.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("documentId").GetString() == id).ToList();
        Assert.Equal(["Book the hall quokkaroom"], listed.Select(i => i.GetProperty("text").GetString()).ToArray());
        var document = await ApiJson.ReadAsync(await alice.GetAsync(new Uri("/api/v1/documents/" + id, UriKind.Relative)), HttpStatusCode.OK);
        Assert.Contains("- [x] Book the hall quokkaroom @alice", document.GetProperty("markdown").GetString());
        Assert.Contains("- [ ] Call the printer @alice due:2026-12-20", document.GetProperty("markdown").GetString());
    }

    [Fact]
    public async Task Lessons_are_listed_on_their_own_and_a_page_size_past_the_cap_is_400()
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);

        var lessons = await ApiJson.ReadAsync(await alice.GetAsync(new Uri("/api/v1/lessons?q=618", UriKind.Relative)), HttpStatusCode.OK);
        var refused = await ApiJson.ProblemAsync(await alice.GetAsync(new Uri("/api/v1/lessons?pageSize=500", UriKind.Relative)), HttpStatusCode.BadRequest);

        Assert.True(lessons.GetProperty("total").GetInt32() > 0);
        Assert.All(lessons.GetProperty("lessons").EnumerateArray(), l => Assert.False(string.IsNullOrWhiteSpace(l.GetProperty("text").GetString())));
        Assert.Contains("pageSize", refused.GetProperty("detail").GetString());
    }

    private static async Task<string> CreateAsync(HttpClient client, string title, string extra = "")
    {
        var body = await WriteApi.ConformantAsync(client, "weekly-report", title, extra);
        var json = await ApiJson.ReadAsync(await client.SendJsonAsync(HttpMethod.Post, "/api/v1/documents", body), HttpStatusCode.Created);
        return json.GetProperty("id").GetString()!;
    }
}

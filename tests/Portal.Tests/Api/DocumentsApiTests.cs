using System.Net;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Api;

public sealed class DocumentsApiTests(TestSignInPortalFactory portal) : IClassFixture<TestSignInPortalFactory>
{
    [Fact]
    public async Task A_document_comes_with_its_manifest_fields_and_the_Markdown_of_its_version()
    {
        var dave = await portal.CreateReadyClientAsAsync(TestUsers.Dave);

        var json = await ApiJson.ReadAsync(await dave.GetPageAsync("/api/v1/documents/retro-2026-618-campaign"), HttpStatusCode.OK);

        Assert.Equal(
            ["collection", "confidentiality", "currentVersion", "id", "markdown", "owner", "ownerName", "status", "tags", "title", "type", "updatedUtc", "version"],
            ApiJson.PropertyNames(json));
        Assert.Equal("retro-2026-618-campaign", json.GetProperty("id").GetString());
        Assert.Equal("retrospective", json.GetProperty("type").GetString());
        Assert.Equal("2026 年 618 大促复盘", json.GetProperty("title").GetString());
        Assert.Equal("Published", json.GetProperty("status").GetString());
        Assert.Equal("Internal", json.GetProperty("confidentiality").GetString());
        Assert.Equal("user:" + TestUsers.Alice.ObjectId, json.GetProperty("owner").GetString());
        Assert.Equal(1, json.GetProperty("version").GetInt32());
        Assert.Equal(1, json.GetProperty("currentVersion").GetInt32());
        Assert.Contains("618", json.GetProperty("markdown").GetString());
    }

    [Fact]
    public async Task A_document_the_caller_may_not_read_is_the_same_404_as_one_that_does_not_exist()
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);

        var unreadable = await ApiJson.ProblemAsync(await alice.GetPageAsync("/api/v1/documents/retro-2026-research-pricing"), HttpStatusCode.NotFound);
        var missing = await ApiJson.ProblemAsync(await alice.GetPageAsync("/api/v1/documents/no-such-document"), HttpStatusCode.NotFound);

        foreach (var property in new[] { "status", "title", "detail", "type" })
        {
            Assert.Equal(missing.GetProperty(property).GetRawText(), unreadable.GetProperty(property).GetRawText());
        }

        Assert.Equal(ApiJson.PropertyNames(missing), ApiJson.PropertyNames(unreadable));
        Assert.DoesNotContain("quillfeather", unreadable.GetRawText());
    }

    [Theory]
    [InlineData("..%2F..%2Fmanifest.json")]
    [InlineData("UPPER-case")]
    [InlineData("%E5%A4%8D%E7%9B%98")]
    [InlineData("a%20b")]
    public async Task A_malformed_id_is_a_404_never_a_500(string id)
    {
        var bob = await portal.CreateReadyClientAsAsync(TestUsers.Bob);

        await ApiJson.ProblemAsync(await bob.GetPageAsync("/api/v1/documents/" + id), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reading_through_the_API_is_audited_like_the_page_allowed_and_denied()
    {
        var carol = await portal.CreateReadyClientAsAsync(TestUsers.Carol with { ObjectId = "ca201000-0000-4000-8000-0000000000a7", Roles = ["Reader"] });

        await carol.GetPageAsync("/api/v1/documents/weekly-2026-w47-growth");
        await carol.GetPageAsync("/api/v1/documents/retro-2026-research-pricing");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var entries = new List<AuditEntry>();
        await foreach (var entry in portal.Services.GetRequiredService<AuditLog>().ReadAsync(today.AddDays(-1), today, CancellationToken.None))
        {
            if (entry.Principal == "user:ca201000-0000-4000-8000-0000000000a7")
            {
                entries.Add(entry);
            }
        }

        Assert.Contains(entries, e => e.DocumentId == "weekly-2026-w47-growth" && e.Outcome == "allowed" && e.Version == 1);
        Assert.Contains(entries, e => e.DocumentId == "retro-2026-research-pricing" && e.Outcome == "denied");
    }

    [Fact]
    public async Task An_unknown_API_route_is_a_404_in_JSON()
    {
        var bob = await portal.CreateReadyClientAsAsync(TestUsers.Bob);

        await ApiJson.ProblemAsync(await bob.GetPageAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_a_signed_in_caller_a_document_is_a_401_even_when_it_does_not_exist()
    {
        await portal.CreateReadyClientAsync();
        var anonymous = portal.CreatePortalClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetPageAsync("/api/v1/documents/retro-2026-618-campaign")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetPageAsync("/api/v1/documents/no-such-document")).StatusCode);
    }
}

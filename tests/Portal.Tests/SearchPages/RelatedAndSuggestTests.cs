using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.SearchPages;

public sealed class RelatedAndSuggestTests(SearchPagesWorld world) : IClassFixture<SearchPagesWorld>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task A_document_page_shows_related_documents_and_lessons_but_never_an_unreadable_one()
    {
        var bob = await (await world.SignedInAsync("bob")).GetDocumentAsync("/Documents/retro-2026-checkout-latency");
        var dave = await (await world.SignedInAsync("dave")).GetDocumentAsync("/Documents/retro-2026-checkout-latency");

        static string[] Linked(IHtmlDocument page) => page.QuerySelectorAll(".related-panel [data-document]").Select(a => a.GetAttribute("data-document")!).ToArray();
        Assert.NotNull(dave.QuerySelector(".related-panel"));
        Assert.NotEmpty(Linked(dave));
        Assert.Contains("retro-2026-research-pricing", Linked(bob));
        Assert.DoesNotContain("retro-2026-research-pricing", Linked(dave));
        Assert.DoesNotContain("retro-2026-checkout-latency", RelatedDocuments(dave));

        static string[] RelatedDocuments(IHtmlDocument page) => page.QuerySelectorAll(".related-documents [data-document]").Select(a => a.GetAttribute("data-document")!).ToArray();
    }

    [Fact]
    public async Task The_suggest_endpoint_returns_titles_and_tags_as_json_trimmed_to_what_the_user_may_read()
    {
        var bob = await world.SignedInAsync("bob");
        var dave = await world.SignedInAsync("dave");

        var bobTitles = await JsonAsync(await bob.GetPageAsync("/Search/Suggest?q=Membership"));
        var bobTags = await JsonAsync(await bob.GetPageAsync("/Search/Suggest?q=pric"));
        var daveTitles = await JsonAsync(await dave.GetPageAsync("/Search/Suggest?q=Membership"));
        var daveTags = await JsonAsync(await dave.GetPageAsync("/Search/Suggest?q=pric"));

        var title = Assert.Single(bobTitles.EnumerateArray(), s => s.GetProperty("kind").GetString() == "title");
        Assert.Equal("/Documents/retro-2026-research-pricing", title.GetProperty("url").GetString());
        var tag = Assert.Single(bobTags.EnumerateArray(), s => s.GetProperty("kind").GetString() == "tag");
        Assert.Equal("pricing", tag.GetProperty("text").GetString());
        Assert.Equal("/Search?tag=pricing", tag.GetProperty("url").GetString());
        Assert.Equal(0, daveTitles.GetArrayLength());
        Assert.Equal(0, daveTags.GetArrayLength());
    }

    [Fact]
    public async Task The_editors_related_lessons_handler_needs_the_antiforgery_token_and_answers_lessons()
    {
        var client = await world.SignedInAsync("alice");
        var edit = await client.GetDocumentAsync("/Documents/retro-2026-618-campaign/Edit");
        Assert.NotNull(edit.QuerySelector("aside.related-lessons[data-related-url='/Lessons/Related']"));
        var token = edit.QuerySelector<IHtmlInputElement>("form.doc-form input[name=__RequestVerificationToken]")!.Value;
        var fields = new Dictionary<string, string> { ["title"] = "Checkout latency plan", ["markdown"] = "Connection pool saturation and checkout latency." };

        using var without = await client.PostAsync(new Uri("/Lessons/Related", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);

        fields["__RequestVerificationToken"] = token;
        fields["id"] = "retro-2026-618-campaign";
        var related = await JsonAsync(await client.PostAsync(new Uri("/Lessons/Related", UriKind.Relative), new FormUrlEncodedContent(fields)));
        var lessons = related.GetProperty("lessons").EnumerateArray().ToList();
        Assert.Contains(lessons, l => l.GetProperty("url").GetString() == "/Documents/retro-2026-checkout-latency");
        Assert.DoesNotContain(lessons, l => l.GetProperty("url").GetString() == "/Documents/retro-2026-618-campaign");
    }
}

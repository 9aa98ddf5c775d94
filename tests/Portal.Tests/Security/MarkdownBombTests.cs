using System.Diagnostics;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KnowledgeHub.Portal.Tests.Security;

/// <summary>
/// Issue 8 rows 5 and 6 through the real portal: every Markdown/HTML bomb gets a clear 400/413 sentence from the
/// preview, the conformance check and the related aside — never a 500 — and a saved bomb's page answers 200 with
/// the text shown as plain text and a note. Times are written to the test output (no timing assertion).
/// </summary>
public sealed class MarkdownBombTests(PortalFactory portal, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static readonly Dictionary<string, Func<string>> Bombs = new()
    {
        ["99k div"] = () => Repeat("<div>", 99_000),
        ["20k nested div"] = () => Repeat("<div>", 20_000) + "x" + Repeat("</div>", 20_000),
        ["100k ["] = () => Repeat("[", 100_000),
        ["10k > quotes"] = () => Repeat(">", 10_000) + " quoted",
        ["5k nested lists"] = () => Repeat("- ", 5_000) + "item",
        ["50k * emphasis"] = () => Repeat("*", 50_000) + "x" + Repeat("*", 50_000),
        ["50k * emphasis pairs"] = () => Repeat("*a* ", 50_000),
        ["540 kB of autolinks"] = () => Repeat("https://example.com/a/b/c?q=1 ", 18_000),
        ["200 kB of autolinks"] = () => Repeat("https://example.com/a/b/c?q=1 ", 6_600),
        ["10 MB body"] = () => Repeat("The campaign went well and checkout latency fell. ", 200_000),
        ["2000 x 500 table"] = () => Repeat("|c", 2_000) + "|\n" + Repeat("|-", 2_000) + "|\n" + Repeat(Repeat("|c", 2_000) + "|\n", 500),
    };

    public static TheoryData<string> Names => [.. Bombs.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Preview_conformance_and_related_answer_a_bomb_with_a_400_or_413_sentence(string bomb)
    {
        var (client, token) = await EditorAsync();
        var markdown = "wombat\n\n" + Bombs[bomb]();

        var preview = await PostAsync(client, "/Documents/Preview", token, new() { ["markdown"] = markdown });
        var conformance = await PostAsync(client, "/Documents/Conformance", token, new() { ["type"] = "retrospective", ["title"] = "Bomb", ["markdown"] = markdown });
        var related = await PostAsync(client, "/Lessons/Related", token, new() { ["title"] = "Bomb", ["markdown"] = markdown });

        // HTML bombs cost only the sanitizer: the conformance check and the related aside never render, so they may answer them.
        var parsable = MarkdownLimits.Check(markdown) is null;
        foreach (var (name, status, body) in new[] { ("preview", preview.Status, preview.Body), ("conformance", conformance.Status, conformance.Body), ("related", related.Status, related.Body) })
        {
            if (name != "preview" && parsable && status == HttpStatusCode.OK)
            {
                continue;
            }

            Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{name} answered {(int)status}");
            Assert.Matches("too (long|deeply|many)|longer than|more than", body);
        }

        Assert.Contains("text/plain", preview.Type, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_saved_bomb_is_a_readable_page_with_its_text_and_a_note(string bomb)
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");
        var id = "bomb-" + Guid.NewGuid().ToString("N")[..12];
        await portal.Services.GetRequiredService<DocumentRepository>().CreateAsync(
            new NewDocument { Id = id, Type = "retrospective", Title = "Bomb " + bomb, Markdown = "wombat is the word.\n\n" + Bombs[bomb](), Collection = "Retrospectives", Status = DocumentStatus.Published },
            new Caller { ObjectId = "a11ce000-0000-4000-8000-000000000001", Name = "Alice", Roles = ["Contributor"] },
            CancellationToken.None);

        var started = Stopwatch.GetTimestamp();
        var response = await client.GetPageAsync($"/Documents/{id}");
        var first = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();
        var again = await client.GetPageAsync($"/Documents/{id}");
        output.WriteLine($"{bomb}: first view {first.TotalMilliseconds:0} ms, second {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = await HtmlHelpers.GetDocumentAsync(response);
        var body = page.QuerySelector("article.markdown-body")!;
        Assert.NotNull(body.QuerySelector("p.markdown-degraded"));
        Assert.StartsWith("wombat is the word.", body.QuerySelector("pre.markdown-source")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<(HttpClient Client, string Token)> EditorAsync()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");
        var edit = await client.GetDocumentAsync("/Documents/retro-2026-618-campaign/Edit");
        return (client, edit.QuerySelector<IHtmlInputElement>("form.doc-form input[name='__RequestVerificationToken']")!.Value);
    }

    private async Task<(HttpStatusCode Status, string Body, string Type)> PostAsync(HttpClient client, string url, string token, Dictionary<string, string> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        var started = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{url}: {(int)response.StatusCode} in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms: {body[..Math.Min(200, body.Length)]}");
        return (response.StatusCode, body, response.Content.Headers.ContentType?.MediaType ?? "");
    }
}

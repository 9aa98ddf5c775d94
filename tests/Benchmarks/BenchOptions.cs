using System.Globalization;

namespace KnowledgeHub.Benchmarks;

/// <summary>The options of <c>-- search</c>; paths are relative to the repository root.</summary>
public sealed record BenchOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Benchmarks -- search [options]
          --limit N       at most N help pages in all, half of each language (default: every page)
          --threads LIST  thread counts for the latency runs, e.g. 1,2 (default 1,2)
          --queries N     timed queries per thread count, after the warm-up (default 4000)
          --relevance N   known-item queries per language (default 300)
          --seed N        seed of every sample (default 20260601)
          --out PATH      the JSON report (default artifacts/bench/search.json)
          --corpus PATH   the corpus folder (default .corpus/libreoffice-help)
        """;

    public int? Limit { get; init; }

    public IReadOnlyList<int> Threads { get; init; } = [1, 2];

    public int Queries { get; init; } = 4000;

    public int RelevanceQueries { get; init; } = 300;

    public int Seed { get; init; } = 20260601;

    public string Out { get; init; } = Path.Combine("artifacts", "bench", "search.json");

    public string Corpus { get; init; } = Path.Combine(".corpus", "libreoffice-help");

    /// <summary>The options, or null (with a message on standard error) when an argument is not understood.</summary>
    public static BenchOptions? Parse(ReadOnlySpan<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            BenchOptions? next = (args[i], value) switch
            {
                ("--limit", { } v) when Positive(v) is { } n => options with { Limit = n },
                ("--threads", { } v) when ThreadList(v) is { } list => options with { Threads = list },
                ("--queries", { } v) when Positive(v) is { } n => options with { Queries = n },
                ("--relevance", { } v) when Positive(v) is { } n => options with { RelevanceQueries = n },
                ("--seed", { } v) when int.TryParse(v, CultureInfo.InvariantCulture, out var n) => options with { Seed = n },
                ("--out", { Length: > 0 } v) => options with { Out = v },
                ("--corpus", { Length: > 0 } v) => options with { Corpus = v },
                _ => null,
            };
            if (next is null)
            {
                Console.Error.WriteLine($"Did not understand '{args[i]}'{(value is null ? "" : $" '{value}'")}.");
                return null;
            }

            options = next;
            i++;
        }

        return options;
    }

    private static int? Positive(string text) =>
        int.TryParse(text, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    private static List<int>? ThreadList(string text)
    {
        var list = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Positive).ToList();
        return list.Count > 0 && list.All(n => n is > 0 and <= 64) ? list.Select(n => n!.Value).ToList() : null;
    }
}

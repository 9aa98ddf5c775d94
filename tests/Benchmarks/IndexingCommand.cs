using System.Globalization;
using KnowledgeHub.Documents;

namespace KnowledgeHub.Benchmarks;

/// <summary>
/// The "indexing" command: the search benchmark's index-only figures alone (no latency, relevance or FTS5), for a quick
/// rerun after a change to analysis or indexing, and as a steady loop to profile (<c>--repeat N</c>; e.g. under
/// <c>perf record</c> with <c>DOTNET_PerfMapEnabled=1</c>). Per language: the pages stored once through the real
/// repository, then index only on 1 and on N threads, <c>--repeat</c> times each (median), as MB/s and MB per CPU-second.
/// </summary>
public static class IndexingCommand
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Benchmarks -- indexing [--limit N] [--repeat N] [--language zh|en] [--seed N] [--corpus PATH]
          the search benchmark's index-only figures alone: 1 and N threads (N = processors), median of --repeat runs (default 5)
        """;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var repeat = 5;
        string? only = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--repeat" && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                repeat = n;
                i++;
            }
            else if (args[i] == "--language" && i + 1 < args.Length)
            {
                only = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        if (BenchOptions.Parse(rest.ToArray()) is not { } options)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var loadAtStart = Machine.LoadAverage();
        var (helpRoot, _) = await Corpus.EnsureAsync(Corpus.RepositoryRoot(), options.Corpus, cancellationToken);
        var perLanguage = options.Limit is { } limit ? (limit + 1) / 2 : (int?)null;
        var threads = Environment.ProcessorCount;
        var results = new List<LanguageIndexing>();
        var floors = new List<(string Language, double MB, IReadOnlyList<FloorRun> Runs)>();
        foreach (var language in Language.All.Where(l => only is null || l.Code == only))
        {
            var pages = HelpCorpus.Load(helpRoot, language, perLanguage, options.Seed, out _);
            using var host = new BenchHost();
            await host.Synchronizer.CatchUpAsync(cancellationToken);
            Console.WriteLine($"{language.Folder}: {pages.Count} pages, {pages.Sum(p => p.TextBytes) / 1e6:0.00} MB; storing, then index only x{repeat} on 1 and {threads} threads...");
            results.Add(await IndexingBenchmark.RunAsync(host, pages, repeat, threads, cancellationToken));
            var markdown = host.Get<MarkdownRenderer>();
            var texts = pages.Select(p => (p.Title, markdown.ForIndex(p.Markdown).Text.Text)).ToList();
            floors.Add((language.Code, pages.Sum(p => p.TextBytes) / 1e6, IndexingFloor.Run(texts, host.Root, repeat, threads)));
        }

        Console.WriteLine($"load average (1 min): {loadAtStart:0.0} at start, {Machine.LoadAverage():0.0} at end, {Environment.ProcessorCount} cores");
        Console.WriteLine("language  threads   MB/s   MB/CPU-s   runs (wall s / CPU s)");
        foreach (var r in results)
        {
            foreach (var (runs, mbs, perCpu) in new[] { (r.SingleThread, r.SingleThreadIndexMBPerSecond, r.SingleThreadIndexMBPerCpuSecond), (r.Parallel, r.IndexMBPerSecond, r.IndexMBPerCpuSecond) })
            {
                var each = string.Join(" ", runs.Seconds.Zip(runs.CpuSeconds, (s, c) => $"{s:0.00}/{c:0.00}"));
                Console.WriteLine($"{r.Language,-8}  {runs.Threads,7}  {mbs,5:0.00}  {perCpu,9:0.00}   {each}");
            }

            var a = r.Analysis;
            Console.WriteLine(
                $"  1 thread, thread CPU s: map {a.MapSeconds:0.000} (Markdown alone {a.MarkdownSeconds:0.000}), SmartCn {a.SmartCnSeconds:0.000}, " +
                $"bigrams {a.BigramSeconds:0.000}, inversion+stored {a.WriterSeconds:0.000}, commit {a.CommitSeconds:0.000}");
        }

        Console.WriteLine("Lucene.Net's writer alone on the same text (Markdown → text outside the clock; same MB as above):");
        Console.WriteLine("language  variant     threads   MB/s   MB/CPU-s");
        foreach (var (code, mb, runs) in floors)
        {
            foreach (var run in runs)
            {
                Console.WriteLine($"{code,-8}  {run.Variant,-10}  {run.Threads,7}  {mb / run.MedianSeconds,5:0.00}  {mb / run.MedianCpuSeconds,9:0.00}");
            }
        }

        return 0;
    }
}

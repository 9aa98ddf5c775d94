using System.Diagnostics;
using KnowledgeHub.Search;
using KnowledgeHub.Storage;

namespace KnowledgeHub.Benchmarks;

/// <summary>The "search" benchmark: corpus → real pipeline → indexing, latency and relevance figures → report.</summary>
public static class SearchBenchmark
{
    private const int WarmUpPagesPerLanguage = 150;
    private const int IndexOnlyRepetitions = 3;
    private const int TitleQueriesPerLanguage = 12;

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var loadAtStart = Machine.LoadAverage();
        var runStarted = Stopwatch.GetTimestamp();
        var root = Corpus.RepositoryRoot();
        var (helpRoot, packages) = await Corpus.EnsureAsync(root, options.Corpus, cancellationToken);
        var perLanguage = options.Limit is { } limit ? (limit + 1) / 2 : (int?)null;
        var corpus = new Dictionary<Language, IReadOnlyList<HelpPage>>();
        var skipped = 0;
        foreach (var language in Language.All)
        {
            corpus[language] = HelpCorpus.Load(helpRoot, language, perLanguage, options.Seed, out var empty);
            skipped += empty;
            Console.WriteLine($"{language.Folder}: {corpus[language].Count} pages, {corpus[language].Sum(p => p.TextBytes) / 1e6:0.00} MB of text ({empty} near-empty pages left out)");
        }

        var all = corpus.Values.SelectMany(p => p).ToList();
        if (all.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count() != all.Count)
        {
            throw new InvalidOperationException("Two help pages map to the same document id.");
        }

        Console.WriteLine("Warming up (JIT, SmartCn dictionaries) on a throw-away store...");
        await WarmUpAsync(corpus, cancellationToken);

        using var host = new BenchHost();
        if (host.BlobStore is not FileSystemBlobStore)
        {
            throw new InvalidOperationException("The benchmark must run on the file-system blob store.");
        }

        await host.Synchronizer.CatchUpAsync(cancellationToken); // an empty, checkpointed index: the follower path from here on
        var indexing = new List<LanguageIndexing>();
        var indexThreads = Environment.ProcessorCount; // as a rebuild indexes (Search:RebuildParallelism's default)
        foreach (var language in Language.All)
        {
            Console.WriteLine($"Indexing {language.Folder}: pipeline, then index only x{IndexOnlyRepetitions} on 1 and on {indexThreads} threads...");
            indexing.Add(await IndexingBenchmark.RunAsync(host, corpus[language], IndexOnlyRepetitions, indexThreads, cancellationToken));
        }

        var index = host.Get<LuceneIndex>();
        if (index.DocumentCount != all.Count)
        {
            throw new InvalidOperationException($"The index holds {index.DocumentCount} documents, {all.Count} were imported.");
        }

        var search = host.Search;
        var probe = search.Search(new SearchRequest { Query = QueryMix.FilterProbe, Caller = CorpusImport.Everything });
        var filters = !probe.Notes.Any(n => n.NotAsTyped) && probe.Total > 0;
        var facets = probe.Facets.Count > 0;
        var titles = Language.All.SelectMany(l => RelevanceBenchmark.Sample(corpus[l], TitleQueriesPerLanguage, options.Seed + 1)).Select(p => p.Title);
        var mix = QueryMix.Build(titles, filters);
        Console.WriteLine($"Latency: {mix.Count} distinct queries (filters {(filters ? "on" : "not supported by this build")}, facets {(facets ? "on" : "not in this build")}), warm-up, then {options.Queries} timed per thread count...");
        LatencyBenchmark.WarmUp(search, CorpusImport.Everything, mix, rounds: 3);
        var latency = new List<LatencyRun>();
        foreach (var threads in options.Threads)
        {
            latency.Add(await LatencyBenchmark.RunAsync(search, CorpusImport.Everything, mix, threads, options.Queries, options.Seed));
        }

        var hitCosts = HitCostBenchmark.Run(search, CorpusImport.Everything, mix, rounds: 5);
        Console.WriteLine("Relevance: known-item queries...");
        var relevance = new List<RelevanceResult>();
        (int Changed, int Of)? traditionalTitles = null;
        foreach (var language in Language.All)
        {
            var sample = RelevanceBenchmark.Sample(corpus[language], options.RelevanceQueries, options.Seed);
            relevance.Add(RelevanceBenchmark.Run(search, sample, "title", language.Code, CorpusImport.ReaderOf(language)));
            relevance.Add(RelevanceBenchmark.Run(search, sample, "short", language.Code, CorpusImport.ReaderOf(language)));
            relevance.Add(RelevanceBenchmark.Run(search, sample, "title", "all", CorpusImport.Everything));
            if (language == Language.Chinese)
            {
                relevance.Add(RelevanceBenchmark.Run(search, sample, "traditional", language.Code, CorpusImport.ReaderOf(language)));
                traditionalTitles = (sample.Count(p => RelevanceBenchmark.Traditional(p.Title) != p.Title), sample.Count);
            }
        }

        Console.WriteLine("SQLite FTS5 (trigram, bm25, snippet) over the same pages and queries...");
        Fts5Comparison fts5;
        using (var fts = Fts5Baseline.Build(all, Path.Combine(host.Root, "fts5.db")))
        {
            var ftsRelevance = Language.All
                .Select(l => RelevanceBenchmark.Sample(corpus[l], options.RelevanceQueries, options.Seed))
                .SelectMany(sample => sample.Count > 0 && sample[0].Language == Language.Chinese
                    ? new[] { fts.Relevance(sample, "title"), fts.Relevance(sample, "short"), fts.Relevance(sample, "traditional") }
                    : new[] { fts.Relevance(sample, "title"), fts.Relevance(sample, "short") })
                .ToList();
            var timed = Math.Min(options.Queries, 2000);
            fts5 = new Fts5Comparison(
                Fts5Comparison.LuceneLatency(search, CorpusImport.Everything, mix, timed, options.Seed), fts.Latency(mix, timed, options.Seed), ftsRelevance);
        }

        var memory = new MemoryFigures(
            Process.GetCurrentProcess().PeakWorkingSet64 / 1e6,
            GC.GetTotalMemory(forceFullCollection: true) / 1e6,
            GC.GetGCMemoryInfo().HeapSizeBytes / 1e6);
        var commit = await Machine.GitCommitAsync(root, cancellationToken);
        var report = new SearchReport(
            options, packages, all.Count, skipped, indexing, BenchHost.FolderBytes(host.IndexPath), filters, facets, latency, hitCosts, relevance, memory,
            loadAtStart, Machine.LoadAverage(), commit, Stopwatch.GetElapsedTime(runStarted).TotalSeconds)
        {
            Fts5 = fts5,
            TraditionalTitles = traditionalTitles,
        };
        var path = Path.GetFullPath(options.Out, root);
        await report.WriteAsync(path, cancellationToken);
        report.Print(Console.Out);
        Console.WriteLine($"Report: {Path.GetRelativePath(root, path)}");
        return 0;
    }

    /// <summary>The whole pipeline once over a few pages, so the measured run pays no JIT or dictionary loading.</summary>
    private static async Task WarmUpAsync(Dictionary<Language, IReadOnlyList<HelpPage>> corpus, CancellationToken cancellationToken)
    {
        using var host = new BenchHost();
        await host.Synchronizer.CatchUpAsync(cancellationToken);
        foreach (var pages in corpus.Values)
        {
            await CorpusImport.CreateAllAsync(host.Repository, pages.Take(WarmUpPagesPerLanguage), cancellationToken);
            await host.Synchronizer.CatchUpAsync(cancellationToken);
            foreach (var page in pages.Take(20))
            {
                host.Search.Search(new SearchRequest { Query = page.Title, Caller = CorpusImport.Everything });
            }
        }
    }
}

/// <summary>Memory at the end of the run, in MB (10^6 bytes): peak working set, GC heap after a full collection, GC heap size.</summary>
public sealed record MemoryFigures(double PeakWorkingSetMB, double HeapAfterFullCollectMB, double HeapSizeMB);

using System.Diagnostics;
using KnowledgeHub.Documents;
using KnowledgeHub.Search;
using Lucene.Net.Analysis.TokenAttributes;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Benchmarks;

/// <summary>
/// Indexing figures of one language. Seconds are wall time; MB = 10^6 bytes of UTF-8 text (title + Markdown).
/// The index-only figures without a qualifier are those of <see cref="Parallel"/> (as a rebuild indexes); the
/// <c>SingleThread</c> ones index the same documents on one thread.
/// </summary>
public sealed record LanguageIndexing(
    string Language,
    int Documents,
    long TextBytes,
    double StoreSeconds,
    double CatchUpSeconds,
    IndexOnlyRuns SingleThread,
    IndexOnlyRuns Parallel,
    long IndexOnlyBytes,
    AnalysisCost Analysis)
{
    public double TextMB => TextBytes / 1e6;

    /// <summary>The median of the index-only repetitions on <see cref="IndexOnlyRuns.Threads"/> of <see cref="Parallel"/>.</summary>
    public double IndexSeconds => Parallel.MedianSeconds;

    public double IndexMBPerSecond => TextMB / Parallel.MedianSeconds;

    /// <summary>MB per second of process CPU time (all threads: analysis, merges, GC): less sensitive to a busy machine than wall time.</summary>
    public double IndexMBPerCpuSecond => TextMB / Parallel.MedianCpuSeconds;

    public double IndexDocumentsPerSecond => Documents / Parallel.MedianSeconds;

    public double SingleThreadIndexMBPerSecond => TextMB / SingleThread.MedianSeconds;

    public double SingleThreadIndexMBPerCpuSecond => TextMB / SingleThread.MedianCpuSeconds;

    public double SingleThreadIndexDocumentsPerSecond => Documents / SingleThread.MedianSeconds;

    public double PipelineSeconds => StoreSeconds + CatchUpSeconds;

    public double PipelineMBPerSecond => TextMB / PipelineSeconds;

    public double PipelineDocumentsPerSecond => Documents / PipelineSeconds;
}

/// <summary>The index-only repetitions from <see cref="Threads"/> threads: wall and process CPU seconds of each; the medians count.</summary>
public sealed record IndexOnlyRuns(int Threads, IReadOnlyList<double> Seconds, IReadOnlyList<double> CpuSeconds)
{
    public double MedianSeconds => Median(Seconds);

    public double MedianCpuSeconds => Median(CpuSeconds);

    private static double Median(IReadOnlyList<double> values) => values.Order().ElementAt(values.Count / 2);
}

/// <summary>
/// Where single-thread index-only CPU goes, in seconds of the indexing thread's CPU clock (unaffected by other processes;
/// the GC's threads are not in it): <see cref="MapSeconds"/>, <see cref="ReplaceSeconds"/> and <see cref="CommitSeconds"/>
/// from the median single-thread run (DocumentMapper.MapEntries, LuceneIndex.Replace, the Commit), and measured apart:
/// Markdown → text and structure (MarkdownRenderer.ForIndex, the bulk of MapEntries), SmartCn analysis (title, body) and
/// CJK-bigram analysis (title, body) — both inside Replace; the rest of Replace is Lucene's inversion, stored fields and doc values.
/// </summary>
public sealed record AnalysisCost(
    double MarkdownSeconds, double SmartCnSeconds, long SmartCnTokens, double BigramSeconds, long BigramTokens,
    double MapSeconds, double ReplaceSeconds, double CommitSeconds)
{
    /// <summary>Replace less both analyses: inversion (term hashing, postings in memory), stored fields, doc values, field overhead.</summary>
    public double WriterSeconds => ReplaceSeconds - SmartCnSeconds - BigramSeconds;
}

/// <summary>Thread CPU seconds of one single-thread index-only run, by step.</summary>
public sealed record IndexSteps(double Map, double Replace, double Commit);

/// <summary>
/// Measures one language in two ways. Pipeline: DocumentRepository.CreateAsync for every page (blob writes),
/// then IndexSynchronizer.CatchUpAsync (change log → blob reads → DocumentMapper → LuceneIndex → commit).
/// Index only: the same manifests and versions, already read into memory, through DocumentMapper.MapEntries,
/// LuceneIndex.Replace (as the synchronizer does) and one Commit into a fresh index, repeated; the median counts.
/// Once from one thread, once from <c>threads</c> threads at a time (as a rebuild indexes), alternately.
/// </summary>
public static class IndexingBenchmark
{
    public static async Task<LanguageIndexing> RunAsync(BenchHost host, IReadOnlyList<HelpPage> pages, int repetitions, int threads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(pages);
        var language = pages[0].Language.Code;
        var store = await CorpusImport.CreateAllAsync(host.Repository, pages, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        await host.Synchronizer.CatchUpAsync(cancellationToken);
        var catchUp = Stopwatch.GetElapsedTime(started);

        var stored = new List<(DocumentManifest Manifest, DocumentVersion Version)>(pages.Count);
        foreach (var page in pages)
        {
            var manifest = await host.Repository.GetManifestAsync(page.Id, cancellationToken) ?? throw new InvalidOperationException($"{page.Id} was not stored.");
            stored.Add((manifest, (await host.Repository.GetVersionAsync(page.Id, manifest.CurrentVersion, cancellationToken))!));
        }

        var (single, singleCpu, parallel, parallelCpu) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var steps = new List<IndexSteps>();
        long indexBytes = 0;
        for (var i = 0; i < repetitions; i++)
        {
            (var seconds, var cpuSeconds, indexBytes, var step) = IndexOnly(host, stored, Path.Combine(host.Root, $"index-only-{language}-{i}"), threads: 1);
            single.Add(seconds);
            singleCpu.Add(cpuSeconds);
            steps.Add(step);
            (seconds, cpuSeconds, _, _) = IndexOnly(host, stored, Path.Combine(host.Root, $"index-only-{language}-{i}-parallel"), threads);
            parallel.Add(seconds);
            parallelCpu.Add(cpuSeconds);
        }

        var median = steps.OrderBy(s => s.Map + s.Replace + s.Commit).ElementAt(steps.Count / 2);
        return new LanguageIndexing(
            language, pages.Count, pages.Sum(p => p.TextBytes), store.TotalSeconds, catchUp.TotalSeconds,
            new IndexOnlyRuns(1, single, singleCpu), new IndexOnlyRuns(threads, parallel, parallelCpu), indexBytes, Analyze(host, stored, median));
    }

    /// <summary>
    /// MapEntries + Replace from <paramref name="threads"/> threads (each taking the next document), then one Commit, into a
    /// fresh index at <paramref name="path"/> started as a rebuild starts (DeleteAll); returns wall and CPU seconds, the
    /// index's bytes and, on one thread, the thread CPU seconds of each step.
    /// </summary>
    public static (double Seconds, double CpuSeconds, long Bytes, IndexSteps Steps) IndexOnly(
        BenchHost host, IReadOnlyList<(DocumentManifest Manifest, DocumentVersion Version)> stored, string path, int threads)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var mapper = host.Get<DocumentMapper>();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        double seconds;
        double map = 0, replace = 0, commit; // thread CPU ms (one thread only)
        var cpu = Machine.CpuTime();
        using (var index = new LuceneIndex(path, host.Get<SearchAnalyzer>(), host.Get<ILogger<LuceneIndex>>()))
        {
            var started = Stopwatch.GetTimestamp();
            index.DeleteAll();
            if (threads == 1)
            {
                foreach (var (manifest, version) in stored)
                {
                    var before = ThreadClock.Read() ?? 0;
                    var entries = mapper.MapEntries(manifest, version);
                    var mapped = ThreadClock.Read() ?? 0;
                    index.Replace(manifest.Id, entries);
                    var replaced = ThreadClock.Read() ?? 0;
                    (map, replace) = (map + mapped - before, replace + replaced - mapped);
                }
            }
            else
            {
                Parallel.For(0, stored.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
                {
                    var (manifest, version) = stored[i];
                    index.Replace(manifest.Id, mapper.MapEntries(manifest, version));
                });
            }

            var beforeCommit = ThreadClock.Read() ?? 0;
            index.Commit(new ChangeLogPosition("benchmark"));
            commit = (ThreadClock.Read() ?? 0) - beforeCommit;
            seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        var cpuSeconds = (Machine.CpuTime() - cpu).TotalSeconds;

        var bytes = BenchHost.FolderBytes(path);
        Directory.Delete(path, recursive: true);
        return (seconds, cpuSeconds, bytes, new IndexSteps(map / 1e3, replace / 1e3, commit / 1e3));
    }

    private static AnalysisCost Analyze(BenchHost host, IReadOnlyList<(DocumentManifest Manifest, DocumentVersion Version)> stored, IndexSteps steps)
    {
        var markdown = host.Get<MarkdownRenderer>();
        var analyzer = host.Get<SearchAnalyzer>();
        var started = ThreadClock.Read() ?? 0;
        var texts = stored.Select(s => (s.Manifest.Title, Body: markdown.ForIndex(s.Version.Markdown).Text.Text)).ToList();
        var markdownSeconds = ((ThreadClock.Read() ?? 0) - started) / 1e3;
        var (smartSeconds, smartTokens) = Tokens(analyzer, texts, SearchFields.Title, SearchFields.Body);
        var (bigramSeconds, bigramTokens) = Tokens(analyzer, texts, SearchFields.TitleCjk, SearchFields.BodyCjk);
        return new AnalysisCost(markdownSeconds, smartSeconds, smartTokens, bigramSeconds, bigramTokens, steps.Map, steps.Replace, steps.Commit);
    }

    private static (double Seconds, long Tokens) Tokens(SearchAnalyzer analyzer, List<(string Title, string Body)> texts, string titleField, string bodyField)
    {
        var started = ThreadClock.Read() ?? 0;
        long count = 0;
        foreach (var (title, body) in texts)
        {
            count += Count(analyzer, titleField, title) + Count(analyzer, bodyField, body);
        }

        return (((ThreadClock.Read() ?? 0) - started) / 1e3, count);
    }

    private static long Count(SearchAnalyzer analyzer, string field, string text)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        long count = 0;
        while (stream.IncrementToken())
        {
            count += term.Length > 0 ? 1 : 0;
        }

        stream.End();
        return count;
    }
}

using System.Globalization;
using static System.FormattableString;

namespace KnowledgeHub.Benchmarks;

/// <summary>The readable table printed at the end of a run.</summary>
public sealed partial record SearchReport
{
    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var f = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(Invariant($"KnowledgeHub search benchmark — {Documents} documents ({TextBytes / 1e6:0.00} MB of text), {Environment.ProcessorCount} cores"));
        if (LoadAtStart > Environment.ProcessorCount / 2.0 || LoadAtEnd > Environment.ProcessorCount + 1.0)
        {
            output.WriteLine(Invariant($"WARNING: the machine was busy (1-minute load {LoadAtStart:0.0} at start, {LoadAtEnd:0.0} at end, {Environment.ProcessorCount} cores): wall-time figures are inflated; compare the per-CPU-second ones."));
        }

        output.WriteLine();
        var threads = Threads(Indexing[0].Parallel.Threads);
        output.WriteLine($"{"Indexing",-Label}          zh          en    (MB = 10^6 bytes of UTF-8 title + Markdown)");
        Row(output, "documents", i => i.Documents.ToString(f));
        Row(output, "text MB", i => i.TextMB.ToString("0.00", f));
        Row(output, $"index only MB/s, {threads} (target)", i => i.IndexMBPerSecond.ToString("0.00", f) + (i.Language == "zh" ? " (≥4)" : " (≥25)"));
        Row(output, "index only MB/s, 1 thread", i => i.SingleThreadIndexMBPerSecond.ToString("0.00", f));
        Row(output, $"index only MB per CPU s, {threads}", i => i.IndexMBPerCpuSecond.ToString("0.00", f));
        Row(output, "index only MB per CPU s, 1 thread", i => i.SingleThreadIndexMBPerCpuSecond.ToString("0.00", f));
        Row(output, $"index only docs/s, {threads}", i => i.IndexDocumentsPerSecond.ToString("0", f));
        Row(output, "index only docs/s, 1 thread", i => i.SingleThreadIndexDocumentsPerSecond.ToString("0", f));
        Row(output, "pipeline MB/s", i => i.PipelineMBPerSecond.ToString("0.00", f));
        Row(output, "pipeline docs/s", i => i.PipelineDocumentsPerSecond.ToString("0", f));
        Row(output, "  store (blob writes) s", i => i.StoreSeconds.ToString("0.00", f));
        Row(output, "  catch-up (read+index) s", i => i.CatchUpSeconds.ToString("0.00", f));
        Row(output, $"  index only s (median), {threads}", i => i.IndexSeconds.ToString("0.00", f));
        Row(output, "  index only s (median), 1 thread", i => i.SingleThread.MedianSeconds.ToString("0.00", f));
        Row(output, "  1 thread, CPU s of the thread:", _ => "");
        Row(output, "    map (Markdown→text, fields)", i => i.Analysis.MapSeconds.ToString("0.00", f));
        Row(output, "    SmartCn analysis", i => i.Analysis.SmartCnSeconds.ToString("0.00", f));
        Row(output, "    CJK-bigram analysis", i => i.Analysis.BigramSeconds.ToString("0.00", f));
        Row(output, "    inversion, stored fields", i => i.Analysis.WriterSeconds.ToString("0.00", f));
        Row(output, "    commit (flush)", i => i.Analysis.CommitSeconds.ToString("0.00", f));
        Row(output, "index size / text", i => ((double)i.IndexOnlyBytes / i.TextBytes).ToString("0.00", f));
        output.WriteLine(Invariant($"{"combined index size / text",-Label}{IndexSizeRatio,12:0.00}   ({IndexBytes / 1e6:0.0} MB)"));
        output.WriteLine();
        output.WriteLine(Invariant($"Search latency (ms), filters {(FiltersSupported ? "on" : "not supported")}, facets {(FacetsComputed ? "on" : "not computed")}, highlighting and access filter on"));
        output.WriteLine("threads   queries     p50     p95     p99     max    q/s  CPU ms/q   KB/query  GC pause ms  lock waits");
        foreach (var run in Latency)
        {
            var l = run.Latency;
            output.WriteLine(Invariant($"{run.Threads,7}{l.Count,10}{l.P50,8:0.00}{l.P95,8:0.00}{l.P99,8:0.00}{l.Max,8:0.0}{run.QueriesPerSecond,7:0}{run.CpuMsPerQuery,10:0.00}{run.AllocatedKBPerQuery,11:0}{run.GcPauseMs,13:0}{run.LockContentions,12}"));
        }

        foreach (var run in Latency.Where(r => r.ThreadCpu is not null))
        {
            var c = run.ThreadCpu!;
            output.WriteLine(Invariant($"{run.Threads} thread(s), CPU time of the searching thread (lower bound, unaffected by other processes): p50 {c.P50:0.00}, p95 {c.P95:0.00}, p99 {c.P99:0.00}"));
        }

        output.WriteLine(Invariant($"headline (slower of the runs): p50 {Headline.P50:0.00}, p95 {Headline.P95:0.00}, p99 {Headline.P99:0.00} (target p99 < 20)"));
        var first = Latency[0];
        var kinds = string.Join(", ", first.ByKind.Select(k => Invariant($"{k.Key} {k.Value.P50:0.0}/{k.Value.P99:0.0}")));
        output.WriteLine(Invariant($"by kind at {first.Threads} thread(s), p50/p99 ms: {kinds}"));
        var costs = string.Join(", ", HitCosts.Select(h => Invariant($"{h.Kind} {h.MsAtTenHits:0.0}/{h.MsAtOneHit:0.0} ({h.HitShare:P0})")));
        output.WriteLine(Invariant($"CPU ms per query at 10 hits / at 1 hit (share spent reading and highlighting hits, all: {HitCostBenchmark.HitShare(HitCosts):P0}): {costs}"));
        output.WriteLine(Invariant($"memory: peak working set {Memory.PeakWorkingSetMB:0} MB, GC heap after full collection {Memory.HeapAfterFullCollectMB:0} MB"));
        output.WriteLine();
        output.WriteLine("Known-item relevance        queries   S@1     S@10    MRR@10  fallbacks");
        foreach (var r in Relevance)
        {
            output.WriteLine(Invariant($"{r.Language} {r.Variant,-11} readers {r.Readers,-4}{r.Queries,8}{r.SuccessAt1,8:0.000}{r.SuccessAt10,8:0.000}{r.Mrr,9:0.000}{r.Fallbacks,8}"));
        }

        if (TraditionalTitles is { } titles)
        {
            output.WriteLine(Invariant($"zh traditional: the title written in traditional characters (ICU Hans-Hant), {titles.Changed} of {titles.Of} titles changed by it"));
        }

        if (Fts5 is { } fts)
        {
            output.WriteLine();
            output.WriteLine("Side by side with SQLite FTS5 (trigram, bm25, snippet): same pages, same queries, one thread");
            foreach (var language in new[] { "zh", "en" })
            {
                var (ours, theirs) = (Known(language), fts.Known(language));
                output.WriteLine(Invariant($"{language} S@1 / S@10 / MRR@10: portal {ours.SuccessAt1:0.000} / {ours.SuccessAt10:0.000} / {ours.Mrr:0.000}, FTS5 {theirs.SuccessAt1:0.000} / {theirs.SuccessAt10:0.000} / {theirs.Mrr:0.000}"));
            }

            if (fts.Relevance.FirstOrDefault(r => r.Variant == "traditional") is { } traditional && Relevance.FirstOrDefault(r => r.Variant == "traditional") is { } portal)
            {
                output.WriteLine(Invariant($"zh traditional S@1 / S@10 / MRR@10: portal {portal.SuccessAt1:0.000} / {portal.SuccessAt10:0.000} / {portal.Mrr:0.000}, FTS5 {traditional.SuccessAt1:0.000} / {traditional.SuccessAt10:0.000} / {traditional.Mrr:0.000}"));
            }

            output.WriteLine(Invariant($"latency p50 / p99 ms: portal {fts.Lucene.P50:0.00} / {fts.Lucene.P99:0.00} (facets, access filter, snippets), FTS5 {fts.Fts5.P50:0.00} / {fts.Fts5.P99:0.00} (snippets); portal p99 ÷ FTS5 p99 = {fts.P99Ratio:0.00} (goal ≤ 1.5)"));
        }

        output.WriteLine();
    }

    /// <summary>The width of the indexing table's first column.</summary>
    private const int Label = 38;

    private static string Threads(int n) => n == 1 ? "1 thread" : Invariant($"{n} threads");

    private void Row(TextWriter output, string label, Func<LanguageIndexing, string> value) =>
        output.WriteLine(Invariant($"{label,-Label}{string.Join("", Indexing.Select(i => $"{value(i),12}"))}"));
}

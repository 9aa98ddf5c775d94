using System.Globalization;
using System.Text;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>The readable table: every figure with its target from issue 12 (and issue 9 for search throughput) and met / not met.</summary>
public sealed partial class ScaleReport
{
    public string Table()
    {
        var c = Options.Connections;
        var home = Run("home", c);
        var search = Run("search", c);
        var search32 = Run("search", 32);
        var staticRun = Run("static", c);
        var column = Large ? "100k" : "20k";
        var text = new StringBuilder();
        text.AppendLine(Invariant($"## Scale benchmark: {Options.Documents:N0} documents"));
        text.AppendLine();
        text.AppendLine(Invariant($"Commit {Commit}, {Environment.ProcessorCount} cores, 1-minute load {LoadAtStart:0.0} → {LoadAtEnd:0.0}, run took {RunSeconds / 60:0.0} min. Text: {TextSource}."));
        if (Options.PortalEnvironment.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("The portal ran with " + string.Join(", ", Options.PortalEnvironment.Select(e => $"`{e.Key}={e.Value}`")) + " in its environment.");
        }

        if (Error is not null)
        {
            text.AppendLine().AppendLine($"**The run stopped early:** {Error}");
        }

        text.AppendLine();
        text.AppendLine($"| figure | value | target ({column} column of issue 12) | |");
        text.AppendLine("|---|---|---|---|");
        Row(text, "import through the real services (docs/s)", Import?.DocsPerSecond, "0", "≥ 400", v => v >= 400);
        Row(text, "write amplification of the store (write(2) bytes ÷ document bytes)", Import?.WriteAmplification, "0.00", "≤ 3", v => v <= 3);
        Row(text, "  the same, block-layer bytes (write_bytes)", Import?.DiskWriteAmplification, "0.00", "", null);
        Row(text, "  the same, bytes handed to IBlobStore", Import?.LogicalWriteAmplification, "0.00", "", null);
        Row(text, "index write amplification (portal's write(2) bytes during first start ÷ document bytes)", IndexWriteAmplification, "0.00", "", null);
        Row(text, "index folder ÷ document bytes", IndexSizeRatio, "0.00", "", null);
        Row(text, "first start to ready (s)", FirstStartSeconds, "0.0", "", null);
        Row(text, "restart to ready (s)", RestartSeconds, "0.00", Large ? "≤ 4" : "≤ 2", v => v <= (Large ? 4 : 2));
        Row(text, "resident memory after restart (MB)", RssMB, "0", Large ? "≤ 600" : "≤ 300", v => v <= (Large ? 600 : 300));
        Row(text, "resident memory after the load (MB)", RssAfterLoadMB, "0", "", null);
        Row(text, "first home visit after restart (ms)", HomeFirstMs, "0", "", null);
        Row(text, Invariant($"home page p50 / p95 at {c} connections (ms)"), home?.Latency.P50, "0.0", "", null, home?.Latency.P95);
        Row(text, Invariant($"home page p99 at {c} connections (ms)"), home?.Latency.P99, "0.0", Large ? "≤ 50" : "≤ 30", v => v <= (Large ? 50 : 30));
        Row(text, Invariant($"home page req/s at {c} connections"), home?.RequestsPerSecond, "0", "", null);
        Row(text, Invariant($"search page p50 / p95 at {c} connections (ms)"), search?.Latency.P50, "0.0", "", null, search?.Latency.P95);
        Row(text, Invariant($"search page p99 at {c} connections (ms)"), search?.Latency.P99, "0.0", "", null);
        Row(text, Invariant($"search page req/s at {c} connections"), search?.RequestsPerSecond, "0", "≥ 600 (issue 9)", v => v >= 600);
        Row(text, "search page p99 at 32 connections (ms)", search32?.Latency.P99, "0.0", "≤ 100 (issue 9)", v => v <= 100);
        var uncached = Run("search-uncached", c);
        var uncached32 = Run("search-uncached", 32);
        Row(text, "  result cache off: warm-up of the restarted portal until it stopped compiling (s)", UncachedWarmUp?.Seconds, "0", "", null);
        Row(text, Invariant($"  result cache off: search page p50 / p99 at {c} connections (ms)"), uncached?.Latency.P50, "0.0", "", null, uncached?.Latency.P99);
        Row(text, Invariant($"  result cache off: search page req/s at {c} connections"), uncached?.RequestsPerSecond, "0", "≥ 600 (issue 9)", v => v >= 600);
        Row(text, "  result cache off: search page p99 at 32 connections (ms)", uncached32?.Latency.P99, "0.0", "≤ 100 (issue 9)", v => v <= 100);
        Row(text, Invariant($"  result cache off: CPU per request at {c} connections, portal / load generator (ms)"), uncached?.ServerCpuMsPerRequest, "0.00", "", null, uncached?.GeneratorCpuMsPerRequest);
        Row(text, Invariant($"static file req/s at {c} connections (the ceiling)"), staticRun?.RequestsPerSecond, "0", "", null);
        Row(text, Invariant($"search ÷ static req/s at {c} connections"), SearchToStatic, "0.000", "", null);
        Row(text, Invariant($"in-process: \"{InProcess?.HalfQuery}\" ({InProcess?.HalfTotal:N0} of {InProcess?.Readable:N0} readable) p50 / p99 (ms)"), InProcess?.HalfStore.P50, "0.0", "p99 ≤ 50 (issue 9)", null, InProcess?.HalfStore.P99);
        Row(text, "  met?", InProcess?.HalfStore.P99, "0.0", "≤ 50", v => v <= 50);
        Row(text, "  its CPU time p50 / p99 (ms, the searching thread's clock)", InProcess?.HalfStoreCpu?.P50, "0.0", "", null, InProcess?.HalfStoreCpu?.P99);
        Row(text, "in-process: the HTTP mix's queries, CPU per query p50 / p99 (ms)", InProcess?.MixCpu?.P50, "0.00", "p50 ≤ 1.5 (issue 9)", v => v <= 1.5, InProcess?.MixCpu?.P99);
        Row(text, "in-process: the HTTP mix's queries, wall p50 / p99 (ms)", InProcess?.Mix.P50, "0.00", "", null, InProcess?.Mix.P99);
        Row(text, "in-process: the HTTP mix's queries, managed memory allocated per query p50 / p99 (KB)", InProcess?.MixAllocatedKb?.P50, "0", "", null, InProcess?.MixAllocatedKb?.P99);
        Row(text, "in-process: type-ahead suggestions for prefixes of the mix's words, CPU p50 / p99 (ms)", InProcess?.SuggestCpu?.P50, "0.00", "", null, InProcess?.SuggestCpu?.P99);
        Row(text, "in-process: a document page's related documents and lessons, CPU p50 / p99 (ms)", InProcess?.RelatedCpu?.P50, "0.00", "", null, InProcess?.RelatedCpu?.P99);
        Row(text, "  managed memory allocated per call p50 (KB)", InProcess?.RelatedAllocatedKb?.P50, "0", "", null);
        Row(text, "portal beside SQLite FTS5 (trigram, bm25, snippet()): known items by title, Success@1 portal / FTS5", Fts5?.LuceneKnown.SuccessAt1, "0.000", "better than FTS5 (issue 9), or both 1.000", v => v > (Fts5?.Fts5Known.SuccessAt1 ?? double.MaxValue) || (v >= 1 && Fts5?.Fts5Known.SuccessAt1 >= 1), Fts5?.Fts5Known.SuccessAt1);
        Row(text, "  Success@10 portal / FTS5", Fts5?.LuceneKnown.SuccessAt10, "0.000", "", null, Fts5?.Fts5Known.SuccessAt10);
        Row(text, "  MRR@10 portal / FTS5", Fts5?.LuceneKnown.Mrr, "0.000", "", null, Fts5?.Fts5Known.Mrr);
        Row(text, "  plain queries with snippets, p50 portal / FTS5 (ms, one thread)", Fts5?.Lucene.P50, "0.00", "", null, Fts5?.Fts5.P50);
        Row(text, "  p99 portal / FTS5 (ms, one thread)", Fts5?.Lucene.P99, "0.00", "", null, Fts5?.Fts5.P99);
        Row(text, "  p99 portal ÷ FTS5", Fts5?.P99Ratio, "0.00", "≤ 1.5 (issue 9)", v => v <= 1.5);
        Row(text, "save (POST of the edit form) p50 / p95 (ms)", Save?.SaveMs.P50, "0", "", null, Save?.SaveMs.P95);
        Row(text, "save → searchable p95 (ms)", Save?.SearchableMs.P95, "0", "≤ 300", v => v <= 300);
        Row(text, Invariant($"idle CPU (% of one core, {Options.IdleSeconds} s, {PortalPhases.IdleSettle.TotalSeconds:0} s after the last request)"), IdleCpuPct, "0.00", "≤ 0.5", v => v <= 0.5);
        Row(text, Invariant($"files created by {Health?.Latency.Count ?? Options.HealthCalls:N0} calls of {HealthPath ?? "the health check"}"), HealthFilesCreated, "0", "0", v => v == 0);
        text.AppendLine();
        text.AppendLine(Notes());
        return text.ToString();
    }

    private string Notes()
    {
        var failures = Load.Where(r => r.Failures > 0).Select(r => Invariant($"{r.Name} at {r.Connections}c: {r.Failures} ({r.FirstFailure})")).ToList();
        var notes = new StringBuilder();
        notes.AppendLine(Invariant($"Documents: {Options.Documents:N0} generated ({Import?.DocumentBytes / 1e6:0.0} MB as Markdown files with front matter) + {Import?.Samples ?? 0} samples of content/; store after import: {Import?.StoreFiles:N0} files, {Import?.StoreFolderBytes / 1e6:0.0} MB."));
        if (Generated is { } g)
        {
            notes.AppendLine(Invariant($"Of the first {g.Checked} generated documents {g.Conforming} conform to their template; {g.LessonsPerDocument:0.0} lessons and {g.ActionItemsPerDocument:0.0} action items per document."));
        }

        notes.AppendLine(Invariant($"Save → searchable: {Save?.Samples ?? 0} samples, {Save?.Failures ?? 0} failed saves, {Save?.TimedOut ?? 0} not found within 30 s{(Save?.FirstFailure is { } f ? $" (first: {f})" : "")}."));
        notes.AppendLine("Requests timed per load run: " + string.Join(", ", Load.Select(r => Invariant($"{r.Name} at {r.Connections}c {r.Latency.Count:N0}"))) + " (a p99 of fewer than 100 requests is their maximum).");
        if (InProcess is { Costliest.Count: > 0 } inProcess)
        {
            notes.AppendLine("Costliest queries of the mix in-process (CPU p50, ms): " + string.Join(", ", inProcess.Costliest.Select(q => Invariant($"{q.Query} {q.CpuP50Ms:0.00}"))) + ".");
        }

        if (UncachedWarmUp is { } warm)
        {
            notes.AppendLine(Invariant($"Warm-up of the restarted portal (result cache off), req/s per {warm.WindowRates.Count} windows: {string.Join(", ", warm.WindowRates.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))}; methods compiled per window: {string.Join(", ", warm.WindowMethods.Select(c => c?.ToString(CultureInfo.InvariantCulture) ?? "?"))}{(warm.Settled ? "" : " (not settled: the runs after it time part of the compiling)")}."));
        }

        if (HealthFilesCreatedNames.Count > 0)
        {
            notes.AppendLine($"Files that appeared during the health calls: {string.Join(", ", HealthFilesCreatedNames)}.");
        }

        notes.AppendLine(failures.Count == 0 ? "No failed request in the load runs." : "Failed requests: " + string.Join("; ", failures) + ".");
        notes.AppendLine("The load generator runs on the same 2 cores as the portal: throughput figures are a floor, latencies include its own scheduling.");
        return notes.ToString();
    }

    private static void Row(StringBuilder text, string name, double? value, string format, string target, Func<double, bool>? met, double? second = null)
    {
        var shown = value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) + (second is { } s ? " / " + s.ToString(format, CultureInfo.InvariantCulture) : "") : "—";
        var verdict = met is null || value is null ? "" : met(value.Value) ? "met" : "**not met**";
        text.AppendLine($"| {name} | {shown} | {target} | {verdict} |");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeHub.Benchmarks;

/// <summary>The figures of one run, as artifacts/bench/search.json (flat headline keys first, details after) and as a table.</summary>
public sealed partial record SearchReport(
    BenchOptions Options,
    IReadOnlyList<string> Packages,
    int Documents,
    int SkippedPages,
    IReadOnlyList<LanguageIndexing> Indexing,
    long IndexBytes,
    bool FiltersSupported,
    bool FacetsComputed,
    IReadOnlyList<LatencyRun> Latency,
    IReadOnlyList<HitCost> HitCosts,
    IReadOnlyList<RelevanceResult> Relevance,
    MemoryFigures Memory,
    double? LoadAtStart,
    double? LoadAtEnd,
    string Commit,
    double RunSeconds)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>Of the Chinese known-item titles, how many the "traditional" variant writes differently (the rest have no character with a traditional form).</summary>
    public (int Changed, int Of)? TraditionalTitles { get; init; }

    /// <summary>SQLite FTS5 side by side (<see cref="Fts5Baseline"/>), when measured.</summary>
    public Fts5Comparison? Fts5 { get; init; }

    public long TextBytes => Indexing.Sum(i => i.TextBytes);

    public double IndexSizeRatio => (double)IndexBytes / TextBytes;

    /// <summary>The headline latency: for each percentile, the slower of the thread counts measured.</summary>
    public Percentiles Headline => new(
        Latency.Sum(r => r.Latency.Count),
        Latency.Max(r => r.Latency.P50),
        Latency.Max(r => r.Latency.P95),
        Latency.Max(r => r.Latency.P99),
        Latency.Max(r => r.Latency.Max),
        Latency.Max(r => r.Latency.Mean));

    public RelevanceResult Known(string language, string variant = "title", string? readers = null) =>
        Relevance.Single(r => r.Language == language && r.Variant == variant && r.Readers == (readers ?? language));

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var json = ToJson();
        await SearchJsonThroughput.KeepAsync(json, path, cancellationToken);
        await File.WriteAllTextAsync(path, json.ToJsonString(Json) + "\n", cancellationToken);
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["documents"] = Documents,
            ["zh_index_mb_s"] = R(Lang("zh").IndexMBPerSecond),
            ["en_index_mb_s"] = R(Lang("en").IndexMBPerSecond),
            ["index_parallel_threads"] = Indexing[0].Parallel.Threads,
            ["index_size_ratio"] = R(IndexSizeRatio),
            ["search_p50_ms"] = R(Headline.P50),
            ["search_p95_ms"] = R(Headline.P95),
            ["search_p99_ms"] = R(Headline.P99),
        };
        foreach (var language in new[] { "zh", "en" })
        {
            var known = Known(language);
            json[$"{language}_success_at_1"] = R(known.SuccessAt1);
            json[$"{language}_success_at_10"] = R(known.SuccessAt10);
            json[$"{language}_mrr"] = R(known.Mrr);
        }

        if (Fts5 is { } fts)
        {
            foreach (var language in new[] { "zh", "en" })
            {
                var known = fts.Known(language);
                json[$"fts5_{language}_success_at_1"] = R(known.SuccessAt1);
                json[$"fts5_{language}_success_at_10"] = R(known.SuccessAt10);
                json[$"fts5_{language}_mrr"] = R(known.Mrr);
                var both = Known(language);
                json[$"fts5_{language}_mrr_ratio"] = R(known.Mrr <= 0 ? 0 : both.Mrr / known.Mrr);
            }

            if (fts.Relevance.FirstOrDefault(r => r.Variant == "traditional") is { } traditional)
            {
                json[$"fts5_{traditional.Language}_traditional_success_at_1"] = R(traditional.SuccessAt1);
                json[$"fts5_{traditional.Language}_traditional_success_at_10"] = R(traditional.SuccessAt10);
                json[$"fts5_{traditional.Language}_traditional_mrr"] = R(traditional.Mrr);
            }

            json["fts5_p50_ms"] = R(fts.Fts5.P50);
            json["fts5_p99_ms"] = R(fts.Fts5.P99);
            json["fts5_lucene_p50_ms"] = R(fts.Lucene.P50);
            json["fts5_lucene_p99_ms"] = R(fts.Lucene.P99);
            json["fts5_p99_ratio"] = R(fts.P99Ratio);
        }

        foreach (var i in Indexing)
        {
            json[$"{i.Language}_documents"] = i.Documents;
            json[$"{i.Language}_text_mb"] = R(i.TextMB);
            json[$"{i.Language}_index_mb_s_parallel"] = R(i.IndexMBPerSecond);
            json[$"{i.Language}_index_mb_s_1t"] = R(i.SingleThreadIndexMBPerSecond);
            json[$"{i.Language}_index_docs_s"] = R(i.IndexDocumentsPerSecond);
            json[$"{i.Language}_index_docs_s_1t"] = R(i.SingleThreadIndexDocumentsPerSecond);
            json[$"{i.Language}_index_mb_per_cpu_s"] = R(i.IndexMBPerCpuSecond);
            json[$"{i.Language}_index_mb_per_cpu_s_1t"] = R(i.SingleThreadIndexMBPerCpuSecond);
            json[$"{i.Language}_pipeline_mb_s"] = R(i.PipelineMBPerSecond);
            json[$"{i.Language}_pipeline_docs_s"] = R(i.PipelineDocumentsPerSecond);
            json[$"{i.Language}_index_size_ratio"] = R((double)i.IndexOnlyBytes / i.TextBytes);
        }

        foreach (var run in Latency)
        {
            json[$"search_{run.Threads}t_p50_ms"] = R(run.Latency.P50);
            json[$"search_{run.Threads}t_p95_ms"] = R(run.Latency.P95);
            json[$"search_{run.Threads}t_p99_ms"] = R(run.Latency.P99);
            json[$"search_{run.Threads}t_qps"] = R(run.QueriesPerSecond);
            json[$"search_{run.Threads}t_cpu_ms_per_query"] = R(run.CpuMsPerQuery);
            if (run.ThreadCpu is { } cpu)
            {
                json[$"search_{run.Threads}t_thread_cpu_p50_ms"] = R(cpu.P50);
                json[$"search_{run.Threads}t_thread_cpu_p99_ms"] = R(cpu.P99);
            }
        }

        foreach (var r in Relevance.Where(r => r.Variant != "title" || r.Readers != r.Language))
        {
            var name = r.Variant is "short" or "traditional" ? $"{r.Language}_{r.Variant}" : $"{r.Language}_all_readers";
            json[$"{name}_success_at_1"] = R(r.SuccessAt1);
            json[$"{name}_success_at_10"] = R(r.SuccessAt10);
            json[$"{name}_mrr"] = R(r.Mrr);
        }

        if (TraditionalTitles is { } titles)
        {
            json["zh_traditional_titles_changed"] = titles.Changed;
            json["zh_traditional_titles"] = titles.Of;
        }

        json["search_hit_share"] = R(HitCostBenchmark.HitShare(HitCosts));
        json["peak_working_set_mb"] = R(Memory.PeakWorkingSetMB);
        json["gc_heap_after_full_collect_mb"] = R(Memory.HeapAfterFullCollectMB);
        json["allocated_kb_per_query"] = R(Latency.Max(r => r.AllocatedKBPerQuery));
        json["load_average_1m_start"] = LoadAtStart;
        json["load_average_1m_end"] = LoadAtEnd;
        json["details"] = Details();
        return json;
    }

    private JsonObject Details() => new()
    {
        ["date_utc"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["commit"] = Commit,
        ["run_seconds"] = R(RunSeconds),
        ["machine"] = Machine.Describe(),
        ["corpus"] = new JsonObject
        {
            ["packages"] = new JsonArray([.. Packages.Select(p => JsonValue.Create(p))]),
            ["skipped_near_empty_pages"] = SkippedPages,
            ["text_bytes"] = TextBytes,
            ["index_bytes"] = IndexBytes,
        },
        ["options"] = JsonSerializer.SerializeToNode(Options, Json),
        ["filters_supported"] = FiltersSupported,
        ["facets_computed"] = FacetsComputed,
        ["indexing"] = JsonSerializer.SerializeToNode(Indexing, Json),
        ["latency"] = JsonSerializer.SerializeToNode(Latency, Json),
        ["hit_cost"] = JsonSerializer.SerializeToNode(HitCosts, Json),
        ["relevance"] = JsonSerializer.SerializeToNode(Relevance, Json),
        ["memory"] = JsonSerializer.SerializeToNode(Memory, Json),
    };

    private LanguageIndexing Lang(string code) => Indexing.Single(i => i.Language == code);

    private static double R(double value) => Math.Round(value, 4);
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>
/// The figures of one scale run, filled in phase by phase (a failed phase leaves its figures null and sets
/// <see cref="Error"/>), written as artifacts/bench/scale.json (flat keys) and as a table with the targets beside.
/// </summary>
public sealed partial class ScaleReport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public required ScaleOptions Options { get; init; }

    public string Commit { get; init; } = "";

    public double? LoadAtStart { get; init; }

    public double? LoadAtEnd { get; set; }

    public double RunSeconds { get; set; }

    public string? Error { get; set; }

    public string TextSource { get; set; } = "";

    public string? PortalLog { get; set; }

    public GeneratedCheck? Generated { get; set; }

    public ImportResult? Import { get; set; }

    public string? HealthPath { get; set; }

    public double? FirstStartSeconds { get; set; }

    public ProcIo? FirstStartWrites { get; set; }

    public long? IndexedAtReady { get; set; }

    public long? IndexFolderBytes { get; set; }

    public double? StopSeconds { get; set; }

    public double? RestartSeconds { get; set; }

    public double? RssMB { get; set; }

    public double? RssAfterLoadMB { get; set; }

    public double? HomeFirstMs { get; set; }

    public LoadResult? Health { get; set; }

    public int? HealthFilesCreated { get; set; }

    /// <summary>The first 20 of those files, "store/…" or "index/…".</summary>
    public IReadOnlyList<string> HealthFilesCreatedNames { get; set; } = [];

    public int? StoreFilesBeforeHealth { get; set; }

    public int? StoreFilesAtEnd { get; set; }

    public List<LoadResult> Load { get; } = [];

    /// <summary>The warm-up of the restarted portal (result cache off) until its rate stopped climbing.</summary>
    public WarmUpResult? UncachedWarmUp { get; set; }

    public SaveResult? Save { get; set; }

    public double? IdleCpuPct { get; set; }

    /// <summary>The in-process search figures over the portal's index (after it stopped).</summary>
    public InProcessResult? InProcess { get; set; }

    /// <summary>SQLite FTS5 beside the portal's search over the same documents (<see cref="ScaleFts5"/>).</summary>
    public ScaleFts5Result? Fts5 { get; set; }

    public double? SearchToStatic => Run("search", Options.Connections) is { } search && Run("static", Options.Connections) is { RequestsPerSecond: > 0 } s
        ? search.RequestsPerSecond / s.RequestsPerSecond
        : null;

    /// <summary>The 100k-document column applies above 20k documents, the 20k column up to it.</summary>
    public bool Large => Options.Documents > 20_000;

    public LoadResult? Run(string name, int connections) => Load.FirstOrDefault(r => r.Name == name && r.Connections == connections);

    public double? IndexWriteAmplification => Ratio(FirstStartWrites?.WriteCalls);

    public double? IndexDiskWriteAmplification => Ratio(FirstStartWrites?.DiskWrites);

    public double? IndexSizeRatio => Ratio(IndexFolderBytes);

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var json = ToJson();
        await File.WriteAllTextAsync(path, json.ToJsonString(Json) + "\n", cancellationToken);
        await File.WriteAllTextAsync(Path.ChangeExtension(path, ".md"), Table(), cancellationToken);
        if (Options.Documents == SearchJsonThroughput.Documents && Error is null)
        {
            await SearchJsonThroughput.CopyAsync(json, Commit, SearchJsonThroughput.SearchJsonBeside(path), Json, cancellationToken);
        }
    }

    public JsonObject ToJson()
    {
        var c = Options.Connections;
        var home = Run("home", c);
        var search = Run("search", c);
        var search32 = Run("search", 32);
        var staticRun = Run("static", c);
        var json = new JsonObject
        {
            ["documents"] = Options.Documents,
            ["import_docs_s"] = R(Import?.DocsPerSecond),
            ["write_amplification"] = R(Import?.WriteAmplification),
            ["index_write_amplification"] = R(IndexWriteAmplification),
            ["first_start_s"] = R(FirstStartSeconds),
            ["restart_s"] = R(RestartSeconds),
            ["rss_mb"] = R(RssMB),
            [$"home_p99_ms_{c}c"] = R(home?.Latency.P99),
            [$"search_p99_ms_{c}c"] = R(search?.Latency.P99),
            ["save_to_searchable_p95_ms"] = R(Save?.SearchableMs.P95),
            ["idle_cpu_pct"] = R(IdleCpuPct, 3),
            ["health_files_created"] = HealthFilesCreated,
            ["health_files_created_names"] = new JsonArray(HealthFilesCreatedNames.Select(n => (JsonNode?)n).ToArray()),
            [$"static_rps_{c}c"] = R(staticRun?.RequestsPerSecond),
            [$"http_search_rps_{c}c"] = R(search?.RequestsPerSecond),
            ["http_search_p99_ms_32c"] = R(search32?.Latency.P99),
            ["http_search_rps_32c"] = R(search32?.RequestsPerSecond),
            [$"http_search_rps_{c}c_uncached"] = R(Run("search-uncached", c)?.RequestsPerSecond),
            [$"http_search_p99_ms_{c}c_uncached"] = R(Run("search-uncached", c)?.Latency.P99),
            ["http_search_p99_ms_32c_uncached"] = R(Run("search-uncached", 32)?.Latency.P99),
            ["http_search_rps_32c_uncached"] = R(Run("search-uncached", 32)?.RequestsPerSecond),
            [$"http_search_cpu_ms_per_request_{c}c_uncached"] = R(Run("search-uncached", c)?.ServerCpuMsPerRequest, 3),
            ["uncached_warmup_s"] = R(UncachedWarmUp?.Seconds, 0),
            ["uncached_warmup_settled"] = UncachedWarmUp?.Settled,
            ["uncached_warmup_window_rps"] = UncachedWarmUp is { } w ? new JsonArray(w.WindowRates.Select(r => (JsonNode?)R(r, 0)).ToArray()) : null,
            ["uncached_warmup_window_methods_compiled"] = UncachedWarmUp is { } m ? new JsonArray(m.WindowMethods.Select(c => (JsonNode?)c).ToArray()) : null,
            ["fts5_p50_ms"] = R(Fts5?.Fts5.P50),
            ["fts5_p99_ms"] = R(Fts5?.Fts5.P99),
            ["fts5_portal_p50_ms"] = R(Fts5?.Lucene.P50),
            ["fts5_portal_p99_ms"] = R(Fts5?.Lucene.P99),
            ["fts5_p99_ratio"] = R(Fts5?.P99Ratio, 3),
            ["fts5_success_at_1"] = R(Fts5?.Fts5Known.SuccessAt1, 3),
            ["fts5_success_at_10"] = R(Fts5?.Fts5Known.SuccessAt10, 3),
            ["fts5_mrr"] = R(Fts5?.Fts5Known.Mrr, 3),
            ["fts5_portal_success_at_1"] = R(Fts5?.LuceneKnown.SuccessAt1, 3),
            ["fts5_portal_success_at_10"] = R(Fts5?.LuceneKnown.SuccessAt10, 3),
            ["fts5_portal_mrr"] = R(Fts5?.LuceneKnown.Mrr, 3),
            ["inproc_allocated_kb_p50"] = R(InProcess?.MixAllocatedKb?.P50),
            ["inproc_allocated_kb_p99"] = R(InProcess?.MixAllocatedKb?.P99),
            [$"home_p50_ms_{c}c"] = R(home?.Latency.P50),
            [$"home_p95_ms_{c}c"] = R(home?.Latency.P95),
            [$"home_rps_{c}c"] = R(home?.RequestsPerSecond),
            [$"search_p50_ms_{c}c"] = R(search?.Latency.P50),
            [$"search_p95_ms_{c}c"] = R(search?.Latency.P95),
            [$"static_p99_ms_{c}c"] = R(staticRun?.Latency.P99),
            ["search_to_static_rps_ratio"] = R(SearchToStatic, 4),
            ["inproc_half_store_p99_ms"] = R(InProcess?.HalfStore.P99),
            ["inproc_half_store_p50_ms"] = R(InProcess?.HalfStore.P50),
            ["inproc_half_store_cpu_p50_ms"] = R(InProcess?.HalfStoreCpu?.P50),
            ["inproc_half_store_cpu_p99_ms"] = R(InProcess?.HalfStoreCpu?.P99),
            ["inproc_cpu_p50_ms_1_hit"] = R(InProcess?.MixCpuOneHit?.P50, 3),
            ["inproc_half_store_query"] = InProcess?.HalfQuery,
            ["inproc_half_store_hits"] = InProcess?.HalfTotal,
            ["inproc_readable_documents"] = InProcess?.Readable,
            ["inproc_cpu_p50_ms"] = R(InProcess?.MixCpu?.P50, 3),
            ["inproc_cpu_p99_ms"] = R(InProcess?.MixCpu?.P99, 3),
            ["inproc_costliest_queries_cpu_p50_ms"] = new JsonObject((InProcess?.Costliest ?? []).Select(q => KeyValuePair.Create(q.Query, (JsonNode?)R(q.CpuP50Ms, 3)))),
            ["inproc_suggest_cpu_p50_ms"] = R(InProcess?.SuggestCpu?.P50, 3),
            ["inproc_suggest_cpu_p99_ms"] = R(InProcess?.SuggestCpu?.P99, 3),
            ["inproc_related_cpu_p50_ms"] = R(InProcess?.RelatedCpu?.P50, 3),
            ["inproc_related_cpu_p99_ms"] = R(InProcess?.RelatedCpu?.P99, 3),
            ["inproc_related_allocated_kb_p50"] = R(InProcess?.RelatedAllocatedKb?.P50, 0),
            ["inproc_mix_p50_ms"] = R(InProcess?.Mix.P50, 3),
            ["inproc_mix_p99_ms"] = R(InProcess?.Mix.P99, 3),
            ["home_first_visit_ms"] = R(HomeFirstMs),
            ["save_ms_p50"] = R(Save?.SaveMs.P50),
            ["save_ms_p95"] = R(Save?.SaveMs.P95),
            ["save_to_searchable_p50_ms"] = R(Save?.SearchableMs.P50),
            ["save_to_searchable_p99_ms"] = R(Save?.SearchableMs.P99),
            ["save_samples"] = Save?.Samples,
            ["save_failures"] = Save?.Failures,
            ["save_timeouts"] = Save?.TimedOut,
            ["write_amplification_disk"] = R(Import?.DiskWriteAmplification),
            ["write_amplification_logical"] = R(Import?.LogicalWriteAmplification),
            ["index_write_amplification_disk"] = R(IndexDiskWriteAmplification),
            ["index_size_ratio"] = R(IndexSizeRatio),
            ["document_bytes"] = Import?.DocumentBytes,
            ["import_seconds"] = R(Import?.Seconds),
            ["import_threads"] = Options.ImportThreads,
            ["portal_environment"] = new JsonObject(Options.PortalEnvironment.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))),
            ["store_bytes_after_import"] = Import?.StoreFolderBytes,
            ["store_files_after_import"] = Import?.StoreFiles,
            ["store_files_before_health"] = StoreFilesBeforeHealth,
            ["store_files_at_end"] = StoreFilesAtEnd,
            ["indexed_documents_at_ready"] = IndexedAtReady,
            ["stop_s"] = R(StopSeconds),
            ["rss_after_load_mb"] = R(RssAfterLoadMB),
            ["health_path"] = HealthPath,
            ["health_calls"] = Health?.Latency.Count,
            ["health_p99_ms"] = R(Health?.Latency.P99),
            ["load_requests"] = new JsonObject(Load.Select(r => KeyValuePair.Create($"{r.Name}_{r.Connections}c", (JsonNode?)r.Latency.Count))),
            ["load_server_cpu_ms_per_request"] = new JsonObject(Load.Select(r => KeyValuePair.Create($"{r.Name}_{r.Connections}c", (JsonNode?)R(r.ServerCpuMsPerRequest, 3)))),
            ["load_generator_cpu_ms_per_request"] = new JsonObject(Load.Select(r => KeyValuePair.Create($"{r.Name}_{r.Connections}c", (JsonNode?)R(r.GeneratorCpuMsPerRequest, 3)))),
            ["load_failures"] = new JsonObject(Load.Select(r => KeyValuePair.Create($"{r.Name}_{r.Connections}c", (JsonNode?)r.Failures))),
            ["text_source"] = TextSource,
            ["generated_checked"] = Generated?.Checked,
            ["generated_conforming"] = Generated?.Conforming,
            ["generated_lessons_per_doc"] = R(Generated?.LessonsPerDocument),
            ["generated_action_items_per_doc"] = R(Generated?.ActionItemsPerDocument),
            ["commit"] = Commit,
            ["machine"] = Machine.Describe(),
            ["load_average_1m_start"] = LoadAtStart,
            ["load_average_1m_end"] = LoadAtEnd,
            ["run_seconds"] = R(RunSeconds, 0),
            ["portal_log"] = PortalLog,
            ["error"] = Error,
        };
        return json;
    }

    private double? Ratio(long? bytes) => bytes is { } b && Import is { DocumentBytes: > 0 } import ? (double)b / import.DocumentBytes : null;

    private static double? R(double? value, int digits = 2) => value is { } v && double.IsFinite(v) ? Math.Round(v, digits) : null;
}

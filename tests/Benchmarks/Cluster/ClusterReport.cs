using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeHub.Benchmarks.Cluster;

/// <summary>
/// One node's join: ready time (process start to <c>/health/ready</c> = 200), and from its log the restore (download,
/// restore) and the follower's timeline (start-up, each view's load, changes caught up), empty when not logged.
/// </summary>
public sealed record JoinResult(string Node, double ReadySeconds, bool RestoredFromSnapshot, int ProgressLines, string Restore = "", string Timeline = "");

public sealed record KillResult(int Acknowledged, int Lost, int FailedRequests, double LastFailureAfterKillSeconds);

/// <summary>What the cluster benchmark measured: artifacts/bench/cluster.json and a Markdown table beside it.</summary>
public sealed class ClusterReport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public int Documents { get; init; }

    /// <summary>Whether Azurite kept its metadata in memory (no seed) or on disk (a seeded run).</summary>
    public bool AzuriteInMemory { get; init; }

    public double ImportDocsPerSecond { get; set; }

    public double FirstNodeReadySeconds { get; set; }

    public double SnapshotWaitSeconds { get; set; }

    public List<JoinResult> Joins { get; } = [];

    public Percentiles SaveOnWriter { get; set; } = Percentiles.Of([]);

    public Percentiles SaveToSearchableOtherNode { get; set; } = Percentiles.Of([]);

    public Percentiles SaveToSearchableAllNodes { get; set; } = Percentiles.Of([]);

    public int SaveFailures { get; set; }

    /// <summary>The reading nodes' side of save → searchable (see <see cref="SearchLagSplit"/>); null before the saves.</summary>
    public SearchLagSplit? ReaderSide { get; set; }

    public KillResult Kill { get; set; } = new(0, 0, 0, 0);

    public List<double> IdleCpuPct { get; set; } = [];

    public double? LoadBefore { get; init; }

    public double? LoadAfter { get; set; }

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Json) + "\n", cancellationToken);
        await File.WriteAllTextAsync(Path.ChangeExtension(path, ".md"), ToTable() + "\n", cancellationToken);
    }

    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine(c, $"| cluster, {Documents} documents, 3 nodes on one Azurite ({(AzuriteInMemory ? "in memory" : "on disk")}) behind YARP | measured | goal |");
        table.AppendLine("|---|---|---|");
        table.AppendLine(c, $"| import into Azurite through the repository (docs/s) | {ImportDocsPerSecond:0} | |");
        table.AppendLine(c, $"| first node: index built from storage, ready (s) | {FirstNodeReadySeconds:0.0} | |");
        foreach (var join in Joins)
        {
            table.AppendLine(c, $"| {join.Node} joins: ready (s), restored from snapshot | {join.ReadySeconds:0.0}, {(join.RestoredFromSnapshot ? "yes" : "no")} | ≤ 60 |");
            if (join.Restore.Length > 0 || join.Timeline.Length > 0)
            {
                table.AppendLine(c, $"| {join.Node} phases: {join.Restore}; {join.Timeline} | | |");
            }
        }

        table.AppendLine(c, $"| the save itself (POST on the writing node, its own index wait included), p50 / p95 (ms) | {SaveOnWriter.P50:0} / {SaveOnWriter.P95:0} | |");
        table.AppendLine(c, $"| save → searchable on another node, p50 / p95 (ms) | {SaveToSearchableOtherNode.P50:0} / {SaveToSearchableOtherNode.P95:0} | p95 ≤ 2000 |");
        table.AppendLine(c, $"| save → searchable on both other nodes, p50 / p95 (ms) | {SaveToSearchableAllNodes.P50:0} / {SaveToSearchableAllNodes.P95:0} | |");
        table.AppendLine(c, $"| saves measured / failed | {SaveToSearchableAllNodes.Count} / {SaveFailures} | |");
        if (ReaderSide is { } side)
        {
            table.AppendLine(c, $"| on the reading nodes, p50 / p95 (ms): change newest when read (poll delay + read) | {side.NewestAtReadMs.P50:0} / {side.NewestAtReadMs.P95:0} | |");
            table.AppendLine(c, $"| … the change-log read / the index's reads and indexing / its commit and refresh | {side.ReadMs.P50:0} / {side.ReadMs.P95:0}; {side.ApplyMs.P50:0} / {side.ApplyMs.P95:0}; {side.CommitMs.P50:0} / {side.CommitMs.P95:0} | |");
            table.AppendLine(c, $"| … a batch's oldest change, append → searchable there | {side.SearchableMs.P50:0} / {side.SearchableMs.P95:0} | |");
        }

        table.AppendLine(c, $"| kill -9 under load: acknowledged writes / lost | {Kill.Acknowledged} / {Kill.Lost} | lost = 0 |");
        table.AppendLine(c, $"| kill -9 under load: failed requests, last failure after the kill (s) | {Kill.FailedRequests}, {Kill.LastFailureAfterKillSeconds:0.0} | |");
        table.AppendLine(c, $"| idle CPU per node (% of one core) | {string.Join(" / ", IdleCpuPct.Select(p => p.ToString("0.00", c)))} | ≤ 0.5 |");
        table.Append(c, $"| load average before / after | {LoadBefore:0.0} / {LoadAfter:0.0} | |");
        return table.ToString();
    }
}

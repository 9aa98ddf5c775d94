namespace KnowledgeHub.Benchmarks;

/// <summary>Latency percentiles in milliseconds (nearest-rank).</summary>
public sealed record Percentiles(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static Percentiles Of(IReadOnlyCollection<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        if (milliseconds.Count == 0)
        {
            return new Percentiles(0, 0, 0, 0, 0, 0);
        }

        var sorted = milliseconds.Order().ToArray();
        return new Percentiles(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1], sorted.Average());
    }

    private static double Rank(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>
/// One latency run at <see cref="Threads"/> threads: every query timed on its own (wall clock, and the searching
/// thread's CPU time in <see cref="ThreadCpu"/> where the clock exists), the wall time for the throughput.
/// </summary>
public sealed record LatencyRun(
    int Threads,
    double WallSeconds,
    Percentiles Latency,
    Percentiles? ThreadCpu,
    IReadOnlyDictionary<string, Percentiles> ByKind,
    double AllocatedKBPerQuery,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    int Fallbacks,
    double MeanHitsPerQuery,
    double CpuMsPerQuery,
    double GcPauseMs,
    long LockContentions)
{
    public double QueriesPerSecond => Latency.Count / WallSeconds;
}

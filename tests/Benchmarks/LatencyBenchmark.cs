using System.Diagnostics;
using KnowledgeHub.Documents;
using KnowledgeHub.Search;

namespace KnowledgeHub.Benchmarks;

/// <summary>
/// Search latency through <see cref="SearchService.Search"/> — parsing, the access filter inside the query,
/// top 10, stored fields and highlighted title and snippet for every hit — at a given number of threads.
/// Each thread runs its own seeded shuffle of the mix; all start together after a warm-up.
/// </summary>
public static class LatencyBenchmark
{
    public static void WarmUp(SearchService search, Caller caller, IReadOnlyList<MixQuery> mix, int rounds)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(mix);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var query in mix)
            {
                search.Search(query.Request(caller));
            }
        }
    }

    public static async Task<LatencyRun> RunAsync(SearchService search, Caller caller, IReadOnlyList<MixQuery> mix, int threads, int queries, int seed)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(mix);
        var perThread = Math.Max(1, queries / threads);
        var results = new (MixQuery Query, double Ms, double CpuMs, int Hits, bool Fallback)[threads][];
        using var start = new Barrier(threads + 1);
        var workers = Enumerable.Range(0, threads).Select(t => Task.Factory.StartNew(
            () => results[t] = Worker(search, caller, Shuffled(mix, seed + t), perThread, start),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToList();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var (gen0, gen1, gen2, allocated) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes(precise: true));
        var (cpu, paused, contentions) = (Machine.CpuTime(), GC.GetTotalPauseDuration(), Monitor.LockContentionCount);
        start.SignalAndWait();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(workers);
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var (cpuUsed, pause, contended) = (Machine.CpuTime() - cpu, GC.GetTotalPauseDuration() - paused, Monitor.LockContentionCount - contentions);

        var all = results.SelectMany(r => r).ToList();
        var byKind = all.GroupBy(r => r.Query.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Percentiles.Of(g.Select(r => r.Ms).ToList()), StringComparer.Ordinal);
        return new LatencyRun(
            threads,
            wall,
            Percentiles.Of(all.Select(r => r.Ms).ToList()),
            ThreadClock.IsAvailable ? Percentiles.Of(all.Select(r => r.CpuMs).ToList()) : null,
            byKind,
            allocatedBytes / 1024.0 / all.Count,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(1) - gen1,
            GC.CollectionCount(2) - gen2,
            all.Count(r => r.Fallback),
            all.Average(r => r.Hits),
            cpuUsed.TotalMilliseconds / all.Count,
            pause.TotalMilliseconds,
            contended);
    }

    private static (MixQuery, double, double, int, bool)[] Worker(SearchService search, Caller caller, MixQuery[] order, int count, Barrier start)
    {
        var timings = new (MixQuery, double, double, int, bool)[count];
        start.SignalAndWait();
        for (var i = 0; i < count; i++)
        {
            var query = order[i % order.Length];
            var cpu = ThreadClock.Read() ?? 0;
            var began = Stopwatch.GetTimestamp();
            var result = search.Search(query.Request(caller));
            var elapsed = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
            timings[i] = (query, elapsed, (ThreadClock.Read() ?? 0) - cpu, result.Total, result.Notes.Any(n => n.NotAsTyped));
        }

        return timings;
    }

    private static MixQuery[] Shuffled(IReadOnlyList<MixQuery> mix, int seed)
    {
        var order = mix.ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }
}

using System.Diagnostics;
using KnowledgeHub.Documents;
using KnowledgeHub.Search;

namespace KnowledgeHub.Benchmarks;

/// <summary>Mean cost of a query kind at 10 hits per page and at 1: the difference is what the 9 extra hits cost.</summary>
public sealed record HitCost(string Kind, int Queries, double MsAtTenHits, double MsAtOneHit)
{
    /// <summary>Loading one hit's stored fields and highlighting its title and snippet.</summary>
    public double MsPerHit => (MsAtTenHits - MsAtOneHit) / 9;

    /// <summary>The share of a 10-hit query spent on its hits (stored fields + highlighting).</summary>
    public double HitShare => MsAtTenHits <= 0 ? 0 : (MsAtTenHits - MsAtOneHit) * 10 / 9 / MsAtTenHits;
}

/// <summary>
/// A black-box profile through the public API: the mix at page size 10 and at page size 1, one thread, timed
/// by the searching thread's CPU clock where it exists (else wall time). Shows how much of a query is spent
/// on reading and highlighting its hits rather than on matching, scoring and facet counting.
/// </summary>
public static class HitCostBenchmark
{
    public static IReadOnlyList<HitCost> Run(SearchService search, Caller caller, IReadOnlyList<MixQuery> mix, int rounds)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(mix);
        var ten = Mean(search, caller, mix, rounds, pageSize: 10);
        var one = Mean(search, caller, mix, rounds, pageSize: 1);
        return ten.Keys.Order(StringComparer.Ordinal).Select(kind => new HitCost(kind, ten[kind].Count, ten[kind].Ms, one[kind].Ms)).ToList();
    }

    /// <summary>The share of all the queries' time spent on hits (stored fields + highlighting).</summary>
    public static double HitShare(IReadOnlyList<HitCost> costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        var total = costs.Sum(c => c.Queries * c.MsAtTenHits);
        return total <= 0 ? 0 : costs.Sum(c => c.Queries * (c.MsAtTenHits - c.MsAtOneHit) * 10 / 9) / total;
    }

    private static Dictionary<string, (double Ms, int Count)> Mean(SearchService search, Caller caller, IReadOnlyList<MixQuery> mix, int rounds, int pageSize)
    {
        var sums = new Dictionary<string, (double Ms, int Count)>(StringComparer.Ordinal);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var query in mix)
            {
                var cpu = ThreadClock.Read();
                var began = Stopwatch.GetTimestamp();
                search.Search(query.Request(caller, pageSize));
                var ms = cpu is { } before && ThreadClock.Read() is { } after ? after - before : Stopwatch.GetElapsedTime(began).TotalMilliseconds;
                var (sum, count) = sums.GetValueOrDefault(query.Kind);
                sums[query.Kind] = (sum + ms, count + 1);
            }
        }

        return sums.ToDictionary(s => s.Key, s => (s.Value.Ms / s.Value.Count, s.Value.Count / rounds), StringComparer.Ordinal);
    }
}

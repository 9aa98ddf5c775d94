using System.Diagnostics;
using KnowledgeHub.Documents;
using KnowledgeHub.Search;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>
/// In-process figures over the index the portal built (read after the portal has stopped): a query matching about half
/// the store (chosen among a few candidates by its total), timed <c>Repeats</c> times; and the per-query CPU time of the
/// HTTP mix's queries (the searching thread's clock, <see cref="ThreadClock"/>), each as alice, page 1 with facets,
/// snippets and the access filter. Each is timed after a warm-up that leaves the runtime's optimized code in place, as
/// in a portal that has served for a while (with 40 searches of warm-up the figures were up to a third higher and varied
/// by as much between runs: tier-0 and instrumented code).
/// </summary>
public static class InProcessSearch
{
    private const int Repeats = 200;
    private const int MixRounds = 10;
    private const int WarmUpRounds = 15;
    private const int RelatedDocuments = 40;

    /// <summary>"-word" alone means everything without the word: every document alice may read (archived ones aside).</summary>
    private const string EveryReadable = "-zqxjkvw";

    /// <summary>Words that many generated documents hold; the one whose total is nearest half the store is timed.</summary>
    private static readonly string[] HalfCandidates = ["的", "the", "and", "of", "to", "is", "a", "是", "在", "和", "中", "可以"];

    public static InProcessResult Run(string data, string indexPath, IReadOnlyList<string> mix)
    {
        ArgumentNullException.ThrowIfNull(mix);
        using var host = new BenchHost(data, indexPath);
        var search = host.Search;
        var alice = new Caller
        {
            UserName = DemoUsers.Alice.UserName,
            ObjectId = DemoUsers.Alice.ObjectId,
            Name = DemoUsers.Alice.Name,
            Roles = [AppRoles.Contributor],
            Groups = [DemoUsers.OpsGroup],
        };
        var readable = search.Search(new SearchRequest { Query = EveryReadable, Caller = alice }).Total;
        if (readable == 0)
        {
            // Timing searches over an empty index would report figures of nothing. An index of another schema version
            // opens empty until a portal rebuilds it.
            throw new InvalidOperationException(
                $"The index at {indexPath} holds no document alice may read (an index of another schema version opens empty): start the portal on it once to rebuild it, or make a new one with `scale --keep`.");
        }

        var (half, halfTotal) = HalfCandidates
            .Select(q => (Query: q, Total: search.Search(new SearchRequest { Query = q, Caller = alice }).Total))
            .MinBy(c => Math.Abs(c.Total - (readable / 2.0)));
        WarmUp(() => search.Search(new SearchRequest { Query = half, Caller = alice }));

        var halfCpu = new List<double>(Repeats);
        var halfMs = Time(
            () =>
            {
                var before = ThreadClock.Read();
                search.Search(new SearchRequest { Query = half, Caller = alice });
                if (before is { } b && ThreadClock.Read() is { } a)
                {
                    halfCpu.Add(a - b);
                }
            },
            Repeats);
        var queries = mix.Select(url => Uri.UnescapeDataString(url[(url.IndexOf("q=", StringComparison.Ordinal) + 2)..])).ToList();
        // Steady state, as a running portal has it: the runtime compiles a method again, optimized, only after it has been
        // called 30 times and no new method has been compiled for 100 ms; a short warm-up would time unoptimized code.
        WarmUp(() =>
        {
            foreach (var query in queries)
            {
                search.Search(new SearchRequest { Query = query, Caller = alice });
                search.Search(new SearchRequest { Query = query, Caller = alice, PageSize = 1 });
            }
        });

        var cpu = new List<double>();
        var cpuByQuery = queries.Distinct(StringComparer.Ordinal).ToDictionary(q => q, _ => new List<double>(MixRounds), StringComparer.Ordinal);
        var wall = new List<double>();
        var allocated = new List<double>();
        for (var round = 0; round < MixRounds; round++)
        {
            foreach (var query in queries)
            {
                var before = ThreadClock.Read();
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var began = Stopwatch.GetTimestamp();
                search.Search(new SearchRequest { Query = query, Caller = alice });
                wall.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                allocated.Add((GC.GetAllocatedBytesForCurrentThread() - bytes) / 1024.0);
                if (before is { } b && ThreadClock.Read() is { } a)
                {
                    cpu.Add(a - b);
                    cpuByQuery[query].Add(a - b);
                }
            }
        }

        var pageOfOne = new List<double>();
        foreach (var query in queries)
        {
            for (var round = 0; round < 3; round++)
            {
                var before = ThreadClock.Read();
                search.Search(new SearchRequest { Query = query, Caller = alice, PageSize = 1 });
                if (before is { } b && ThreadClock.Read() is { } a)
                {
                    pageOfOne.Add(a - b);
                }
            }
        }

        // Type-ahead as the nav box asks it: each prefix of each query's first word, one character more at a time.
        var prefixes = queries
            .Select(q => q.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "")
            .Where(w => w.Length > 0 && !w.Contains(':', StringComparison.Ordinal))
            .SelectMany(w => Enumerable.Range(1, Math.Min(w.Length, 8)).Select(n => w[..n]))
            .Where(SuggestLongEnough)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        WarmUp(() =>
        {
            foreach (var prefix in prefixes)
            {
                search.Suggest(prefix, alice);
            }
        });
        var suggestCpu = new List<double>(prefixes.Count * 3);
        for (var round = 0; round < 3; round++)
        {
            foreach (var prefix in prefixes)
            {
                var before = ThreadClock.Read();
                search.Suggest(prefix, alice);
                if (before is { } b && ThreadClock.Read() is { } a)
                {
                    suggestCpu.Add(a - b);
                }
            }
        }

        var (relatedCpu, relatedKb) = Related(search, alice);
        return new InProcessResult(half, halfTotal, readable, Percentiles.Of(halfMs), Percentiles.Of(wall), cpu.Count > 0 ? Percentiles.Of(cpu) : null)
        {
            SuggestCpu = suggestCpu.Count > 0 ? Percentiles.Of(suggestCpu) : null,
            RelatedCpu = relatedCpu,
            RelatedAllocatedKb = relatedKb,
            HalfStoreCpu = halfCpu.Count > 0 ? Percentiles.Of(halfCpu) : null,
            MixCpuOneHit = pageOfOne.Count > 0 ? Percentiles.Of(pageOfOne) : null,
            MixAllocatedKb = Percentiles.Of(allocated),
            Costliest = [.. cpuByQuery.Where(q => q.Value.Count > 0)
                .Select(q => new QueryCost(q.Key, Percentiles.Of(q.Value).P50))
                .OrderByDescending(q => q.CpuP50Ms)
                .Take(8)],
        };
    }

    /// <summary>
    /// A document page's "related documents and lessons" (every view asks for them): CPU and managed allocation per call,
    /// for <see cref="RelatedDocuments"/> documents alice may read, the newest first.
    /// </summary>
    private static (Percentiles? Cpu, Percentiles? AllocatedKb) Related(SearchService search, Caller alice)
    {
        var ids = search.Search(new SearchRequest { Query = EveryReadable, Caller = alice, Sort = SearchSort.Newest, PageSize = RelatedDocuments })
            .Hits.Select(h => h.DocumentId).ToList();
        WarmUp(() =>
        {
            foreach (var id in ids)
            {
                search.Related(id, alice);
            }
        });
        var cpu = new List<double>(ids.Count * 3);
        var allocated = new List<double>(ids.Count * 3);
        for (var round = 0; round < 3; round++)
        {
            foreach (var id in ids)
            {
                var before = ThreadClock.Read();
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                search.Related(id, alice);
                allocated.Add((GC.GetAllocatedBytesForCurrentThread() - bytes) / 1024.0);
                if (before is { } b && ThreadClock.Read() is { } a)
                {
                    cpu.Add(a - b);
                }
            }
        }

        return (cpu.Count > 0 ? Percentiles.Of(cpu) : null, allocated.Count > 0 ? Percentiles.Of(allocated) : null);
    }

    /// <summary>The nav box asks from one CJK character or two of anything else (the portal's <c>SuggestRules</c>).</summary>
    private static bool SuggestLongEnough(string prefix) => prefix.Length >= 2 || (prefix.Length == 1 && prefix[0] >= '\u2E80');

    /// <summary>Runs <paramref name="round"/> for at least <see cref="WarmUpRounds"/> rounds and two seconds, then lets the runtime's background compilation finish.</summary>
    private static void WarmUp(Action round)
    {
        var began = Stopwatch.GetTimestamp();
        for (var i = 0; i < WarmUpRounds || Stopwatch.GetElapsedTime(began) < TimeSpan.FromSeconds(2); i++)
        {
            round();
        }

        Thread.Sleep(TimeSpan.FromSeconds(1));
        round();
    }

    private static List<double> Time(Action action, int times)
    {
        var ms = new List<double>(times);
        for (var i = 0; i < times; i++)
        {
            var began = Stopwatch.GetTimestamp();
            action();
            ms.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }

        return ms;
    }
}

/// <summary>The half-store query (its text and total, of the documents alice may read), its latency, and the mix's latency and CPU per query.</summary>
public sealed record InProcessResult(string HalfQuery, int HalfTotal, int Readable, Percentiles HalfStore, Percentiles Mix, Percentiles? MixCpu)
{
    /// <summary>The half-store query's CPU time (the searching thread's clock), which a busy machine does not inflate.</summary>
    public Percentiles? HalfStoreCpu { get; init; }

    /// <summary>The mix's CPU per query at one hit per page: the difference to <see cref="MixCpu"/> is nine hits' stored fields and snippets.</summary>
    public Percentiles? MixCpuOneHit { get; init; }

    /// <summary>
    /// The mix's managed allocation per query in KB (the searching thread's count): what the garbage collector has to
    /// clear behind each search, which CPU time per query does not show and which dominates a loaded server.
    /// </summary>
    public Percentiles? MixAllocatedKb { get; init; }

    /// <summary>CPU per type-ahead suggestion (tags and titles for a prefix of the mix's words, as the nav box asks).</summary>
    public Percentiles? SuggestCpu { get; init; }

    /// <summary>CPU per document page's related documents and lessons (ms).</summary>
    public Percentiles? RelatedCpu { get; init; }

    /// <summary>Managed memory allocated per document page's related documents and lessons (KB).</summary>
    public Percentiles? RelatedAllocatedKb { get; init; }

    /// <summary>The mix's costliest queries by their median CPU time: what the tail of the HTTP latency is made of.</summary>
    public IReadOnlyList<QueryCost> Costliest { get; init; } = [];
}

/// <summary>One query of the mix and its median CPU time in ms.</summary>
public sealed record QueryCost(string Query, double CpuP50Ms);

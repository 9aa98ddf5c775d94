using System.Diagnostics;
using System.Globalization;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>
/// The portal part of the scale run: first start (builds the index from the imported store) → graceful stop →
/// restart → health calls → static, home and search load → save → searchable → idle CPU. Each process is killed on
/// the way out, also when a phase throws.
/// </summary>
public static class PortalPhases
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SaveBudget = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan SaveTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WarmUpWindow = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(150);
    private const int SettledMethods = 100;
    /// <summary>
    /// After the last request, before the idle window: the runtime's own after-load work (tiered compilation, GC) settles,
    /// and the index merges the small segments of the saves (once, 10 s after the last one: <c>Search:CompactAfterIdle</c>;
    /// ~0.2 s of CPU at 20k, which inside a 30 s window read as 0.87 % of a core instead of 0.13).
    /// </summary>
    public static readonly TimeSpan IdleSettle = TimeSpan.FromSeconds(20);

    public static async Task RunAsync(
        string root, string storeRoot, string indexPath, string data, ScaleOptions options, DocumentGenerator generator, ScaleReport report, CancellationToken cancellationToken)
    {
        var port = PortalProcess.FreePort();
        var logPath = Path.GetFullPath(Path.ChangeExtension(options.Out, null) + "-portal.log", root);
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        File.WriteAllText(logPath, "");
        report.PortalLog = Path.GetRelativePath(root, logPath);

        Console.WriteLine($"First start of the portal on 127.0.0.1:{port} (builds the index of {report.Import!.Documents + report.Import.Samples:N0} documents)...");
        var started = Stopwatch.GetTimestamp();
        await using (var first = PortalProcess.Start(root, storeRoot, indexPath, port, logPath, options.PortalEnvironment))
        {
            report.HealthPath = await first.WaitUntilReadyAsync(options.Health, options.StartTimeout, cancellationToken);
            report.FirstStartSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            report.FirstStartWrites = ProcStats.Io(first.Pid); // everything the process wrote since it started
            report.IndexedAtReady = await first.IndexedDocumentsAsync(report.HealthPath, cancellationToken);
            report.IndexFolderBytes = ProcStats.FolderBytes(indexPath);
            Console.WriteLine($"  ready ({report.HealthPath}) after {report.FirstStartSeconds:0.0} s; stopping it (SIGTERM)...");
            report.StopSeconds = (await first.StopAsync(StopGrace)).TotalSeconds;
        }

        Console.WriteLine("Restarting...");
        started = Stopwatch.GetTimestamp();
        PortalProcess? portal = PortalProcess.Start(root, storeRoot, indexPath, port, logPath, options.PortalEnvironment);
        try
        {
            await portal.WaitUntilReadyAsync(report.HealthPath, options.StartTimeout, cancellationToken);
            report.RestartSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            report.RssMB = ProcStats.RssMB(portal.Pid);
            Console.WriteLine($"  ready after {report.RestartSeconds:0.00} s, {report.RssMB:0} MB resident");

            using var client = new PortalClient(portal.BaseAddress);
            await client.SignInAsync(DemoUsers.Alice.UserName, cancellationToken);
            var home = Stopwatch.GetTimestamp();
            using (var first = await client.Http.GetAsync(new Uri("/", UriKind.Relative), cancellationToken))
            {
                _ = await first.Content.ReadAsByteArrayAsync(cancellationToken);
                report.HomeFirstMs = Stopwatch.GetElapsedTime(home).TotalMilliseconds;
            }

            await HealthFilesAsync(client, storeRoot, indexPath, options, report, cancellationToken);
            await LoadAsync(client, portal.Pid, options, Runs(options, generator, cached: true), report, cancellationToken);

            // The same search runs with the result cache off: the mix repeats its 60 queries, so the runs above are mostly
            // answered from the cache; these show what every search costs when it is computed.
            Console.WriteLine("Restarting with the search result cache off (Search:ResultCacheEntries=0)...");
            await portal.StopAsync(StopGrace);
            await portal.DisposeAsync();
            portal = null;
            // The runtime lists each method it compiles in a perf map (DOTNET_PerfMapEnabled=3: the map alone), which tells
            // the warm-up below when the compiling is over; it costs a line per compiled method, nothing once it is over.
            var jitMaps = Directory.CreateDirectory(Path.Combine(data, "perf-maps")).FullName;
            portal = PortalProcess.Start(
                root,
                storeRoot,
                indexPath,
                port,
                logPath,
                new Dictionary<string, string>(options.PortalEnvironment)
                {
                    ["Search:ResultCacheEntries"] = "0",
                    ["DOTNET_PerfMapEnabled"] = "3",
                    ["DOTNET_PerfMapJitDumpPath"] = jitMaps,
                });
            await portal.WaitUntilReadyAsync(report.HealthPath, options.StartTimeout, cancellationToken);
            using var uncached = new PortalClient(portal.BaseAddress);
            await uncached.SignInAsync(DemoUsers.Alice.UserName, cancellationToken);

            // A node reconciles its index with storage shortly after it starts (reading every entry's stamp); measured
            // through that, the first uncached run timed the reconcile (150 req/s at 8 connections, 435 at 32 after it).
            await Task.Delay(KnowledgeHub.Search.IndexReconciler.FirstReconcileDelay + TimeSpan.FromSeconds(5), cancellationToken);
            // A fresh process: every search now runs the JIT's first-tier code until the tiering catches up. With both
            // cores busy that took 40-60 s (wrk in 10 s windows: 59, 75, 120, 356, 518, 616, 610, 639 req/s), so a fixed
            // 30 s warm-up timed the end of the compiling. The rate alone cannot say when it is over: this machine's speed
            // moves by 10-20 % within a minute, and the climb has plateaus. Warm up until the runtime stops compiling.
            var mapPath = Path.Combine(jitMaps, $"perf-{portal.Pid}.map");
            report.UncachedWarmUp = await WarmUpAsync(uncached, options, Runs(options, generator, cached: false)[0], () => ProcStats.CountLines(mapPath), cancellationToken);
            await LoadAsync(uncached, portal.Pid, options, Runs(options, generator, cached: false), report, cancellationToken);
            await RunRestAsync(portal, uncached, data, indexPath, storeRoot, options, generator, report, cancellationToken);
        }
        finally
        {
            if (portal is not null)
            {
                await portal.DisposeAsync();
            }
        }
    }

    private static async Task RunRestAsync(
        PortalProcess portal, PortalClient client, string data, string indexPath, string storeRoot, ScaleOptions options, DocumentGenerator generator, ScaleReport report, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Save → searchable: up to {options.Saves} edits of alice's drafts through the edit form...");
        report.Save = await SaveToSearchable.RunAsync(client, options.Saves, SaveBudget, SaveTimeout, cancellationToken);

        Console.WriteLine($"Idle CPU: {IdleSettle.TotalSeconds:0} s to settle, then {options.IdleSeconds} s without requests...");
        await Task.Delay(IdleSettle, cancellationToken);
        var cpuBefore = ProcStats.CpuTime(portal.Pid);
        var idleStarted = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds), cancellationToken);
        var cpuAfter = ProcStats.CpuTime(portal.Pid);
        var wall = Stopwatch.GetElapsedTime(idleStarted);
        report.IdleCpuPct = cpuBefore is { } b && cpuAfter is { } a ? (a - b) / wall * 100 : null;
        report.RssAfterLoadMB = ProcStats.RssMB(portal.Pid);
        report.StoreFilesAtEnd = ProcStats.CountFiles(storeRoot);
        if (portal.HasExited)
        {
            throw new InvalidOperationException($"The portal exited during the run:\n{portal.Tail}");
        }

        await portal.StopAsync(StopGrace);
        Console.WriteLine("In-process search over the portal's index: a query matching about half the store, and the HTTP mix's CPU per query...");
        report.InProcess = InProcessSearch.Run(data, indexPath, Mix(options, generator));
        Console.WriteLine($"  \"{report.InProcess.HalfQuery}\" ({report.InProcess.HalfTotal:N0} hits): p99 {report.InProcess.HalfStore.P99:0.0} ms; mix CPU p50 {report.InProcess.MixCpu?.P50:0.00} ms");
        Console.WriteLine("SQLite FTS5 beside the portal's search over the same documents (plain mix queries with snippets, known items by title)...");
        report.Fts5 = ScaleFts5.Run(data, indexPath, generator, options.Documents, Mix(options, generator), options.Seed);
        Console.WriteLine($"  p99 portal {report.Fts5.Lucene.P99:0.0} ms, FTS5 {report.Fts5.Fts5.P99:0.0} ms; Success@1 portal {report.Fts5.LuceneKnown.SuccessAt1:0.000}, FTS5 {report.Fts5.Fts5Known.SuccessAt1:0.000}");
    }

    /// <summary>The search mix of a run: the fixed queries and the titles of generated documents.</summary>
    internal static IReadOnlyList<string> Mix(ScaleOptions options, DocumentGenerator generator) => HttpQueryMix.Build(
        Enumerable.Range(DocumentGenerator.EditTargets, 40).Where(i => i < options.Documents)
            .Select(i => Documents.FrontMatter.Parse(generator.Generate(i).Text).GetString("title") ?? ""),
        options.Seed);

    private static async Task HealthFilesAsync(PortalClient client, string storeRoot, string indexPath, ScaleOptions options, ScaleReport report, CancellationToken cancellationToken)
    {
        Console.WriteLine($"{options.HealthCalls:N0} calls of {report.HealthPath}, counting files in the store and the index before and after...");
        // Files that exist after the calls and did not before, by name: a node's own background work in the same seconds
        // (an index snapshot, a merge) shows up here too, and the names tell it from a health check that writes.
        HashSet<string> Files() => [.. ProcStats.ListFiles(storeRoot).Select(f => "store/" + f), .. ProcStats.ListFiles(indexPath).Select(f => "index/" + f)];
        var before = Files();
        report.Health = await LoadGenerator.RunAsync(
            "health", client.Http, 4, TimeSpan.Zero, TimeSpan.FromSeconds(120), options.HealthCalls, _ => report.HealthPath!, cancellationToken);
        var created = Files().Except(before).Order(StringComparer.Ordinal).ToList();
        report.HealthFilesCreated = created.Count;
        report.HealthFilesCreatedNames = created.Take(20).ToList();
        report.StoreFilesBeforeHealth = before.Count;
    }

    /// <summary>The load runs: static, home and search (cache on), or the search runs alone named "search-uncached".</summary>
    private static (string Name, int Connections, Func<int, string> Url)[] Runs(ScaleOptions options, DocumentGenerator generator, bool cached)
    {
        var mix = Mix(options, generator);
        var search = cached ? "search" : "search-uncached";
        (string, int, Func<int, string>)[] searches = [(search, options.Connections, i => mix[i % mix.Count]), (search, 32, i => mix[i % mix.Count])];
        return cached ? [("static", options.Connections, _ => "/css/site.css"), ("home", options.Connections, _ => "/"), .. searches] : searches;
    }

    /// <summary>
    /// Loads the portal in windows of <see cref="WarmUpWindow"/> until two windows in a row compiled fewer than
    /// <see cref="SettledMethods"/> methods (<paramref name="compiledMethods"/>: the runtime's count so far, null when it
    /// cannot be read — then until the last three windows' rates lie within 6 % of each other), at least the configured
    /// warm-up and at most <see cref="WarmUpLimit"/>.
    /// </summary>
    private static async Task<WarmUpResult> WarmUpAsync(
        PortalClient client, ScaleOptions options, (string Name, int Connections, Func<int, string> Url) run, Func<long?> compiledMethods, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Warm-up: {run.Name} at {run.Connections} connections in {WarmUpWindow.TotalSeconds:0} s windows until the runtime stops compiling (at most {WarmUpLimit.TotalSeconds:0} s)...");
        var rates = new List<double>();
        var compiled = new List<long?>();
        var began = Stopwatch.GetTimestamp();
        while (true)
        {
            var before = compiledMethods();
            var window = await LoadGenerator.RunAsync(run.Name, client.Http, run.Connections, TimeSpan.Zero, WarmUpWindow, int.MaxValue, run.Url, cancellationToken);
            rates.Add(window.RequestsPerSecond);
            compiled.Add(before is { } b && compiledMethods() is { } a ? a - b : null);
            var elapsed = Stopwatch.GetElapsedTime(began);
            var lastTwo = compiled.TakeLast(2).ToList();
            var lastRates = rates.TakeLast(3).ToList();
            var settled = elapsed.TotalSeconds >= options.WarmUpSeconds && (lastTwo.All(c => c is not null)
                ? lastTwo.Count == 2 && lastTwo.All(c => c < SettledMethods)
                : lastRates.Count == 3 && lastRates.Min() > 0 && lastRates.Max() / lastRates.Min() <= 1.06);
            if (settled || elapsed >= WarmUpLimit)
            {
                Console.WriteLine($"  {(settled ? "settled" : "not settled")} after {elapsed.TotalSeconds:0} s: {string.Join(", ", rates.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} req/s; methods compiled per window: {string.Join(", ", compiled.Select(c => c?.ToString(CultureInfo.InvariantCulture) ?? "?"))}");
                return new WarmUpResult(elapsed.TotalSeconds, rates, compiled, settled);
            }
        }
    }

    private static async Task LoadAsync(PortalClient client, int portalPid, ScaleOptions options, (string Name, int Connections, Func<int, string> Url)[] runs, ScaleReport report, CancellationToken cancellationToken)
    {
        var warmUp = TimeSpan.FromSeconds(options.WarmUpSeconds);
        var duration = TimeSpan.FromSeconds(options.DurationSeconds);
        foreach (var (name, connections, url) in runs.DistinctBy(r => (r.Name, r.Connections)))
        {
            Console.WriteLine($"Load: {name} at {connections} connections, {options.WarmUpSeconds} s warm-up + {options.DurationSeconds} s...");
            var result = await LoadGenerator.RunAsync(name, client.Http, connections, warmUp, duration, options.MaxRequests, url, cancellationToken, portalPid);
            report.Load.Add(result);
            Console.WriteLine($"  {result.RequestsPerSecond:0} req/s, p50 {result.Latency.P50:0.0} ms, p99 {result.Latency.P99:0.0} ms, portal CPU {result.ServerCpuMsPerRequest:0.00} ms/request (generator {result.GeneratorCpuMsPerRequest:0.00}), {result.Failures} failed{(result.FirstFailure is null ? "" : $" (first: {result.FirstFailure})")}");
        }
    }
}

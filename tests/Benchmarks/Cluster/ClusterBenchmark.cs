using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Azure.Storage.Blobs;
using KnowledgeHub.Benchmarks.Scale;
using KnowledgeHub.Cluster;

namespace KnowledgeHub.Benchmarks.Cluster;

/// <summary>
/// The cluster benchmark: N documents in one Azurite; node 1 builds the index and publishes a snapshot; nodes 2 and 3
/// join (restore it, follow the log); YARP in front. Then save → searchable on the other nodes, and kill -9 under load.
/// </summary>
public static class ClusterBenchmark
{
    public static async Task<int> RunAsync(ClusterBenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var report = new ClusterReport { Documents = options.Documents, AzuriteInMemory = options.Seed is null, LoadBefore = Machine.LoadAverage() };
        var runFolder = options.Seed is null ? null : Path.Combine(Path.GetTempPath(), "kh-cluster", Guid.NewGuid().ToString("N"));
        var seeded = options.Seed is null ? null : await SeededStore.TryCopyAsync(options.Seed, options.Documents, runFolder!, cancellationToken);
        Console.WriteLine(seeded is null
            ? $"cluster: importing {options.Documents} documents into Azurite, then starting node1"
            : $"cluster: {options.Documents} documents from the seed in {options.Seed}; starting node1");
        try
        {
            await RunAsync(options, report, runFolder, seeded, cancellationToken);
        }
        finally
        {
            if (runFolder is not null && Directory.Exists(runFolder))
            {
                Directory.Delete(runFolder, recursive: true);
            }
        }

        Console.WriteLine();
        Console.WriteLine(report.ToTable());
        return 0;
    }

    private static async Task RunAsync(ClusterBenchOptions options, ClusterReport report, string? runFolder, List<string>? seeded, CancellationToken cancellationToken)
    {
        var ids = seeded ?? [];
        var clock = Stopwatch.StartNew();
        TimeSpan imported = default;
        await using var cluster = await LocalCluster.StartAsync(
            new ClusterOptions
            {
                Nodes = 1,
                DataFolder = runFolder,

                // Without a seed to keep, Azurite runs in memory: its metadata file (~60 MB at 20k) is not rewritten every 5 s.
                AzuriteInMemory = options.Seed is null,
                PortalAssembly = options.Portal ?? RepositoryLayout.PortalAssembly,
                ReadyTimeout = TimeSpan.FromMinutes(30),

                // The reading nodes' debug lines split save → searchable (SearchLagSplit).
                Settings = new Dictionary<string, string>
                {
                    ["Logging:LogLevel:KnowledgeHub.Search.IndexSynchronizer"] = "Debug",
                    ["Logging:LogLevel:KnowledgeHub.Documents.Following.ChangeFollower"] = "Debug",
                },
                BeforeNodesStart = async (azurite, token) =>
                {
                    if (seeded is null)
                    {
                        (ids, report.ImportDocsPerSecond) = await ClusterSeed.ImportAsync(azurite, options.Documents, token);
                        if (options.Seed is not null)
                        {
                            await SeededStore.SaveAsync(options.Seed, options.Documents, Path.Combine(runFolder!, "azurite"), ids, token);
                        }
                    }

                    imported = clock.Elapsed;
                },
            },
            cancellationToken);
        try
        {
            report.FirstNodeReadySeconds = (clock.Elapsed - imported).TotalSeconds;
            Console.WriteLine($"cluster: node1 built its index in {report.FirstNodeReadySeconds:0.0} s; waiting for its snapshot");

            var latest = new BlobServiceClient(cluster.Storage.ConnectionString).GetBlobContainerClient(LocalCluster.ContainerName).GetBlobClient("snapshots/index/latest.json");
            var waited = Stopwatch.StartNew();
            while (!(await latest.ExistsAsync(cancellationToken)).Value)
            {
                await Task.Delay(500, cancellationToken);
            }

            report.SnapshotWaitSeconds = waited.Elapsed.TotalSeconds;
            await SaveAsync(report, options, cancellationToken);
            foreach (var _ in new[] { 2, 3 })
            {
                var join = Stopwatch.StartNew();
                var node = await cluster.AddNodeAsync(null, cancellationToken);
                var ready = join.Elapsed.TotalSeconds;
                var restored = await RestoredAsync(node, cancellationToken);
                var progress = node.Output.Split('\n').Count(l => l.Contains("MB downloaded", StringComparison.Ordinal));
                var timeline = await LoggedAsync(node, "Change log followed: ", cancellationToken);
                report.Joins.Add(new JoinResult(node.Name, ready, restored, progress, LoggedNow(node, "Restored the search index from snapshot "), timeline));
                Console.WriteLine($"cluster: {node.Name}: {timeline}");
                Console.WriteLine($"cluster: {node.Name} joined in {ready:0.0} s (restored from snapshot: {restored}, {progress} progress lines)");
            }

            await SaveAsync(report, options, cancellationToken);
            var documents = ids.ToArray();
            await MeasureSaveToSearchableAsync(cluster, documents, options, report, cancellationToken);
            await SaveAsync(report, options, cancellationToken);
            await MeasureIdleAsync(cluster, options, report, cancellationToken);
            await SaveAsync(report, options, cancellationToken);
            await MeasureKillUnderLoadAsync(cluster, documents[options.Saves..], options, report, cancellationToken);
            await SaveAsync(report, options, cancellationToken);
        }
        finally
        {
            await SaveNodeLogsAsync(cluster, options, cancellationToken);
        }
    }

    /// <summary>Writes the report so far (each phase adds to it, so a run stopped early still leaves its figures).</summary>
    private static async Task SaveAsync(ClusterReport report, ClusterBenchOptions options, CancellationToken cancellationToken)
    {
        report.LoadAfter = Machine.LoadAverage();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
        await report.WriteAsync(options.Output, cancellationToken);
    }

    /// <summary>
    /// Whether the node restored the snapshot, from its log: the console logger writes in the background, so the line
    /// may arrive a moment after the node answers ready (looked for up to 10 s; a rebuild says so too).
    /// </summary>
    private static async Task<bool> RestoredAsync(PortalNode node, CancellationToken cancellationToken)
    {
        for (var waited = 0; waited < 100; waited++)
        {
            var output = node.Output;
            if (output.Contains("Restored the search index from snapshot", StringComparison.Ordinal))
            {
                return true;
            }

            if (output.Contains("the index is rebuilt from storage", StringComparison.Ordinal))
            {
                return false;
            }

            await Task.Delay(100, cancellationToken);
        }

        return false;
    }

    /// <summary>The rest of the first log line of <paramref name="node"/> after <paramref name="marker"/>, waited for up to 60 s (the follower logs it once the node is in step).</summary>
    private static async Task<string> LoggedAsync(PortalNode node, string marker, CancellationToken cancellationToken)
    {
        for (var waited = 0; waited < 600; waited++)
        {
            if (LoggedNow(node, marker) is { Length: > 0 } found)
            {
                return found;
            }

            await Task.Delay(100, cancellationToken);
        }

        return "";
    }

    private static string LoggedNow(PortalNode node, string marker) =>
        node.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal)) is { } line
            ? line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..]
            : "";

    /// <summary>Each node's output beside the report (<c>cluster-node1.log</c>...), for what the table cannot say (why a join rebuilt).</summary>
    private static async Task SaveNodeLogsAsync(LocalCluster cluster, ClusterBenchOptions options, CancellationToken cancellationToken)
    {
        var stem = Path.ChangeExtension(Path.GetFullPath(options.Output), null);
        foreach (var node in cluster.Nodes)
        {
            await File.WriteAllTextAsync($"{stem}-{node.Name}.log", node.Output, cancellationToken);
        }
    }

    private static async Task MeasureSaveToSearchableAsync(LocalCluster cluster, string[] ids, ClusterBenchOptions options, ClusterReport report, CancellationToken cancellationToken)
    {
        Console.WriteLine($"cluster: {options.Saves} saves, each looked for on the two other nodes");
        var clients = new List<PortalClient>();
        foreach (var node in cluster.Nodes)
        {
            var client = new PortalClient(node.Address);
            await client.SignInAsync("alice", cancellationToken);
            clients.Add(client);
        }

        var perNode = new ConcurrentBag<double>();
        var onWriter = new ConcurrentBag<double>();
        var allNodes = new ConcurrentBag<double>();
        var failures = 0;
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, options.Saves), new ParallelOptions { MaxDegreeOfParallelism = options.Writers, CancellationToken = cancellationToken }, async (i, token) =>
            {
                var writer = i % clients.Count;
                var word = "zq" + Guid.NewGuid().ToString("N")[..10];
                HttpStatusCode status;
                long postedAt;
                try
                {
                    (status, postedAt) = await clients[writer].AppendWordAsync(ids[i], word, token);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !token.IsCancellationRequested)
                {
                    // A save that does not answer within the client's 30 s is a failed save, reported, not a crashed run.
                    Interlocked.Increment(ref failures);
                    Console.WriteLine($"cluster: a save on node{writer + 1} failed: {e.GetType().Name}: {e.Message}");
                    return;
                }

                if (status != HttpStatusCode.Redirect)
                {
                    Interlocked.Increment(ref failures);
                    return;
                }

                // The save itself (commit, change log, and the writer node's own bounded wait for its index).
                onWriter.Add(Stopwatch.GetElapsedTime(postedAt).TotalMilliseconds);

                var slowest = 0.0;
                foreach (var reader in clients.Where((_, n) => n != writer))
                {
                    var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
                    while (!await FindsAsync(reader, word, ids[i], token))
                    {
                        if (Stopwatch.GetTimestamp() > deadline)
                        {
                            Interlocked.Increment(ref failures);
                            return;
                        }

                        await Task.Delay(100, token);
                    }

                    var ms = Stopwatch.GetElapsedTime(postedAt).TotalMilliseconds;
                    perNode.Add(ms);
                    slowest = Math.Max(slowest, ms);
                }

                allNodes.Add(slowest);
            });
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }

        report.SaveOnWriter = Percentiles.Of(onWriter);
        report.SaveToSearchableOtherNode = Percentiles.Of(perNode);
        report.SaveToSearchableAllNodes = Percentiles.Of(allNodes);
        report.SaveFailures = failures;
        report.ReaderSide = SearchLagSplit.Of(cluster.Nodes.Select(n => n.Output));
    }

    /// <summary>A search that does not answer within the client's 30 s counts as "not found yet", not as a crashed run.</summary>
    private static async Task<bool> FindsAsync(PortalClient reader, string word, string id, CancellationToken token)
    {
        try
        {
            return await reader.SearchFindsAsync(word, id, token);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !token.IsCancellationRequested)
        {
            Console.WriteLine($"cluster: a search failed: {e.GetType().Name}: {e.Message}");
            return false;
        }
    }

    /// <summary>CPU of each node (user + system, /proc) over a window without requests, after the saves have settled; -1 for a node not running.</summary>
    private static async Task MeasureIdleAsync(LocalCluster cluster, ClusterBenchOptions options, ClusterReport report, CancellationToken cancellationToken)
    {
        // 15 s to settle: the last snapshot (published 10 s apart here) and the runtime's after-load work are done by then.
        Console.WriteLine($"cluster: idle CPU of the nodes over {options.IdleSeconds} s (after 15 s to settle)");
        await Task.Delay(TimeSpan.FromSeconds(15), cancellationToken);
        var before = cluster.Nodes.Select(n => n.ProcessId is { } pid ? ProcStats.CpuTime(pid) : null).ToList();
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds), cancellationToken);
        var after = cluster.Nodes.Select(n => n.ProcessId is { } pid ? ProcStats.CpuTime(pid) : null).ToList();
        report.IdleCpuPct = [.. before.Zip(after, (b, a) => b is { } x && a is { } y ? Math.Round((y - x) / clock.Elapsed * 100, 2) : -1)];
        Console.WriteLine($"cluster: idle CPU per node (% of one core): {string.Join(", ", report.IdleCpuPct)}");
    }

    private static async Task MeasureKillUnderLoadAsync(LocalCluster cluster, string[] ids, ClusterBenchOptions options, ClusterReport report, CancellationToken cancellationToken)
    {
        Console.WriteLine($"cluster: {options.Writers} writers through the proxy; node3 killed after 3 s");
        var acknowledged = new ConcurrentBag<(string Id, string Word)>();
        var outcomes = new ConcurrentQueue<(TimeSpan At, bool Ok)>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writers = Enumerable.Range(0, options.Writers).Select(async _ =>
        {
            using var client = new PortalClient(cluster.Proxy.Address);
            await client.SignInAsync("alice", cancellationToken);
            while (!stop.IsCancellationRequested)
            {
                var id = ids[Interlocked.Increment(ref next) % ids.Length];
                var word = "zk" + Guid.NewGuid().ToString("N")[..10];
                try
                {
                    var (status, _) = await client.AppendWordAsync(id, word, cancellationToken);
                    var ok = status == HttpStatusCode.Redirect;
                    if (ok)
                    {
                        acknowledged.Add((id, word));
                    }

                    outcomes.Enqueue((clock.Elapsed, ok));
                }
                catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    outcomes.Enqueue((clock.Elapsed, false));
                }
            }
        }).ToList();

        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        var killedAt = clock.Elapsed;
        await cluster.Nodes[2].KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(12), cancellationToken);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        using var checker = new PortalClient(cluster.Proxy.Address);
        await checker.SignInAsync("alice", cancellationToken);
        var lost = 0;
        foreach (var (id, word) in acknowledged)
        {
            using var page = await checker.Http.GetAsync(new Uri($"/Documents/{id}", UriKind.Relative), cancellationToken);
            if (!(await page.Content.ReadAsStringAsync(cancellationToken)).Contains(word, StringComparison.Ordinal))
            {
                lost++;
            }
        }

        var failedAfter = outcomes.Where(o => !o.Ok && o.At >= killedAt).ToList();
        report.Kill = new KillResult(
            acknowledged.Count,
            lost,
            outcomes.Count(o => !o.Ok),
            failedAfter.Count == 0 ? 0 : (failedAfter.Max(o => o.At) - killedAt).TotalSeconds);
        Console.WriteLine($"cluster: {acknowledged.Count} acknowledged writes, {lost} lost, {report.Kill.FailedRequests} failed requests");
    }
}

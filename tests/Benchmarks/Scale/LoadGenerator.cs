using System.Diagnostics;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>One load run: latencies of the measured requests (not the warm-up), throughput and failures.</summary>
public sealed record LoadResult(string Name, int Connections, double Seconds, Percentiles Latency, int Failures, string? FirstFailure)
{
    public double RequestsPerSecond => Latency.Count / Seconds;

    /// <summary>
    /// The server process's CPU time (user + system, from /proc) per timed request during the measured part; null when
    /// no server process was named. Both share two cores, so this is the figure that compares across runs best.
    /// </summary>
    public double? ServerCpuMsPerRequest { get; init; }

    /// <summary>The load generator's own CPU time per timed request during the measured part.</summary>
    public double? GeneratorCpuMsPerRequest { get; init; }
}

/// <summary>The warm-up before the computed-search runs: each window's rate and methods compiled, and whether it settled.</summary>
public sealed record WarmUpResult(double Seconds, IReadOnlyList<double> WindowRates, IReadOnlyList<long?> WindowMethods, bool Settled);

/// <summary>
/// A closed-loop HTTP load generator: <c>connections</c> loops on one client, each sending its next request when the
/// last answer has been read in full. A warm-up (not recorded), then a fixed duration, stopped early at a request
/// cap. A request fails when the answer is not 200 (or the check says so); failures are counted, not timed.
/// </summary>
public static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(
        string name,
        HttpClient http,
        int connections,
        TimeSpan warmUp,
        TimeSpan duration,
        int maxRequests,
        Func<int, string> url,
        CancellationToken cancellationToken,
        int? serverPid = null)
    {
        var failures = 0;
        var sent = 0;
        string? firstFailure = null;
        var recording = false;
        var stopwatch = new Stopwatch();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var samples = new List<double>[connections];
        var loops = Enumerable.Range(0, connections).Select(async loop =>
        {
            var mine = samples[loop] = new List<double>(4096);
            var i = loop;
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = false;
                string? failure = null;
                try
                {
                    using var response = await http.GetAsync(new Uri(url(i), UriKind.Relative), HttpCompletionOption.ResponseContentRead, stop.Token);
                    ok = response.StatusCode == System.Net.HttpStatusCode.OK;
                    failure = ok ? null : $"{url(i)} → {(int)response.StatusCode}";
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failure = $"{url(i)} → {e.GetType().Name}: {e.Message}";
                }

                i += connections;
                if (!Volatile.Read(ref recording))
                {
                    continue;
                }

                if (ok)
                {
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstFailure, failure, null);
                }

                if (Interlocked.Increment(ref sent) >= maxRequests)
                {
                    await stop.CancelAsync();
                }
            }
        }).ToList();

        await Task.Delay(warmUp, cancellationToken);
        var serverCpu = serverPid is { } pid ? ProcStats.CpuTime(pid) : null;
        var ownCpu = ProcStats.CpuTime(Environment.ProcessId);
        Volatile.Write(ref recording, true);
        stopwatch.Start();
        try
        {
            await Task.Delay(duration, stop.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The request cap was reached first.
        }

        await stop.CancelAsync();
        stopwatch.Stop();
        var serverCpuAfter = serverPid is { } p ? ProcStats.CpuTime(p) : null;
        var ownCpuAfter = ProcStats.CpuTime(Environment.ProcessId);
        await Task.WhenAll(loops);
        var all = samples.SelectMany(s => s).ToList();
        double? PerRequest(TimeSpan? before, TimeSpan? after) => before is { } b && after is { } a && all.Count > 0 ? (a - b).TotalMilliseconds / all.Count : null;
        return new LoadResult(name, connections, stopwatch.Elapsed.TotalSeconds, Percentiles.Of(all), failures, firstFailure)
        {
            ServerCpuMsPerRequest = PerRequest(serverCpu, serverCpuAfter),
            GeneratorCpuMsPerRequest = PerRequest(ownCpu, ownCpuAfter),
        };
    }
}

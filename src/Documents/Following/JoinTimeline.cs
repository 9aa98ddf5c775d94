using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Documents.Following;

/// <summary>
/// How a node came into step with the change log, logged once (a joining node's phases): seconds from the process's
/// start to the follower's start (start-up), each consumer's load (an index restored from a snapshot or rebuilt, the other
/// views), and the changes caught up until the first round that found the log with nothing new for anyone.
/// </summary>
internal sealed partial class JoinTimeline
{
    private readonly List<string> loads = [];
    private double startupSeconds;
    private long started;
    private int changesCaughtUp;
    private volatile string? summary;

    /// <summary>The logged line's text once the node was in step (null before).</summary>
    public string? Summary => summary;

    public void Started()
    {
        started = Stopwatch.GetTimestamp();
        using var process = Process.GetCurrentProcess();
        startupSeconds = Math.Max(0, (DateTime.Now - process.StartTime).TotalSeconds);
    }

    public void Loaded(string consumer, double seconds)
    {
        lock (loads)
        {
            loads.Add(string.Create(CultureInfo.InvariantCulture, $"{consumer} {seconds:0.0} s"));
        }
    }

    public void Applied(int changes)
    {
        if (summary is null)
        {
            Interlocked.Add(ref changesCaughtUp, changes);
        }
    }

    /// <summary>Called after each round in which nothing was loading and the log had nothing new: logs the timeline the first time.</summary>
    public void InStep(ILogger logger)
    {
        if (summary is not null)
        {
            return;
        }

        string loaded;
        lock (loads)
        {
            loaded = loads.Count == 0 ? "none" : string.Join(", ", loads);
        }

        var followed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        summary = string.Create(
            CultureInfo.InvariantCulture,
            $"in step {startupSeconds + followed:0.0} s after the process started: start-up {startupSeconds:0.0} s; loads (in parallel) {loaded}; {changesCaughtUp} changes caught up");
        LogInStep(logger, summary);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Change log followed: {Timeline}")]
    private static partial void LogInStep(ILogger logger, string timeline);
}

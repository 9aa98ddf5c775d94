using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Documents;

/// <summary>The audit log's memory: repeated refusals counted per minute, and records kept while storage refuses them.</summary>
public sealed partial class AuditLog
{
    /// <summary>True when <paramref name="entry"/> repeats a refusal already written this minute (it is counted instead).</summary>
    private bool Coalesce(AuditEntry entry)
    {
        var key = new RepeatKey(entry.Principal, entry.Action, entry.DocumentId, Minute(entry.Utc));
        lock (gate)
        {
            if (repeats.TryGetValue(key, out var repeat))
            {
                repeat.Count++;
                repeat.Last = entry;
                timer ??= time.CreateTimer(_ => _ = TickAsync(), null, FlushEvery, FlushEvery);
                return true;
            }

            if (repeats.Count < MaxTracked)
            {
                repeats[key] = new Repeat(entry);
            }

            return false;
        }
    }

    private async Task TickAsync()
    {
        try
        {
            await FlushAsync(all: false, CancellationToken.None);
        }
#pragma warning disable CA1031 // A timer tick: anything that fails is logged, and the records wait for the next tick.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogFlushFailed(logger, exception);
        }
    }

    private async Task FlushAsync(bool all, CancellationToken cancellationToken)
    {
        var lines = new List<byte[]>();
        lock (gate)
        {
            var current = Minute(time.GetUtcNow());
            foreach (var (key, repeat) in repeats.ToList())
            {
                if (!all && key.Minute >= current)
                {
                    continue;
                }

                if (repeat.Count > 0)
                {
                    lines.Add(JsonLines.Line(repeat.Last with { Count = repeat.Count }));
                    repeat.Count = 0;
                }

                if (key.Minute < current)
                {
                    repeats.Remove(key);
                }
            }
        }

        foreach (var line in lines)
        {
            await WriteAsync(line, cancellationToken);
        }

        await DrainAsync(cancellationToken);
    }

    /// <summary>Appends one line after any refused earlier (order kept); keeps it when storage refuses it too.</summary>
    private async Task WriteAsync(byte[] line, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (unwritten.Count > 0)
            {
                Keep(line);
                line = [];
            }
        }

        if (line.Length == 0)
        {
            await DrainAsync(cancellationToken);
            return;
        }

        try
        {
            await log.AppendAsync(line, cancellationToken);
        }
#pragma warning disable CA1031 // Kept and appended later (logged): an audit record never fails the read it records.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            lock (gate)
            {
                Keep(line);
            }

            LogKept(logger, exception.GetType().Name);
        }
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (!await draining.WaitAsync(0, cancellationToken))
        {
            return;
        }

        try
        {
            while (true)
            {
                byte[]? next;
                lock (gate)
                {
                    if (!unwritten.TryPeek(out next))
                    {
                        return;
                    }
                }

                try
                {
                    await log.AppendAsync(next, cancellationToken);
                }
#pragma warning disable CA1031 // Still unreachable: the lines stay, the timer tries again.
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    return;
                }

                lock (gate)
                {
                    unwritten.Dequeue();
                }
            }
        }
        finally
        {
            draining.Release();
        }
    }

    /// <summary>Under <see cref="gate"/>: queues a refused line (the oldest is dropped past <see cref="MaxUnwritten"/>).</summary>
    private void Keep(byte[] line)
    {
        if (unwritten.Count >= MaxUnwritten)
        {
            unwritten.Dequeue();
            LogDropped(logger, MaxUnwritten);
        }

        unwritten.Enqueue(line);
        timer ??= time.CreateTimer(_ => _ = TickAsync(), null, FlushEvery, FlushEvery);
    }

    private static long Minute(DateTimeOffset utc) => utc.UtcTicks / TimeSpan.TicksPerMinute;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage refused an audit record ({Kind}); it is kept and appended when storage answers again")]
    private static partial void LogKept(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "More than {Max} audit records waited for storage; the oldest was dropped")]
    private static partial void LogDropped(ILogger logger, int max);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the counted audit repeats failed; trying again")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);

    private sealed record RepeatKey(string Principal, string Action, string? DocumentId, long Minute);

    /// <summary>Repeats of one refusal in one minute, after the first (which is written at once).</summary>
    private sealed class Repeat(AuditEntry first)
    {
        public int Count { get; set; }

        public AuditEntry Last { get; set; } = first;
    }
}

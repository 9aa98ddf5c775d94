namespace KnowledgeHub.Portal.Outage;

/// <summary>
/// Whether storage answered the last call of this process. Set by <see cref="Telemetry.ObservedBlobStore"/>: an outage
/// failure marks it unavailable, any successful call marks it available again (recovery needs no restart). While it
/// is unavailable, calls that can be answered from the cache are, and one call at most every <see cref="ProbeInterval"/>
/// goes to storage to find out whether it is back. The layout shows the read-only banner while it is unavailable.
/// </summary>
public sealed class StorageAvailability(TimeProvider time)
{
    /// <summary>How often, at most, a call is let through to storage while it is unavailable.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    private long unavailableSinceTicks;
    private long lastAttemptTicks;

    public bool IsAvailable => Interlocked.Read(ref unavailableSinceTicks) == 0;

    /// <summary>When storage stopped answering, or null while it answers.</summary>
    public DateTimeOffset? UnavailableSince =>
        Interlocked.Read(ref unavailableSinceTicks) is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>True when a call should go to storage now: always while it is available, once per probe interval otherwise.</summary>
    public bool ShouldTry()
    {
        if (IsAvailable)
        {
            return true;
        }

        var now = time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref lastAttemptTicks);
        return now - last >= ProbeInterval.Ticks && Interlocked.CompareExchange(ref lastAttemptTicks, now, last) == last;
    }

    public void ReportFailure()
    {
        var now = time.GetUtcNow().UtcTicks;
        Interlocked.Exchange(ref lastAttemptTicks, now);
        Interlocked.CompareExchange(ref unavailableSinceTicks, now, 0);
    }

    public void ReportSuccess()
    {
        if (!IsAvailable)
        {
            Interlocked.Exchange(ref unavailableSinceTicks, 0);
        }
    }
}

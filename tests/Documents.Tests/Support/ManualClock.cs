namespace KnowledgeHub.Documents.Tests.Support;

/// <summary>A clock the test sets; timers and delays stay real (only "now" is controlled).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Set(DateTimeOffset value) => now = value;

    public void Advance(TimeSpan by) => now += by;
}

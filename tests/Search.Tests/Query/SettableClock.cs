namespace KnowledgeHub.Search.Tests.Query;

/// <summary>A clock a test can set ("today is 2026-11-29 in Shanghai"); the real time until it does.</summary>
public sealed class SettableClock : TimeProvider
{
    private DateTimeOffset? now;

    public void Set(DateTimeOffset value) => now = value;

    public override DateTimeOffset GetUtcNow() => now?.ToUniversalTime() ?? base.GetUtcNow();
}

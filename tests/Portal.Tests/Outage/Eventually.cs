namespace KnowledgeHub.Portal.Tests.Outage;

/// <summary>Tries again until a result is as wanted or 30 s have passed (storage returning, audit records flushed).</summary>
internal static class Eventually
{
    public static async Task<T> Async<T>(Func<Task<T>> attempt, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var result = await attempt();
            if (done(result) || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(100);
        }
    }
}

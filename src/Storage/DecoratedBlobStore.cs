namespace KnowledgeHub.Storage;

/// <summary>A store that wraps another (telemetry, outage caching); <see cref="Unwrap"/> finds the backend below.</summary>
public interface IDecoratedBlobStore
{
    IBlobStore Inner { get; }
}

public static class DecoratedBlobStore
{
    /// <summary>The backend under any wrappers (to report its location or tidy its folder).</summary>
    public static IBlobStore Unwrap(IBlobStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        for (var depth = 0; store is IDecoratedBlobStore decorated && depth < 16; depth++)
        {
            store = decorated.Inner;
        }

        return store;
    }
}

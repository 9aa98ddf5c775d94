using KnowledgeHub.Documents.Following;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Documents.UseCases;

/// <summary>
/// A request waits for a write's commit at most <see cref="FollowingOptions.WriteTimeout"/>. The write itself runs to its
/// end apart from the request (storage calls are bounded by the SDK's own timeouts and retries), so a request that stops
/// waiting never leaves a half-done write behind it: the write commits or fails as it would have, and is logged either way.
/// Past the limit the request gets <see cref="WriteNotConfirmedException"/> (the portal answers 503 with Retry-After and
/// a sentence), never a request that hangs until the client gives up.
/// </summary>
public sealed partial class BoundedWrite(IOptions<FollowingOptions> options, ILogger<BoundedWrite> logger)
{
    /// <summary>Runs <paramref name="write"/> (not cancelled by <paramref name="requestAborted"/>) and waits for it at most the write timeout.</summary>
    public async Task<T> RunAsync<T>(string action, string? documentId, Func<CancellationToken, Task<T>> write, CancellationToken requestAborted)
    {
        ArgumentNullException.ThrowIfNull(write);

        // Task.Run: the write's synchronous start (validation, serialization) must not run on the waiting request's time unbounded either.
        return await WaitAsync(action, documentId, Task.Run(() => write(CancellationToken.None), CancellationToken.None), requestAborted);
    }

    /// <summary>Waits for a write already started (a workflow step) at most the write timeout; past it, as <see cref="RunAsync"/>.</summary>
    public async Task<T> WaitAsync<T>(string action, string? documentId, Task<T> work, CancellationToken requestAborted)
    {
        ArgumentNullException.ThrowIfNull(work);
        var limit = options.Value.WriteTimeout;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return await work.WaitAsync(limit, requestAborted);
        }
        catch (TimeoutException)
        {
            LogNotConfirmed(action, documentId, limit.TotalSeconds);
            _ = ReportLateAsync(work, action, documentId, started);
            throw new WriteNotConfirmedException(action, documentId, limit);
        }
        catch (OperationCanceledException) when (requestAborted.IsCancellationRequested)
        {
            // The caller has gone; the write goes on and says how it ended.
            _ = ReportLateAsync(work, action, documentId, started);
            throw;
        }
    }

    private async Task ReportLateAsync<T>(Task<T> work, string action, string? documentId, long started)
    {
        try
        {
            await work;
            LogLateOutcome(action, documentId, "completed", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, null);
        }
#pragma warning disable CA1031 // Nobody waits for this write any more: its failure is logged, not thrown into the void.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogLateOutcome(action, documentId, "failed", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Action} of document {DocumentId} was not confirmed by storage within {LimitSeconds:0.#} s; answered 503 and left it running")]
    private partial void LogNotConfirmed(string action, string? documentId, double limitSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Action} of document {DocumentId} that nobody waited for any more {Outcome} after {ElapsedSeconds:0.0} s")]
    private partial void LogLateOutcome(string action, string? documentId, string outcome, double elapsedSeconds, Exception? exception);
}

/// <summary>
/// Storage did not confirm a write within <see cref="FollowingOptions.WriteTimeout"/>: the write may still complete. The
/// portal answers 503 with Retry-After and says so (open the document before saving again).
/// </summary>
public sealed class WriteNotConfirmedException : TimeoutException
{
    public WriteNotConfirmedException()
        : base("Storage did not confirm the write in time.")
    {
    }

    public WriteNotConfirmedException(string message)
        : base(message)
    {
    }

    public WriteNotConfirmedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public WriteNotConfirmedException(string action, string? documentId, TimeSpan limit)
        : base($"Storage did not confirm the {action} of document {documentId} within {limit.TotalSeconds:0.#} s; it may still complete.")
    {
        Limit = limit;
    }

    /// <summary>How long the request waited.</summary>
    public TimeSpan Limit { get; }
}

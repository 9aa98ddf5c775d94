using System.Diagnostics;
using System.Runtime.CompilerServices;
using KnowledgeHub.Portal.Outage;
using KnowledgeHub.Storage;
using KnowledgeHub.Telemetry;

namespace KnowledgeHub.Portal.Telemetry;

/// <summary>
/// Wraps the real store: a span per call (operation and the blob's area — <c>docs</c>, <c>changes</c>… — never a
/// path), <c>knowledgehub.storage.errors</c> by operation, <see cref="StorageAvailability"/> kept up to date, and whole
/// reads and small listings answered from <see cref="LastKnownBlobs"/> while storage is unreachable. A whole read of a
/// blob held there asks storage only whether it changed (<see cref="IBlobStore.ReadIfChangedAsync"/>). Writes are never
/// answered from anywhere but storage: while it is down they fail (503 upstream), so nothing is half-written.
/// </summary>
public sealed class ObservedBlobStore(IBlobStore inner, StorageAvailability availability, LastKnownBlobs lastKnown) : IBlobStore, IDecoratedBlobStore
{
    public IBlobStore Inner => inner;

    public async Task<BlobContent?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        if (!availability.ShouldTry() && lastKnown.TryGet(name, out var cached))
        {
            return cached;
        }

        using var activity = Start("read", name);
        try
        {
            // What this process read last is only checked (If-None-Match: a stat of a file, a 304 from Azure), not read again.
            if (lastKnown.TryGet(name, out var held) && held is not null)
            {
                var current = await inner.ReadIfChangedAsync(name, held.ETag, cancellationToken);
                Succeeded();
                if (current?.ETag == held.ETag)
                {
                    return held;
                }

                lastKnown.Put(name, current);
                return current;
            }

            var content = await inner.ReadAsync(name, cancellationToken);
            Succeeded();
            lastKnown.Put(name, content);
            return content;
        }
        catch (Exception exception) when (Failed(exception, "read", activity, cancellationToken) && lastKnown.TryGet(name, out var known))
        {
            activity?.SetTag("knowledgehub.storage.served_from_cache", true);
            return known;
        }
    }

    public Task<BlobContent?> ReadAsync(string name, long offset, CancellationToken cancellationToken) =>
        ObserveAsync("read-range", name, () => inner.ReadAsync(name, offset, cancellationToken), cancellationToken);

    public async Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken)
    {
        var etag = await ObserveAsync("write", name, () => inner.WriteAsync(name, content, condition, cancellationToken), cancellationToken);
        lastKnown.Put(name, new BlobContent(content.ToArray(), etag));
        return etag;
    }

    public async Task<string> WriteAsync(string name, Stream content, WriteCondition condition, CancellationToken cancellationToken)
    {
        lastKnown.Forget(name);
        return await ObserveAsync("write", name, () => inner.WriteAsync(name, content, condition, cancellationToken), cancellationToken);
    }

    public async IAsyncEnumerable<BlobItem> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!availability.ShouldTry() && lastKnown.TryGetListing(prefix, out var cached))
        {
            foreach (var item in cached)
            {
                yield return item;
            }

            yield break;
        }

        using var activity = Start("list", prefix);
        var seen = new List<BlobItem>();
        IReadOnlyList<BlobItem>? fallback = null;
        var items = inner.ListAsync(prefix, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await items.MoveNextAsync();
                }
                catch (Exception exception) when (Failed(exception, "list", activity, cancellationToken) && seen.Count == 0 && lastKnown.TryGetListing(prefix, out var known))
                {
                    fallback = known;
                    break;
                }

                if (!more)
                {
                    break;
                }

                if (seen.Count <= LastKnownBlobs.MaxListing)
                {
                    seen.Add(items.Current);
                }

                yield return items.Current;
            }
        }
        finally
        {
            await items.DisposeAsync();
        }

        if (fallback is not null)
        {
            foreach (var item in fallback)
            {
                yield return item;
            }

            yield break;
        }

        Succeeded();
        if (seen.Count <= LastKnownBlobs.MaxListing && LastKnownBlobs.KeepsListingOf(prefix))
        {
            lastKnown.PutListing(prefix, seen);
        }
    }

    public async Task<long> AppendAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        lastKnown.Forget(name);
        return await ObserveAsync("append", name, () => inner.AppendAsync(name, content, cancellationToken), cancellationToken);
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var deleted = await ObserveAsync("delete", name, () => inner.DeleteAsync(name, cancellationToken), cancellationToken);
        lastKnown.Put(name, null);
        return deleted;
    }

    private async Task<T> ObserveAsync<T>(string operation, string name, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        if (!availability.ShouldTry())
        {
            var refused = new StorageUnavailableException();
            StorageFaults.MarkStorage(refused, operation);
            throw refused;
        }

        using var activity = Start(operation, name);
        try
        {
            var result = await call();
            Succeeded();
            return result;
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's cancellation: the SDK gave up waiting. An outage, said as one.
            Failed(exception, operation, activity, cancellationToken);
            var timedOut = new StorageUnavailableException("A storage call timed out.", exception);
            StorageFaults.MarkStorage(timedOut, operation);
            throw timedOut;
        }
        catch (Exception exception)
        {
            Failed(exception, operation, activity, cancellationToken);
            throw;
        }
    }

    private void Succeeded() => availability.ReportSuccess();

    /// <summary>Records a failed call (never the caller's own cancellation or a failed write condition); true when it is an outage.</summary>
    private bool Failed(Exception exception, string operation, Activity? activity, CancellationToken cancellationToken)
    {
        if (exception is BlobConditionFailedException || (exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return false;
        }

        var outage = StorageFaults.IsOutage(exception) || exception is OperationCanceledException;
        KnowledgeHubTelemetry.StorageErrors.Add(
            1,
            new KeyValuePair<string, object?>("operation", operation),
            new KeyValuePair<string, object?>("kind", StorageFaults.Kind(exception)));
        activity?.SetStatus(ActivityStatusCode.Error, StorageFaults.Kind(exception));
        StorageFaults.MarkStorage(exception, operation);
        if (outage)
        {
            availability.ReportFailure();
        }

        return outage;
    }

    private static Activity? Start(string operation, string name)
    {
        var activity = KnowledgeHubTelemetry.Source.StartActivity("storage " + operation, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("knowledgehub.storage.operation", operation);
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            activity.SetTag("knowledgehub.storage.area", slash > 0 ? name[..slash] : name);
        }

        return activity;
    }
}

using System.Collections;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Documents;

/// <summary>
/// Every manifest in memory, kept in step with storage by following the change log: what the home page and the
/// review queues read instead of listing <c>docs/</c> and reading every manifest on each visit.
/// The first call lists the ids once and reads the manifests <see cref="Parallelism"/> at a time; each later call
/// reads the change-log lines since the snapshot's position and re-reads only the manifests they name (a missing or
/// unreadable one leaves the snapshot). Refreshes run one at a time. A caller is answered by a refresh that started
/// after it arrived, so a change it has just made is always in what it gets; callers that arrive while one refresh
/// runs share the next one. A refresh builds a new immutable snapshot and swaps it in whole.
/// No access filtering: callers filter with <see cref="DocumentAccess"/>.
/// </summary>
/// <remarks>
/// Following the log sees only what reaches it. Every manifest write of <see cref="DocumentRepository"/> appends an entry
/// after its commit point, but an append that fails (the repository logs it), a crash between the two, or a manifest
/// edited outside the repository never does: so the first visit once the last full load is older than
/// <paramref name="reloadInterval"/> (default <see cref="DefaultReloadInterval"/>, by <paramref name="time"/>) loads
/// every manifest again instead of following the log, and such a change shows up at the latest then.
/// </remarks>
public sealed partial class ManifestCatalog(
    DocumentRepository documents,
    ChangeLog changeLog,
    ILogger<ManifestCatalog> logger,
    TimeProvider? time = null,
    TimeSpan? reloadInterval = null) : IDisposable
{
    /// <summary>How many manifests are read at once.</summary>
    public const int Parallelism = 8;

    /// <summary>How old the last full load may grow before a visit loads every manifest again.</summary>
    public static readonly TimeSpan DefaultReloadInterval = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly TimeSpan reloadAfter = reloadInterval switch
    {
        null => DefaultReloadInterval,
        { } interval when interval > TimeSpan.Zero => interval,
        _ => throw new ArgumentOutOfRangeException(nameof(reloadInterval), reloadInterval, "The catalog's reload interval must be positive."),
    };
    private ManifestSnapshot? snapshot;
    private DateTimeOffset loadedUtc;
    private long started;
    private long lastCompleted;

    /// <summary>All manifests as of now (no access filtering), in id order: an immutable snapshot, safe to keep and enumerate.</summary>
    public async Task<IReadOnlyCollection<DocumentManifest>> GetAsync(CancellationToken cancellationToken)
    {
        var arrived = Interlocked.Read(ref started);
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (lastCompleted > arrived && snapshot is { } shared)
            {
                return shared;
            }

            var number = Interlocked.Increment(ref started);
            snapshot = snapshot is null || clock.GetUtcNow() - loadedUtc >= reloadAfter
                ? await LoadAsync(cancellationToken)
                : await RefreshAsync(snapshot, cancellationToken);
            lastCompleted = number;
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private async Task<ManifestSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        // Taken before reading: a change made during the load is read again (harmlessly) by the next refresh.
        var loading = clock.GetUtcNow();
        var end = await changeLog.EndAsync(cancellationToken);
        var ids = await documents.ListIdsAsync(cancellationToken);
        var manifests = await ReadAsync(ids, cancellationToken);
        var loaded = ImmutableSortedDictionary.CreateBuilder<string, DocumentManifest>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            if (manifests[i] is { } manifest)
            {
                loaded[ids[i]] = manifest;
            }
        }

        LogLoaded(loaded.Count, end.Value);
        loadedUtc = loading;
        return new ManifestSnapshot(loaded.ToImmutable(), end);
    }

    private async Task<ManifestSnapshot> RefreshAsync(ManifestSnapshot current, CancellationToken cancellationToken)
    {
        ChangeBatch batch;
        try
        {
            batch = await changeLog.ReadSinceAsync(current.Position, cancellationToken);
        }
        catch (ArgumentException exception)
        {
            // The position is not one of this change log (e.g. the storage was replaced): start over.
            LogUnknownPosition(current.Position.Value, exception);
            return await LoadAsync(cancellationToken);
        }

        if (batch.Changes.Count == 0)
        {
            return batch.Position == current.Position ? current : new ManifestSnapshot(current.Manifests, batch.Position);
        }

        var ids = batch.Changes.Select(change => change.DocumentId).Distinct(StringComparer.Ordinal).ToList();
        var manifests = await ReadAsync(ids, cancellationToken);
        var next = current.Manifests.ToBuilder();
        for (var i = 0; i < ids.Count; i++)
        {
            if (manifests[i] is { } manifest)
            {
                next[ids[i]] = manifest;
            }
            else
            {
                next.Remove(ids[i]);
            }
        }

        LogRefreshed(batch.Changes.Count, ids.Count, batch.Position.Value);
        return new ManifestSnapshot(next.ToImmutable(), batch.Position);
    }

    /// <summary>The manifests of <paramref name="ids"/> in the same order; null where there is none or it cannot be read.</summary>
    private async Task<DocumentManifest?[]> ReadAsync(List<string> ids, CancellationToken cancellationToken)
    {
        var manifests = new DocumentManifest?[ids.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), options, async (i, token) =>
        {
            try
            {
                manifests[i] = await documents.GetManifestAsync(ids[i], token);
            }
            catch (InvalidDataException exception)
            {
                LogUnreadableManifest(ids[i], exception);
            }
        });
        return manifests;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} manifests into the catalog; change-log position {Position}")]
    private partial void LogLoaded(int count, string position);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied {ChangeCount} changes to {DocumentCount} manifests of the catalog; change-log position {Position}")]
    private partial void LogRefreshed(int changeCount, int documentCount, string position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The manifest of document {DocumentId} cannot be read; it is left out of the catalog")]
    private partial void LogUnreadableManifest(string documentId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The catalog's position {Position} is not a position in the change log; reloading every manifest")]
    private partial void LogUnknownPosition(string position, Exception exception);
}

/// <summary>An immutable set of manifests (in id order) and the change-log position it reflects.</summary>
internal sealed class ManifestSnapshot : IReadOnlyCollection<DocumentManifest>
{
    public ManifestSnapshot(ImmutableSortedDictionary<string, DocumentManifest> manifests, ChangeLogPosition position) =>
        (Manifests, Position) = (manifests, position);

    /// <summary>The change-log position up to which every change is reflected.</summary>
    public ChangeLogPosition Position { get; }

    public int Count => Manifests.Count;

    public ImmutableSortedDictionary<string, DocumentManifest> Manifests { get; }

    public IEnumerator<DocumentManifest> GetEnumerator() => Manifests.Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

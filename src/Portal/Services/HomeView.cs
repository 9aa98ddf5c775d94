using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Search;
using Microsoft.Extensions.Caching.Memory;

namespace KnowledgeHub.Portal;

/// <summary>What the home page lists for one caller: the newest documents they may read and their review queues.</summary>
public sealed record HomeLists(IReadOnlyList<DocumentManifest> Recent, ReviewQueues Queues);

/// <summary>
/// The home page's lists. The index finds the candidates (<see cref="HomeFeeds"/>); only their manifests are read, and
/// the access and queue rules are applied to those — a visit costs the same whatever the size of the store. The lists
/// are kept per set of principals until the index moves on (its checkpoint changes: every change reaches it through
/// the change log) or <see cref="MaxAge"/> passes (for what only reconciliation repairs), so a busy home page costs
/// its rendering only.
/// </summary>
public sealed class HomeView(HomeFeeds feeds, LuceneIndex index, DocumentRepository documents) : IDisposable
{
    public const int RecentCount = 10;

    /// <summary>How many candidates each queue reads at most.</summary>
    public const int QueueCandidates = 20;

    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public async Task<HomeLists> GetAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var key = (nameof(HomeView), index.Checkpoint?.Value, caller.Principal, string.Join('\n', caller.Principals.Order(StringComparer.Ordinal)));
        if (cache.TryGetValue(key, out HomeLists? cached) && cached is not null)
        {
            return cached;
        }

        var lists = await ComputeAsync(caller, cancellationToken);
        cache.Set(key, lists, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = MaxAge, Size = 1 });
        return lists;
    }

    public void Dispose() => cache.Dispose();

    private async Task<HomeLists> ComputeAsync(Caller caller, CancellationToken cancellationToken)
    {
        var recentIds = feeds.Recent(caller, RecentCount);
        var queueIds = feeds.AwaitingReview(caller, QueueCandidates).Concat(feeds.Mine(caller, QueueCandidates));
        var manifests = await ReadAsync([.. recentIds.Concat(queueIds).Distinct(StringComparer.Ordinal)], cancellationToken);
        var recent = await Task.WhenAll(recentIds
            .Select(id => manifests.GetValueOrDefault(id))
            .OfType<DocumentManifest>()
            .Where(m => DocumentAccess.CanRead(m, caller) && AccessRules.ShowInFeeds(m))
            .Select(m => AsSeenAsync(m, caller, cancellationToken)));
        return new HomeLists(recent, ReviewQueries.From(manifests.Values, caller));
    }

    /// <summary>A card as the caller may see it: a reader gets the approved version's title and status, not a pending draft's.</summary>
    private async Task<DocumentManifest> AsSeenAsync(DocumentManifest manifest, Caller caller, CancellationToken cancellationToken)
    {
        if (manifest.ReaderVersion == manifest.CurrentVersion || DocumentPolicy.SeesDrafts(manifest, caller))
        {
            return manifest;
        }

        var approved = await documents.GetVersionOfAsync(manifest, manifest.ReaderVersion, cancellationToken);
        return manifest with { Title = approved?.Title ?? manifest.Title, Status = ReaderView.ReaderStatus(manifest) };
    }

    private async Task<Dictionary<string, DocumentManifest>> ReadAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        (await documents.GetManifestsAsync(ids, cancellationToken)).OfType<DocumentManifest>().ToDictionary(m => m.Id, StringComparer.Ordinal);
}

using KnowledgeHub.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace KnowledgeHub.Portal.Outage;

/// <summary>
/// The last content this process read of each small blob (manifests, versions, review trails, templates) and the last
/// listing of each small prefix (a document's versions), to answer reads while storage is unreachable; while it answers, a
/// whole read of a blob held here only asks whether it changed (<c>ObservedBlobStore</c>). Bounded (<see cref="MaxBytes"/>,
/// least recently used out); "did not exist" is remembered too.
/// </summary>
public sealed class LastKnownBlobs : IDisposable
{
    public const long MaxBytes = 32L * 1024 * 1024;
    public const int MaxBlobBytes = 256 * 1024;
    public const int MaxListing = 2000;

    private static readonly TimeSpan Keep = TimeSpan.FromHours(12);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxBytes });

    public void Put(string name, BlobContent? content)
    {
        if (content is null || content.Content.Length <= MaxBlobBytes)
        {
            cache.Set(("blob", name), new Known(content), Options(256 + (content?.Content.Length ?? 0)));
        }
        else
        {
            cache.Remove(("blob", name));
        }
    }

    public bool TryGet(string name, out BlobContent? content)
    {
        var found = cache.TryGetValue(("blob", name), out Known? known) && known is not null;
        content = found ? known!.Content : null;
        return found;
    }

    /// <summary>
    /// Only listings inside one document or folder (<c>docs/{id}/v/</c>: two levels or more) are kept; a listing of the
    /// whole store or an area is what the ready check uses to prove storage answers, and must never come from memory.
    /// </summary>
    public static bool KeepsListingOf(string prefix) => prefix.Count(c => c == '/') >= 2;

    public void PutListing(string prefix, IReadOnlyList<BlobItem> items) =>
        cache.Set(("list", prefix), items, Options(256 + (items.Count * 128)));

    public bool TryGetListing(string prefix, out IReadOnlyList<BlobItem> items)
    {
        var found = cache.TryGetValue(("list", prefix), out IReadOnlyList<BlobItem>? known) && known is not null;
        items = found ? known! : [];
        return found;
    }

    public void Forget(string name) => cache.Remove(("blob", name));

    public void Dispose() => cache.Dispose();

    private static MemoryCacheEntryOptions Options(long size) => new() { Size = size, SlidingExpiration = Keep };

    private sealed record Known(BlobContent? Content);
}

using System.ComponentModel.DataAnnotations;

namespace KnowledgeHub.Search;

/// <summary>
/// The "Search" configuration section. <see cref="IndexPath"/> may be relative: it resolves against the
/// host's content root (the portal's project folder under <c>dotnet run --project src/Portal</c>, so the
/// default is <c>src/Portal/data/index</c>, next to the file-system blob store's data folder).
/// </summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    [Required(AllowEmptyStrings = false, ErrorMessage = "The setting Search:IndexPath must name the folder of the search index.")]
    public string IndexPath { get; set; } = Path.Combine("data", "index");

    /// <summary>
    /// How often the follower reconciles the index with the manifests in storage (and once shortly after start), to
    /// repair changes whose change-log entry was never written. Each round lists <c>docs/</c> once and reads no manifest
    /// unless it differs from the index.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "The setting Search:ReconcileInterval must be between 00:00:00.010 and 1.00:00:00.")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A rebuild logs its progress every this many documents.</summary>
    [Range(1, 1_000_000, ErrorMessage = "The setting Search:RebuildProgressEvery must be between 1 and 1000000.")]
    public int RebuildProgressEvery { get; set; } = 500;

    /// <summary>
    /// How many documents a rebuild reads and indexes at once (default: one per processor). Analysis and the
    /// IndexWriter are CPU-bound; 1 rebuilds on one thread. Catching up with single changes is always sequential.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "The setting Search:RebuildParallelism must be at least 1.")]
    public int RebuildParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// How many pages of search results are kept for the index version they were computed on (see
    /// <c>SearchResultCache</c>): a repeated search by the same user on an unchanged index is answered without
    /// searching. About 20–40 KB each; 0 turns the cache off.
    /// </summary>
    [Range(0, 100_000, ErrorMessage = "The setting Search:ResultCacheEntries must be between 0 and 100000.")]
    public int ResultCacheEntries { get; set; } = 256;

    /// <summary>
    /// When this long has passed since the index last changed, its small segments (each save adds one) are merged into
    /// one, so a search looks its terms up in two or three segments instead of up to seven; 00:00:00 turns it off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "The setting Search:CompactAfterIdle must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan CompactAfterIdle { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The absolute index folder: <see cref="IndexPath"/> resolved against <paramref name="contentRoot"/>.</summary>
    public string ResolveIndexPath(string contentRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentRoot);
        return Path.GetFullPath(Path.Combine(contentRoot, IndexPath));
    }
}

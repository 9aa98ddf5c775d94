using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages;

/// <summary>
/// Home: a search box, the newest documents the caller may read (never Restricted ones: not in feeds) and the review
/// queues. The index finds the candidates (<see cref="HomeFeeds"/>); only their manifests are read, and the access and
/// queue rules are applied to those — a visit costs the same whatever the size of the store.
/// </summary>
public sealed class IndexModel(HomeFeeds feeds, DocumentRepository documents, TypeLabels typeLabels) : PageModel
{
    public const int RecentCount = 10;

    /// <summary>How many candidates each queue reads at most.</summary>
    public const int QueueCandidates = 20;

    private IReadOnlyDictionary<string, string> _labels = new Dictionary<string, string>();

    public IReadOnlyList<DocumentManifest> Recent { get; private set; } = [];

    public bool CanCreate { get; private set; }

    /// <summary>Awaiting my review, my drafts, changes requested (<see cref="ReviewQueries"/>).</summary>
    public ReviewQueues Queues { get; private set; } = new([], [], []);

    public string TypeLabel(string type) => _labels.GetValueOrDefault(type, type);

    public async Task OnGetAsync()
    {
        var caller = HttpContext.GetCaller();
        var token = HttpContext.RequestAborted;
        CanCreate = DocumentAccess.CanCreate(caller);
        var recentIds = feeds.Recent(caller, RecentCount);
        var queueIds = feeds.AwaitingReview(caller, QueueCandidates).Concat(feeds.Mine(caller, QueueCandidates));
        var manifests = await ReadAsync([.. recentIds.Concat(queueIds).Distinct(StringComparer.Ordinal)], token);
        Recent = await Task.WhenAll(recentIds
            .Select(id => manifests.GetValueOrDefault(id))
            .OfType<DocumentManifest>()
            .Where(m => DocumentAccess.CanRead(m, caller) && AccessRules.ShowInFeeds(m))
            .Select(m => AsSeenAsync(m, caller, token)));
        Queues = ReviewQueries.From(manifests.Values, caller);
        _labels = await typeLabels.GetAsync(token);
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

    private async Task<Dictionary<string, DocumentManifest>> ReadAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var read = await Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                return await documents.GetManifestAsync(id, cancellationToken);
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }));
        return read.OfType<DocumentManifest>().ToDictionary(m => m.Id, StringComparer.Ordinal);
    }
}

using KnowledgeHub.Documents;
using KnowledgeHub.Search;

namespace KnowledgeHub.Portal.Access;

/// <summary>
/// What the portal does with a page of hits before showing it (pages and API alike): each hit's manifest is read
/// and <see cref="DocumentAccess"/> asked again (defence in depth: the index already filtered by principals), and
/// a Restricted document shows its title only — no snippet, no attachment name — since Restricted documents are
/// never previewed. Titles come from the index, which holds the version readers see (never a pending draft's title);
/// the status shown to a reader is <see cref="ReaderView.ReaderStatus"/>.
/// </summary>
public sealed class SearchHitGuard(DocumentRepository documents)
{
    public async Task<SearchResults> GuardAsync(SearchResults results, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(caller);
        // One page of hits (10 by default): the manifests are read together, not one round trip after another.
        DocumentManifest?[] manifests;
        try
        {
            manifests = await documents.GetManifestsAsync([.. results.Hits.Select(hit => hit.DocumentId)], cancellationToken);
        }
        catch (Exception exception) when (Outage.StorageFaults.IsStorageOutage(exception))
        {
            // Storage unreachable: the index alone answers (it filtered by the caller's principals); titles only, since
            // whether a hit may show a snippet is the manifest's to say.
            return results with { Hits = [.. results.Hits.Select(hit => hit with { SnippetHtml = "", MatchedAttachment = null, Title = UnicodeControls.WithoutBidiControls(hit.Title), TitleHtml = UnicodeControls.WithoutBidiControls(hit.TitleHtml) })] };
        }

        var shown = new List<SearchHit>(results.Hits.Count);
        foreach (var (hit, manifest) in results.Hits.Zip(manifests))
        {
            if (manifest is null || !DocumentAccess.CanRead(manifest, caller))
            {
                continue;
            }

            // The index holds the version readers see; its status is the manifest's, so a reader is not told a draft is in review.
            var seen = (DocumentPolicy.SeesDrafts(manifest, caller) ? hit : hit with { Status = ReaderView.ReaderStatus(manifest) }) with
            {
                // A title in a list never carries bidirectional controls (one could pose as another).
                Title = UnicodeControls.WithoutBidiControls(hit.Title),
                TitleHtml = UnicodeControls.WithoutBidiControls(hit.TitleHtml),
            };
            shown.Add(AccessRules.ShowPreview(manifest) ? seen : seen with { SnippetHtml = "", MatchedAttachment = null });
        }

        return results with { Hits = shown };
    }
}

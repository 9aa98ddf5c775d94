using KnowledgeHub.Documents;
using KnowledgeHub.Search;

namespace KnowledgeHub.Portal.Access;

/// <summary>
/// What the portal does with a page of hits before showing it (pages and API alike): each hit's manifest is read
/// and <see cref="DocumentAccess"/> asked again (defence in depth: the index already filtered by principals), and
/// a Restricted document shows its title only — no snippet, no attachment name — since Restricted documents are
/// never previewed.
/// </summary>
public sealed class SearchHitGuard(DocumentRepository documents)
{
    public async Task<SearchResults> GuardAsync(SearchResults results, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(caller);
        // One page of hits (10 by default): the manifests are read together, not one round trip after another.
        var manifests = await Task.WhenAll(results.Hits.Select(hit => documents.GetManifestAsync(hit.DocumentId, cancellationToken)));
        var shown = new List<SearchHit>(results.Hits.Count);
        foreach (var (hit, manifest) in results.Hits.Zip(manifests))
        {
            if (manifest is null || !DocumentAccess.CanRead(manifest, caller))
            {
                continue;
            }

            shown.Add(AccessRules.ShowPreview(manifest) ? hit : hit with { SnippetHtml = "", MatchedAttachment = null });
        }

        return results with { Hits = shown };
    }
}

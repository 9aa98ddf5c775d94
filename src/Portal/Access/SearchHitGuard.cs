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
        var shown = new List<SearchHit>(results.Hits.Count);
        foreach (var hit in results.Hits)
        {
            var manifest = await documents.GetManifestAsync(hit.DocumentId, cancellationToken);
            if (manifest is null || !DocumentAccess.CanRead(manifest, caller))
            {
                continue;
            }

            shown.Add(AccessRules.ShowPreview(manifest) ? hit : hit with { SnippetHtml = "", MatchedAttachment = null });
        }

        return results with { Hits = shown };
    }
}

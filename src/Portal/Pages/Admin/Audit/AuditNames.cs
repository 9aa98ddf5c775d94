using KnowledgeHub.Documents;
using KnowledgeHub.Portal.People;

namespace KnowledgeHub.Portal.Pages.Admin.Audit;

/// <summary>
/// Names for one page of audit entries: each user's name from the directory (the name recorded with the entry when the
/// directory does not know the user), and each document's title — only for a document the viewer may read; any other
/// keeps its id. One manifest read per document on the page.
/// </summary>
public sealed record AuditNames(IReadOnlyDictionary<string, string> People, IReadOnlyDictionary<string, string> Titles)
{
    public static readonly AuditNames None = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    public static async Task<AuditNames> ForAsync(
        IReadOnlyList<AuditEntry> entries, Caller viewer, DocumentRepository documents, PeopleNames people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(people);
        var names = await people.NamesAsync(entries.Select(e => e.Principal).Where(p => p.StartsWith("user:", StringComparison.Ordinal)), cancellationToken);
        var ids = entries.Select(e => e.DocumentId).OfType<string>().Where(DocumentIds.IsValid).Distinct(StringComparer.Ordinal).ToList();
        var manifests = await documents.GetManifestsAsync(ids, cancellationToken);
        var titles = manifests.OfType<DocumentManifest>()
            .Where(m => DocumentAccess.CanRead(m, viewer))
            .ToDictionary(m => m.Id, m => m.Title, StringComparer.Ordinal);
        return new AuditNames(names.Where(n => n.Value != n.Key).ToDictionary(), titles);
    }

    public string PersonOf(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return People.TryGetValue(entry.Principal, out var name) ? name
            : string.IsNullOrEmpty(entry.PrincipalName) ? entry.Principal : entry.PrincipalName;
    }

    public string? TitleOf(string? documentId) => documentId is not null && Titles.TryGetValue(documentId, out var title) ? title : null;
}

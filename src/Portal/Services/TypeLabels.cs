using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Localization;

namespace KnowledgeHub.Portal;

/// <summary>Display labels of document types in the UI language ("复盘" / "Retrospective"), from the template catalog.</summary>
public sealed class TypeLabels(TemplateCatalog templates)
{
    public async Task<IReadOnlyDictionary<string, string>> GetAsync(CancellationToken cancellationToken)
    {
        var list = await templates.ListAsync(cancellationToken);
        return list.ToDictionary(t => t.Key, Label, StringComparer.OrdinalIgnoreCase);
    }

    public static string Label(DocumentTemplate template) => Bilingual.TypeName(template);

    /// <summary>
    /// The types' names in the UI language when <paramref name="notes"/> say a typed type is none of them (the note offers
    /// them); null otherwise, without reading the catalog.
    /// </summary>
    public async Task<IReadOnlyCollection<string>?> OfferedByAsync(IEnumerable<KnowledgeHub.Search.QueryNote> notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notes);
        return notes.Any(n => n.Kind == KnowledgeHub.Search.QueryNoteKind.UnknownType)
            ? [.. (await GetAsync(cancellationToken)).Values]
            : null;
    }
}

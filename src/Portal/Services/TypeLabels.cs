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
}

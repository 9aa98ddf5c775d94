using KnowledgeHub.Documents;

namespace KnowledgeHub.Portal;

/// <summary>Display labels of document types ("复盘 Retrospective"), from the template catalog.</summary>
public sealed class TypeLabels(TemplateCatalog templates)
{
    public async Task<IReadOnlyDictionary<string, string>> GetAsync(CancellationToken cancellationToken)
    {
        var list = await templates.ListAsync(cancellationToken);
        return list.ToDictionary(t => t.Key, Label, StringComparer.OrdinalIgnoreCase);
    }

    public static string Label(DocumentTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return string.IsNullOrEmpty(template.NameZh) ? template.Name : $"{template.NameZh} {template.Name}";
    }
}

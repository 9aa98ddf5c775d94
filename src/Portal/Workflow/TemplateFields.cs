using KnowledgeHub.Documents;

namespace KnowledgeHub.Portal.Workflow;

/// <summary>A template's required fields as a form posts them (field key → value).</summary>
public static class TemplateFields
{
    /// <summary>
    /// The metadata to save: <paramref name="existing"/>, with each of the template's fields set from the form when
    /// filled in and removed when emptied. Keys the template does not name are kept as they were, never taken from the form.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string> existing, DocumentTemplate? template, IReadOnlyDictionary<string, string?> posted)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(posted);
        var merged = new Dictionary<string, string>(existing, StringComparer.OrdinalIgnoreCase);
        foreach (var field in template?.RequiredFields ?? [])
        {
            if (!posted.TryGetValue(field.Key, out var value))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                merged.Remove(field.Key);
            }
            else
            {
                merged[field.Key] = value.Trim();
            }
        }

        return merged;
    }
}

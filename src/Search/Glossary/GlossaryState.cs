using System.Collections.Concurrent;

namespace KnowledgeHub.Search.Glossary;

/// <summary>
/// The glossary queries expand with: the published glossary documents merged. Replaced whole when one of them
/// changes (<see cref="GlossaryFollower"/>); readers take <see cref="Current"/> once per query and never see a half-made one.
/// </summary>
public sealed class GlossaryState
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<IReadOnlyList<string>>> byDocument = new(StringComparer.Ordinal);
    private readonly System.Threading.Lock gate = new();
    private volatile TermGlossary current = TermGlossary.Empty;

    public TermGlossary Current => current;

    /// <summary>The ids of the glossary documents whose groups are in <see cref="Current"/>.</summary>
    public IReadOnlyCollection<string> DocumentIds => [.. byDocument.Keys];

    /// <summary>Sets the groups of glossary document <paramref name="documentId"/>; null takes it out.</summary>
    public void Set(string documentId, IReadOnlyList<IReadOnlyList<string>>? groups)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        lock (gate)
        {
            if (groups is null)
            {
                byDocument.TryRemove(documentId, out _);
            }
            else
            {
                byDocument[documentId] = groups;
            }

            current = new TermGlossary(byDocument.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value));
        }
    }

    /// <summary>Replaces every document's groups at once (a full load).</summary>
    public void ReplaceAll(IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        lock (gate)
        {
            byDocument.Clear();
            foreach (var (id, value) in groups)
            {
                byDocument[id] = value;
            }

            current = new TermGlossary(byDocument.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value));
        }
    }
}

using System.Collections.Frozen;
using KnowledgeHub.Search.Analysis;

namespace KnowledgeHub.Search.Glossary;

/// <summary>
/// The team's glossary as query-time synonyms: groups of terms that mean the same (复盘 ↔ retrospective ↔ 回顾).
/// Terms are looked up by <see cref="Key"/> (normalized as the index reads text, lower case, single spaces).
/// Immutable; <see cref="Empty"/> when no published glossary exists.
/// </summary>
public sealed class TermGlossary
{
    /// <summary>The most synonyms one term expands to: a huge group must not make every query huge.</summary>
    public const int MaxSynonyms = 8;

    private readonly FrozenDictionary<string, string[]> synonyms;

    public TermGlossary(IEnumerable<IReadOnlyList<string>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        // Each term's key once: normalizing it again for every pair of terms was most of a large glossary's load.
        var map = new Dictionary<string, (List<string> Terms, HashSet<string> Keys)>(StringComparer.Ordinal);
        var count = 0;
        foreach (var group in groups)
        {
            var terms = group.Select(t => t.Trim()).Select(t => (Term: t, Key: Key(t))).Where(t => t.Key.Length > 0).DistinctBy(t => t.Key).ToList();
            if (terms.Count < 2)
            {
                continue;
            }

            count++;
            foreach (var (_, key) in terms)
            {
                if (!map.TryGetValue(key, out var known))
                {
                    map[key] = known = ([], [key]);
                }

                foreach (var (term, other) in terms)
                {
                    if (known.Keys.Add(other))
                    {
                        known.Terms.Add(term);
                    }
                }
            }
        }

        synonyms = map.ToFrozenDictionary(p => p.Key, p => p.Value.Terms.Take(MaxSynonyms).ToArray(), StringComparer.Ordinal);
        GroupCount = count;
        CjkTerms = [.. map.Keys.Where(k => k.All(QueryText.IsCjk)).OrderByDescending(k => k.Length)];
        LongestTermWords = map.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
    }

    public static TermGlossary Empty { get; } = new([]);

    /// <summary>How many groups (rows) have at least two terms.</summary>
    public int GroupCount { get; }

    /// <summary>How many distinct terms the glossary knows.</summary>
    public int TermCount => synonyms.Count;

    /// <summary>Terms written only in CJK characters, longest first: a run of Chinese is split at them.</summary>
    public IReadOnlyList<string> CjkTerms { get; }

    /// <summary>The most space-separated words in one term ("conversion rate" = 2).</summary>
    public int LongestTermWords { get; }

    public bool Contains(string term) => synonyms.ContainsKey(Key(term));

    /// <summary>The other terms of every group <paramref name="term"/> is in (empty when none).</summary>
    public IReadOnlyList<string> SynonymsOf(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return synonyms.TryGetValue(Key(term), out var found) ? found : [];
    }

    /// <summary>
    /// The form terms are compared in: the analyzers' normalization (<see cref="TextNormalizer"/>: NFKC, full-width →
    /// half-width, traditional → simplified Chinese), lower case, one space between words — 復盤 and 會員日 typed in
    /// traditional characters are the glossary's 复盘 and 会员日, as the index reads them.
    /// </summary>
    public static string Key(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var normalized = TextNormalizer.Normalize(term).ToLowerInvariant();
        return string.Join(' ', normalized.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}

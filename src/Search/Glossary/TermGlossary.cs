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
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var count = 0;
        foreach (var group in groups)
        {
            var terms = group.Select(t => t.Trim()).Where(t => Key(t).Length > 0).DistinctBy(Key).ToList();
            if (terms.Count < 2)
            {
                continue;
            }

            count++;
            foreach (var term in terms)
            {
                if (!map.TryGetValue(Key(term), out var list))
                {
                    map[Key(term)] = list = [];
                }

                list.AddRange(terms.Where(t => Key(t) != Key(term) && !list.Exists(l => Key(l) == Key(t))));
            }
        }

        synonyms = map.ToFrozenDictionary(p => p.Key, p => p.Value.Take(MaxSynonyms).ToArray(), StringComparer.Ordinal);
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

    /// <summary>Unpaired surrogates (pasted or hostile text) as U+FFFD: normalization refuses them.</summary>
    private static string WithoutLoneSurrogates(string text)
    {
        if (!text.Any(char.IsSurrogate))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var paired = char.IsHighSurrogate(chars[i]) ? i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])
                : !char.IsLowSurrogate(chars[i]) || (i > 0 && char.IsHighSurrogate(chars[i - 1]));
            if (!paired)
            {
                chars[i] = '\uFFFD';
            }
            else if (char.IsHighSurrogate(chars[i]))
            {
                i++;
            }
        }

        return new string(chars);
    }

    /// <summary>
    /// The form terms are compared in: the analyzers' normalization (<see cref="TextNormalizer"/>: NFKC, full-width →
    /// half-width, traditional → simplified Chinese), lower case, one space between words — 復盤 and 會員日 typed in
    /// traditional characters are the glossary's 复盘 and 会员日, as the index reads them.
    /// </summary>
    public static string Key(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var normalized = TextNormalizer.Normalize(WithoutLoneSurrogates(term)).ToLowerInvariant();
        return string.Join(' ', normalized.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}

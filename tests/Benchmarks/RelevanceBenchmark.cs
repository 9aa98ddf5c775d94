using KnowledgeHub.Documents;
using KnowledgeHub.Search;

namespace KnowledgeHub.Benchmarks;

/// <summary>A known-item query that did not put its page first: the rank (0 = not in the top 10) and what came first.</summary>
public sealed record Miss(string Query, string Expected, int Rank, string? TopTitle);

/// <summary>Known-item figures: Success@1, Success@10 and the mean reciprocal rank over the top 10 (MRR@10).</summary>
public sealed record RelevanceResult(
    string Language, string Variant, string Readers, int Queries, double SuccessAt1, double SuccessAt10, double Mrr, int Fallbacks, IReadOnlyList<Miss> Misses);

/// <summary>
/// Known-item search: a page's title (or its first half: the "short" variant; for Chinese, the title written in
/// traditional characters: the "traditional" variant, issue 9's 繁体 queries over 简体 pages) is the query and that page the
/// one right answer. Only titles unique within their language are asked (a duplicated title has no single
/// right page), Chinese ones only when they contain Chinese characters. Seeded sample, same for every run.
/// </summary>
public static class RelevanceBenchmark
{
    private const int MaxMisses = 12;

    private static readonly HashSet<string> EnglishStopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "from", "by", "as", "is", "at",
    };

    public static IReadOnlyList<HelpPage> Sample(IReadOnlyList<HelpPage> pages, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var candidates = pages
            .GroupBy(p => p.Title.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1)
            .Select(g => g.Single())
            .Where(p => p.Language != Language.Chinese || p.HasCjkTitle)
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToArray();
        new Random(seed).Shuffle(candidates);
        return candidates.Take(count).ToList();
    }

    public static RelevanceResult Run(SearchService search, IReadOnlyList<HelpPage> sample, string variant, string readers, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(sample);
        var (at1, at10, reciprocal, fallbacks) = (0, 0, 0.0, 0);
        var misses = new List<Miss>();
        foreach (var page in sample)
        {
            var query = QueryOf(page, variant);
            var results = search.Search(new SearchRequest { Query = query, Caller = caller, PageSize = 10 });
            var rank = results.Hits.Select(h => h.DocumentId).ToList().IndexOf(page.Id) + 1;
            fallbacks += results.Notes.Any(n => n.NotAsTyped) ? 1 : 0;
            at1 += rank == 1 ? 1 : 0;
            at10 += rank >= 1 ? 1 : 0;
            reciprocal += rank >= 1 ? 1.0 / rank : 0;
            if (rank != 1 && misses.Count < MaxMisses)
            {
                misses.Add(new Miss(query, page.Title, rank, results.Hits.Count > 0 ? results.Hits[0].Title : null));
            }
        }

        var n = Math.Max(1, sample.Count);
        var language = sample.Count > 0 ? sample[0].Language.Code : "";
        return new RelevanceResult(language, variant, readers, sample.Count, (double)at1 / n, (double)at10 / n, reciprocal / n, fallbacks, misses);
    }

    /// <summary>The query of <paramref name="variant"/> for <paramref name="page"/>: its title, <see cref="Shorten"/>ed, or <see cref="Traditional"/>.</summary>
    public static string QueryOf(HelpPage page, string variant)
    {
        ArgumentNullException.ThrowIfNull(page);
        return variant switch
        {
            "short" => Shorten(page),
            "traditional" => Traditional(page.Title),
            _ => page.Title,
        };
    }

    /// <summary>
    /// <paramref name="text"/> in traditional characters, by ICU's "Hans-Hant" transliterator (CLDR's data, word by word:
    /// 头发 → 頭髮, 后台 → 後台), which the index does not use — its fold goes the other way, character by character.
    /// </summary>
    public static string Traditional(string text)
    {
        lock (HansHant)
        {
            return HansHant.Value.Transliterate(text);
        }
    }

    private static readonly Lazy<ICU4N.Text.Transliterator> HansHant = new(() => ICU4N.Text.Transliterator.GetInstance("Hans-Hant"));

    /// <summary>English: the first two words that are not stop words. Chinese: the first half of the title's characters (at least two).</summary>
    public static string Shorten(HelpPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Language == Language.Chinese)
        {
            var letters = page.Title.Where(char.IsLetterOrDigit).ToArray();
            return new string(letters, 0, Math.Min(letters.Length, Math.Max(2, (letters.Length + 1) / 2)));
        }

        var words = page.Title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0 && !EnglishStopWords.Contains(w));
        return string.Join(' ', words.Take(2));
    }
}

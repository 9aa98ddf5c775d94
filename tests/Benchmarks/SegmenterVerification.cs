using KnowledgeHub.Search;
using KnowledgeHub.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeHub.Benchmarks;

/// <summary>The index's Chinese segmenter against SmartCn's own over texts: how many differ in any token, and each one's thread CPU seconds to segment them all (the tokenizer alone, without the rest of the chain).</summary>
public sealed record SegmenterCheck(int Texts, long Tokens, int Mismatched, string? FirstMismatch, double Seconds, double SmartCnSeconds);

/// <summary>
/// Token for token over a whole corpus (the tests do it over <c>content/</c>): <see cref="FastHmmChineseTokenizer"/>, which
/// the SmartCn fields use, and SmartCn's <see cref="HMMChineseTokenizer"/>, each text normalized as the index normalizes it.
/// </summary>
public static class SegmenterVerification
{
    public static SegmenterCheck Run(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var normalized = texts.Select(TextNormalizer.Normalize).ToList();
        var ours = normalized.Select(t => Tokens(new FastHmmChineseTokenizer(new StringReader(t)))).ToList();
        var smartCn = normalized.Select(t => Tokens(new HMMChineseTokenizer(new StringReader(t)))).ToList();
        var oursSeconds = Seconds(normalized, () => new FastHmmChineseTokenizer(new StringReader("")));
        var smartCnSeconds = Seconds(normalized, () => new HMMChineseTokenizer(new StringReader("")));
        var mismatched = Enumerable.Range(0, texts.Count).Where(i => !ours[i].SequenceEqual(smartCn[i], StringComparer.Ordinal)).ToList();
        var first = mismatched.Count == 0 ? null : normalized[mismatched[0]][..Math.Min(200, normalized[mismatched[0]].Length)];
        return new SegmenterCheck(texts.Count, ours.Sum(t => (long)t.Count), mismatched.Count, first, oursSeconds, smartCnSeconds);
    }

    /// <summary>
    /// Thread CPU seconds to segment every text with one reused tokenizer, the median of three passes (after the token lists
    /// above warmed both up; a single pass sometimes still ran code the JIT had not yet optimized).
    /// </summary>
    private static double Seconds(IReadOnlyList<string> texts, Func<Tokenizer> create) =>
        Enumerable.Range(0, 3).Select(_ => Pass(texts, create)).Order().ElementAt(1);

    private static double Pass(IReadOnlyList<string> texts, Func<Tokenizer> create)
    {
        using var tokenizer = create();
        var started = ThreadClock.Read() ?? 0;
        foreach (var text in texts)
        {
            tokenizer.SetReader(new StringReader(text));
            tokenizer.Reset();
            while (tokenizer.IncrementToken())
            {
            }

            tokenizer.End();
            tokenizer.Dispose();
        }

        return ((ThreadClock.Read() ?? 0) - started) / 1e3;
    }

    private static List<string> Tokens(Tokenizer tokenizer)
    {
        using (tokenizer)
        {
            var term = tokenizer.AddAttribute<ICharTermAttribute>();
            var offset = tokenizer.AddAttribute<IOffsetAttribute>();
            tokenizer.Reset();
            var tokens = new List<string>();
            while (tokenizer.IncrementToken())
            {
                tokens.Add($"{term}@{offset.StartOffset}-{offset.EndOffset}");
            }

            tokenizer.End();
            return tokens;
        }
    }
}

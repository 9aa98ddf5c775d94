using System.Text.RegularExpressions;
using Lucene.Net.Search;

namespace KnowledgeHub.Search.Querying;

/// <summary>
/// Exclusions in text that goes to the query parser: a <c>-o</c> or <c>-2024</c> that does not read as an exclusion is
/// searched as a word; the parsed query without its top-level exclusions counts the hits they removed.
/// </summary>
internal static partial class ParsedExclusions
{
    /// <summary>The text with the hyphen taken off tokens like <c>-o</c> (see <see cref="PlainWords.ReadsAsExclusion"/>), and those tokens.</summary>
    public static (string Text, IReadOnlyList<string> Kept) KeepHyphenatedWords(string text)
    {
        var kept = new List<string>();
        var result = HyphenToken().Replace(text, match =>
        {
            if (PlainWords.ReadsAsExclusion(match.Value))
            {
                return match.Value;
            }

            kept.Add(match.Value);
            return match.Value[1..];
        });
        return (result, kept);
    }

    /// <summary>The excluded words as typed: <c>-word</c> and the word after <c>NOT</c>.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        [.. Excluded().Matches(text).Select(m => m.Groups["word"].Value).Where(w => w.Length > 0)];

    /// <summary>The query without its top-level MUST_NOT clauses, or null when it has none (or nothing would be left).</summary>
    public static Lucene.Net.Search.Query? Without(Lucene.Net.Search.Query? query)
    {
        if (query is not BooleanQuery boolean || !boolean.Clauses.Any(c => c.Occur == Occur.MUST_NOT))
        {
            return null;
        }

        var kept = new BooleanQuery(boolean.CoordDisabled) { MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
        foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
        {
            kept.Add(clause);
        }

        return kept.Clauses.Count == 0 ? null : kept;
    }

    [GeneratedRegex(@"(?<=^|\s)-[\p{L}\p{N}][^\s()""]*", RegexOptions.CultureInvariant)]
    private static partial Regex HyphenToken();

    [GeneratedRegex(@"(?:(?<=^|\s)-|\bNOT\s+)(?<word>[^\s()""]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Excluded();
}

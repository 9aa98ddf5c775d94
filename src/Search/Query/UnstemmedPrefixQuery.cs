using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeHub.Search;

/// <summary>
/// A prefix on a field holding words as written (a bigram shadow: English unstemmed), matching only the words a prefix
/// on the stemmed field misses: those whose stem does not start with it (<c>streami*</c>: streaming, stemmed "stream";
/// <c>happin*</c>: happiness, "happi"). A word whose stem starts with the prefix (<c>form*</c>: formatting, "format") is
/// left to the stemmed field, so most prefixes read no more postings than before. Highlighting reads it as the prefix it is.
/// </summary>
internal sealed class UnstemmedPrefixQuery : PrefixQuery
{
    private const int MaxKnownStems = 65536;

    /// <summary>
    /// Stems of words met in prefix expansions: a word is stemmed once, not at every search that expands to it. By word
    /// alone: the stemmed fields with shadows (body, attachments) share one analysis chain.
    /// </summary>
    private static readonly ConcurrentDictionary<string, string> KnownStems = new(StringComparer.Ordinal);

    private readonly Func<string, string> stem;
    private readonly string prefixText;

    /// <param name="prefix">The prefix on the unstemmed field, lower-cased as the field holds it.</param>
    /// <param name="analyzer">The analysis that stems the words of <paramref name="stemmedField"/>.</param>
    /// <param name="stemmedField">The field holding the same words stemmed (the body for its shadow).</param>
    public UnstemmedPrefixQuery(Term prefix, SearchAnalyzer analyzer, string stemmedField)
        : base(prefix)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(stemmedField);

        // A word the analysis splits (form.activate, table1) starts with its first token there: that is what the
        // stemmed field's prefix sees.
        stem = word => analyzer.Terms(stemmedField, word) is [var first, ..] ? first : "";
        prefixText = prefix.Text;
    }

    protected override TermsEnum GetTermsEnum(Terms terms, Lucene.Net.Util.AttributeSource atts) =>
        new StemMissesEnum(base.GetTermsEnum(terms, atts), this);

    private bool StemMisses(BytesRef word)
    {
        var text = word.Utf8ToString();
        if (!KnownStems.TryGetValue(text, out var stemmed))
        {
            if (KnownStems.Count >= MaxKnownStems)
            {
                KnownStems.Clear();
            }

            stemmed = KnownStems.GetOrAdd(text, stem);
        }

        return !stemmed.StartsWith(prefixText, StringComparison.Ordinal);
    }

    /// <summary>The prefix's words (the enumerator given) whose stem the stemmed field's prefix would not reach.</summary>
    private sealed class StemMissesEnum(TermsEnum words, UnstemmedPrefixQuery query) : FilteredTermsEnum(words, startWithSeek: false)
    {
        protected override AcceptStatus Accept(BytesRef term) => query.StemMisses(term) ? AcceptStatus.YES : AcceptStatus.NO;
    }
}

using KnowledgeHub.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace KnowledgeHub.Search;

/// <summary>
/// The analyzer per field, every chain behind the one normalization (<see cref="NormalizingCharFilter"/>: NFKC, CJK
/// radical forms, traditional → simplified Chinese; offsets still point into the original text): <see cref="SearchFields.Title"/> and <see cref="SearchFields.Body"/> with
/// SmartCn tokens (dictionary segmentation of Chinese; English lower-cased and Porter-stemmed) — text without
/// Chinese takes a direct path that yields the same tokens (<see cref="LanguageRoutingTokenizer"/>),
/// the <c>_cjk</c> shadows and <see cref="SearchFields.OwnerName"/> with CJK bigrams (StandardTokenizer, CJKWidthFilter, LowerCaseFilter,
/// CJKBigramFilter). Thread-safe; one instance serves the writer, the query builder and the highlighter.
/// No chain gives a token longer than <see cref="MaxTokenLength"/> characters — SmartCn's are cut to it (the same cut
/// for a query, so a query still matches what was indexed), StandardTokenizer skips longer ones: Lucene refuses a
/// term over 32,766 UTF-8 bytes, and with it the whole document.
/// </summary>
public sealed class SearchAnalyzer : AnalyzerWrapper
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The longest token indexed or searched, in UTF-16 characters (at most 765 UTF-8 bytes): longer ones are cut (SmartCn fields) or skipped (bigram fields).</summary>
    public const int MaxTokenLength = 255;

    private readonly SmartCnAnalyzer smart = new();
    private readonly CjkBigramAnalyzer bigrams = new();
    private readonly SmartCnAnalyzer asciiWords = new(wordsOnly: true);

    public SearchAnalyzer()
        : base(PER_FIELD_REUSE_STRATEGY)
    {
    }

    /// <summary>
    /// The ASCII words of any text as the SmartCn fields have them (lower-cased, Porter-stemmed), every other
    /// character skipped: English words in Chinese text, found without segmenting the Chinese.
    /// </summary>
    internal Analyzer AsciiWords => asciiWords;

    /// <summary>The terms <paramref name="field"/>'s analysis makes of <paramref name="text"/>, in order.</summary>
    internal IReadOnlyList<string> Terms(string field, string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    /// <summary>
    /// The analysis chain of <paramref name="field"/>: fields with the same chain make the same tokens of any text (the
    /// chains never look at the field's name), so a query analysed for one holds for the others.
    /// </summary>
    internal Analyzer ChainOf(string field) => GetWrappedAnalyzer(field);

    protected override Analyzer GetWrappedAnalyzer(string fieldName) =>
        fieldName is SearchFields.TitleCjk or SearchFields.BodyCjk or SearchFields.AttachmentTextCjk or SearchFields.OwnerName ? bigrams : smart;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            smart.Dispose();
            bigrams.Dispose();
            asciiWords.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>SmartChineseAnalyzer's chain (HMM segmenter, punctuation stop filter, Porter stemmer), routed by language.</summary>
    private sealed class SmartCnAnalyzer(bool wordsOnly = false) : Analyzer
    {
        protected override TextReader InitReader(string fieldName, TextReader reader) => new NormalizingCharFilter(reader);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            // The tokenizer cuts its tokens to MaxTokenLength itself (TruncateTokenFilter would skip the tokens it marks as
            // keywords, those the stemmer cannot change).
            var tokenizer = new LanguageRoutingTokenizer(reader, wordsOnly);
            return new TokenStreamComponents(tokenizer, new PorterStemFilter(tokenizer));
        }
    }

    private sealed class CjkBigramAnalyzer : Analyzer
    {
        protected override TextReader InitReader(string fieldName, TextReader reader) => new NormalizingCharFilter(reader);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = MaxTokenLength };
            TokenStream stream = new CJKWidthFilter(tokenizer);
            stream = new LowerCaseFilter(Version, stream);
            stream = new CJKBigramFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}

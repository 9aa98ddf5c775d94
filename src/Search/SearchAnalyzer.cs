using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace KnowledgeHub.Search;

/// <summary>
/// The analyzer per field: <see cref="SearchFields.Title"/> and <see cref="SearchFields.Body"/> with
/// SmartChineseAnalyzer (dictionary segmentation of Chinese; English lower-cased and Porter-stemmed),
/// the <c>_cjk</c> shadows and <see cref="SearchFields.OwnerName"/> with CJK bigrams (StandardTokenizer, CJKWidthFilter, LowerCaseFilter,
/// CJKBigramFilter). Thread-safe; one instance serves the writer, the query builder and the highlighter.
/// </summary>
public sealed class SearchAnalyzer : AnalyzerWrapper
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly SmartChineseAnalyzer smart = new(Version);
    private readonly CjkBigramAnalyzer bigrams = new();

    public SearchAnalyzer()
        : base(PER_FIELD_REUSE_STRATEGY)
    {
    }

    protected override Analyzer GetWrappedAnalyzer(string fieldName) =>
        fieldName is SearchFields.TitleCjk or SearchFields.BodyCjk or SearchFields.AttachmentTextCjk or SearchFields.OwnerName ? bigrams : smart;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            smart.Dispose();
            bigrams.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class CjkBigramAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new CJKWidthFilter(tokenizer);
            stream = new LowerCaseFilter(Version, stream);
            stream = new CJKBigramFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}

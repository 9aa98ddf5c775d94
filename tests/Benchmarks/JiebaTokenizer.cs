using JiebaNet.Segmenter;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeHub.Benchmarks;

/// <summary>
/// jieba.NET's segmentation (dictionary DAG + HMM for unknown words, default mode) as a Lucene tokenizer, for the segmenter
/// comparison only: words lower-cased, whitespace and punctuation dropped, offsets into the text.
/// </summary>
public sealed class JiebaTokenizer : Tokenizer
{
    private readonly JiebaSegmenter segmenter;
    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offset;
    private List<JiebaNet.Segmenter.Token> tokens = [];
    private int next;
    private int length;

    public JiebaTokenizer(JiebaSegmenter segmenter, TextReader input)
        : base(input)
    {
        this.segmenter = segmenter;
        term = AddAttribute<ICharTermAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        while (next < tokens.Count)
        {
            var token = tokens[next++];
            if (!token.Word.Any(char.IsLetterOrDigit))
            {
                continue;
            }

            term.SetEmpty().Append(token.Word.ToLowerInvariant());
            offset.SetOffset(CorrectOffset(token.StartIndex), CorrectOffset(token.EndIndex));
            return true;
        }

        return false;
    }

    public override void Reset()
    {
        base.Reset();
        var text = m_input.ReadToEnd();
        length = text.Length;
        tokens = [.. segmenter.Tokenize(text)];
        next = 0;
    }

    public override void End()
    {
        base.End();
        offset.SetOffset(CorrectOffset(length), CorrectOffset(length));
    }
}

/// <summary>jieba words, Porter-stemmed English as the SmartCn chain has it, behind the same normalization.</summary>
public sealed class JiebaAnalyzer(JiebaSegmenter segmenter) : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        new StringReader(KnowledgeHub.Search.Analysis.TextNormalizer.Normalize(reader.ReadToEnd()));

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new JiebaTokenizer(segmenter, reader);
        return new TokenStreamComponents(tokenizer, new Lucene.Net.Analysis.En.PorterStemFilter(tokenizer));
    }
}

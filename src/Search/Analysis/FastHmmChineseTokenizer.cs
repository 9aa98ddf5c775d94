using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeHub.Search.Analysis;

/// <summary>
/// SmartCn's <see cref="HMMChineseTokenizer"/> — its buffering and its ICU sentence breaks unchanged — with each sentence
/// segmented by <see cref="HhmmSentenceSegmenter"/> instead of SmartCn's own segmenter: the same tokens, offsets and
/// types (the tests compare them over every text of <c>content/</c>, the benchmark over its whole corpus), about half
/// the CPU, and no allocation per sentence.
/// </summary>
internal sealed class FastHmmChineseTokenizer : HMMChineseTokenizer
{
    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offset;
    private readonly ITypeAttribute type;
    private readonly HhmmSentenceSegmenter segmenter = new();
    private char[] scratch = new char[64];
    private int sentenceStart;
    private int sentenceEnd;
    private int next;
    private bool segmented;

    public FastHmmChineseTokenizer(TextReader reader)
        : base(reader)
    {
        term = AddAttribute<ICharTermAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
        type = AddAttribute<ITypeAttribute>();
    }

    public override void Reset()
    {
        base.Reset();
        (sentenceStart, sentenceEnd, next, segmented) = (0, 0, 0, false);
    }

    protected override void SetNextSentence(int sentenceStart, int sentenceEnd)
    {
        (this.sentenceStart, this.sentenceEnd, next, segmented) = (sentenceStart, sentenceEnd, 0, true);
        segmenter.Segment(m_buffer.AsSpan(sentenceStart, sentenceEnd - sentenceStart));
    }

    protected override bool IncrementWord()
    {
        if (!segmented || next >= segmenter.Count)
        {
            return false;
        }

        var length = segmenter.Token(next++, m_buffer.AsSpan(sentenceStart, sentenceEnd - sentenceStart), ref scratch, out var start, out var end);
        ClearAttributes();
        term.CopyBuffer(scratch, 0, length);
        var at = m_offset + sentenceStart;
        offset.SetOffset(CorrectOffset(at + start), CorrectOffset(at + end));
        type.Type = "word";
        return true;
    }
}

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeHub.Search.Analysis;

/// <summary>
/// Joins the halves of a character outside the Basic Multilingual Plane — an emoji (😀), a rare Chinese character of a
/// name (𠮷, CJK Extension B on), a symbol (🡄) — that SmartCn's segmenter gives as two tokens of one UTF-16 unit each.
/// Alone, a half is no character: Lucene writes each as U+FFFD, so every such character was the same two terms and 😀
/// found a document with 🡄 in it, and a highlight could cut a character in two. Joined, it is one token of its own.
/// </summary>
internal sealed class SurrogatePairFilter : TokenFilter
{
    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offset;
    private readonly IPositionIncrementAttribute increment;
    private State? pending;

    public SurrogatePairFilter(TokenStream input)
        : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
        increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (pending is not null)
        {
            RestoreState(pending);
            pending = null;
        }
        else if (!m_input.IncrementToken())
        {
            return false;
        }

        if (term.Length != 1 || !char.IsHighSurrogate(term.Buffer[0]))
        {
            return true;
        }

        var high = CaptureState();
        var highEnd = offset.EndOffset;
        if (!m_input.IncrementToken())
        {
            RestoreState(high);
            return true;
        }

        if (term.Length == 1 && char.IsLowSurrogate(term.Buffer[0]) && increment.PositionIncrement == 1 && offset.StartOffset == highEnd)
        {
            var low = term.Buffer[0];
            var end = offset.EndOffset;
            RestoreState(high);
            term.Append(low);
            offset.SetOffset(offset.StartOffset, end);
            return true;
        }

        pending = CaptureState();
        RestoreState(high);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        pending = null;
    }
}

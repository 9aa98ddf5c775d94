using KnowledgeHub.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeHub.Search;

/// <summary>
/// The tokenizer of the SmartCn fields, routed by the text's characters, line by line. Lines SmartCn would only split
/// at its character classes — ASCII letters and digits, whitespace and punctuation, nothing else (<see cref="IsPlain"/>):
/// English, and the code and tables of Chinese documents — are scanned here directly, with the very tokens, offsets
/// and position gaps SmartCn gives them: runs of ASCII letters (lower-cased) and runs of digits, each punctuation
/// character a removed token (a position gap). Runs of other lines (Chinese, full-width forms, accented letters) go
/// through HMMChineseTokenizer and its punctuation stop filter; SmartCn segments sentence by sentence and a line
/// break ends a sentence, so cutting at line breaks changes none of its tokens. Porter stemming follows in
/// <see cref="SearchAnalyzer"/> for both. English is about twenty times cheaper this way than through the HMM
/// segmenter, and the index and every query agree on the tokens. Every token is cut to
/// <see cref="SearchAnalyzer.MaxTokenLength"/> characters, and one the stemmer cannot change is marked a keyword
/// (<see cref="IKeywordAttribute"/>) so the stemmer skips it.
/// </summary>
internal sealed class LanguageRoutingTokenizer : Tokenizer
{
    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offset;
    private readonly IPositionIncrementAttribute increment;
    private readonly ITypeAttribute type;
    private readonly IKeywordAttribute keyword;
    private readonly ReusableReader smartInput = new();
    private readonly HMMChineseTokenizer smartTokenizer;
    private readonly TokenStream smart;
    private ICharTermAttribute? smartTerm;
    private IOffsetAttribute? smartOffset;
    private IPositionIncrementAttribute? smartIncrement;
    private ITypeAttribute? smartType;
    private readonly bool wordsOnly;
    private readonly List<Run> runs = [];
    private char[] buffer = new char[1024];
    private int length;
    private int position;
    private int run;
    private int removed;
    private bool smartOpen;

    /// <param name="input">The text.</param>
    /// <param name="wordsOnly">
    /// Never SmartCn: only the ASCII words and numbers of any text, every other character a position gap. For
    /// highlighting English words in Chinese text without the cost of segmenting it.
    /// </param>
    public LanguageRoutingTokenizer(TextReader input, bool wordsOnly = false)
        : base(input)
    {
        this.wordsOnly = wordsOnly;
        term = AddAttribute<ICharTermAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
        increment = AddAttribute<IPositionIncrementAttribute>();
        type = AddAttribute<ITypeAttribute>();
        keyword = AddAttribute<IKeywordAttribute>();
        smartTokenizer = new FastHmmChineseTokenizer(smartInput);
        smart = new StopFilter(SearchAnalyzer.Version, new SurrogatePairFilter(smartTokenizer), SmartChineseAnalyzer.DefaultStopSet);
    }

    /// <summary>True when every character is one SmartCn classes as an ASCII letter, a digit, whitespace or punctuation.</summary>
    public static bool IsPlain(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsPlain(c))
            {
                return false;
            }
        }

        return true;
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        while (run < runs.Count)
        {
            var (start, end, plain) = runs[run];
            if (plain ? NextPlain(end) : NextSmart(start))
            {
                return true;
            }

            if (!plain)
            {
                smart.End();
                removed += smartIncrement!.PositionIncrement; // punctuation after the run's last token
                CloseSmart();
            }

            if (++run < runs.Count)
            {
                Open(runs[run]);
            }
        }

        return false;
    }

    public override void Reset()
    {
        base.Reset();
        length = 0;
        int read;
        while ((read = m_input.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }

        CloseSmart();
        (run, removed, position) = (0, 0, 0);
        runs.Clear();
        if (wordsOnly || IsPlain(buffer.AsSpan(0, length)))
        {
            runs.Add(new Run(0, length, Plain: true));
        }
        else
        {
            SplitIntoRuns();
        }

        Open(runs[0]);
    }

    public override void End()
    {
        base.End();
        if (smartOpen)
        {
            smart.End();
            CloseSmart();
        }

        var final = CorrectOffset(length);
        offset.SetOffset(final, final);
        increment.PositionIncrement = removed;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseSmart();
        }

        base.Dispose(disposing);
    }

    private static bool IsPlain(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or ' ' or '\t' or '\r' or '\n'
            or (>= '\u0021' and <= '\u00BB') or (>= '\u2010' and <= '\u2642');

    private static bool IsLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    /// <summary>
    /// False when the Porter stemmer after this tokenizer would leave the token as it is: every rule of it removes or
    /// replaces a suffix ending in a letter a–z, so a token whose last character is anything else — a Chinese word, a
    /// number — is marked a keyword and skips the stemmer, with the very same tokens (stemming Chinese words cost about
    /// 4 % of indexing Chinese).
    /// </summary>
    private static bool StemmerMayChange(ICharTermAttribute term) => term.Length > 0 && term.Buffer[term.Length - 1] is >= 'a' and <= 'z';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private void CloseSmart()
    {
        if (smartOpen)
        {
            smart.Dispose();
            smartOpen = false;
        }
    }

    /// <summary>Consecutive lines of the same kind (plain or not) as runs; line breaks stay with the line they end.</summary>
    private void SplitIntoRuns()
    {
        var start = 0;
        while (start < length)
        {
            var newline = buffer.AsSpan(start, length - start).IndexOf('\n');
            var end = newline < 0 ? length : start + newline + 1;
            var plain = IsPlain(buffer.AsSpan(start, end - start));
            if (runs.Count > 0 && runs[^1].Plain == plain)
            {
                runs[^1] = runs[^1] with { End = end };
            }
            else
            {
                runs.Add(new Run(start, end, plain));
            }

            start = end;
        }

        if (runs.Count == 0)
        {
            runs.Add(new Run(0, 0, Plain: true));
        }
    }

    private void Open(Run next)
    {
        position = next.Start;
        if (next.Plain)
        {
            return;
        }

        smartInput.Set(buffer, next.Start, next.End - next.Start);
        smartTokenizer.SetReader(smartInput);
        smartOpen = true;
        smartTerm ??= smart.GetAttribute<ICharTermAttribute>();
        smartOffset ??= smart.GetAttribute<IOffsetAttribute>();
        smartIncrement ??= smart.GetAttribute<IPositionIncrementAttribute>();
        smartType ??= smart.GetAttribute<ITypeAttribute>();
        smart.Reset();
    }

    private bool NextSmart(int start)
    {
        if (!smart.IncrementToken())
        {
            return false;
        }

        term.CopyBuffer(smartTerm!.Buffer, 0, Math.Min(smartTerm.Length, SearchAnalyzer.MaxTokenLength));
        offset.SetOffset(CorrectOffset(start + smartOffset!.StartOffset), CorrectOffset(start + smartOffset.EndOffset));
        increment.PositionIncrement = smartIncrement!.PositionIncrement + removed;
        removed = 0;
        type.Type = smartType!.Type;
        keyword.IsKeyword = !StemmerMayChange(term);
        return true;
    }

    /// <summary>As SmartCn: whitespace is skipped, each punctuation character is a removed token (one position), letters and digits are words.</summary>
    private bool NextPlain(int end)
    {
        while (position < end)
        {
            var c = buffer[position];
            if (IsSpace(c))
            {
                position++;
                continue;
            }

            if (!IsLetter(c) && !IsDigit(c))
            {
                position++;
                removed++;
                continue;
            }

            var start = position;
            var letters = IsLetter(c);
            while (position < end && (letters ? IsLetter(buffer[position]) : IsDigit(buffer[position])))
            {
                position++;
            }

            var kept = Math.Min(position - start, SearchAnalyzer.MaxTokenLength);
            var chars = term.ResizeBuffer(kept);
            for (var i = 0; i < kept; i++)
            {
                chars[i] = char.ToLowerInvariant(buffer[start + i]);
            }

            term.Length = kept;
            offset.SetOffset(CorrectOffset(start), CorrectOffset(position));
            increment.PositionIncrement = 1 + removed;
            removed = 0;
            type.Type = "word";
            keyword.IsKeyword = !letters;
            return true;
        }

        return false;
    }

    /// <summary>Lines [Start, End) of the buffer, all plain or none.</summary>
    private readonly record struct Run(int Start, int End, bool Plain);

    /// <summary>A reader over the chars already read, handed to the HMM tokenizer without another copy.</summary>
    private sealed class ReusableReader : TextReader
    {
        private char[] chars = [];
        private int count;
        private int next;

        public void Set(char[] source, int start, int length)
        {
            (chars, count, next) = (source, start + length, start);
        }

        public override int Peek() => next < count ? chars[next] : -1;

        public override int Read() => next < count ? chars[next++] : -1;

        public override int Read(char[] destination, int index, int requested)
        {
            var n = Math.Min(requested, count - next);
            if (n <= 0)
            {
                return 0;
            }

            Array.Copy(chars, next, destination, index, n);
            next += n;
            return n;
        }
    }
}

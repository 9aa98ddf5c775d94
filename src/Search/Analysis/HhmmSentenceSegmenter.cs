using Lucene.Net.Analysis.Cn.Smart;

namespace KnowledgeHub.Search.Analysis;

/// <summary>
/// SmartCn's sentence segmentation (its HHMMSegmenter, BiSegGraph and SegTokenFilter) with the same tokens, on flat
/// arrays reused from sentence to sentence: the word graph (every character a token, every dictionary word from it a
/// token, letter and digit runs one token each, each punctuation mark one), then the path through it that minimizes
/// SmartCn's smoothed bigram cost — the same formula, evaluated in the same order, over the same candidate pairs in the
/// same order, ties kept by the first pair as SmartCn keeps them — from <see cref="SmartCnDictionary"/>. SmartCn builds a
/// dictionary of lists of objects per sentence, a new array per dictionary probe and per word pair; this allocates nothing
/// once its arrays have grown. Not thread-safe: one per tokenizer.
/// </summary>
internal sealed class HhmmSentenceSegmenter
{
    private const double Smooth = 0.1;
    private static readonly double Tiny = 1.0 / SmartCnDictionary.MaxFrequency;

    private readonly SmartCnDictionary dictionary = SmartCnDictionary.Instance;
    private CharType[] types = new CharType[256];
    private int[] firstAt = new int[257];
    private int[] nextStart = new int[258];
    private Node[] nodes = new Node[512];
    private int count;
    private char[] keys = new char[1024];
    private int keyLength;
    private int[] path = new int[512];

    /// <summary>Tokens of the last <see cref="Segment"/>, in order.</summary>
    public int Count { get; private set; }

    /// <summary>Segments <paramref name="sentence"/>; then <see cref="Token"/> reads tokens 0 to <see cref="Count"/> − 1.</summary>
    public void Segment(ReadOnlySpan<char> sentence)
    {
        var length = sentence.Length;
        Grow(length);
        count = 0;
        keyLength = 0;
        for (var c = 0; c < length; c++)
        {
            types[c] = Utility.GetCharType(sentence[c]);
        }

        AddToken(-1, 0, WordType.SENTENCE_BEGIN, dictionary.StartFrequency, Utility.START_CHAR_ARRAY);
        var i = 0;
        while (i < length)
        {
            firstAt[i] = count;
            i = AddTokensAt(sentence, i);
        }

        firstAt[length] = count;
        AddToken(length, length + 1, WordType.SENTENCE_END, dictionary.EndFrequency, Utility.END_CHAR_ARRAY);
        firstAt[length + 1] = count;
        Link(length);
        Count = BestPath();
    }

    /// <summary>
    /// Token <paramref name="index"/> of the best path: its offsets in the sentence and its term as SmartCn gives it (letters
    /// lower-cased, full-width forms half-width, punctuation ","), written to <paramref name="term"/> (grown as needed); returns the term's length.
    /// </summary>
    public int Token(int index, ReadOnlySpan<char> sentence, ref char[] term, out int start, out int end)
    {
        ref var node = ref nodes[path[index]];
        (start, end) = (node.Start, node.End);
        switch (node.Type)
        {
            case WordType.STRING or WordType.NUMBER or WordType.FULLWIDTH_STRING or WordType.FULLWIDTH_NUMBER:
                var text = sentence[start..end];
                EnsureCapacity(ref term, text.Length);
                var fullWidth = node.Type is WordType.FULLWIDTH_STRING or WordType.FULLWIDTH_NUMBER;
                for (var i = 0; i < text.Length; i++)
                {
                    var c = text[i];
                    c = fullWidth && c >= 0xFF10 ? (char)(c - 0xFEE0) : c;
                    term[i] = node.Type != WordType.NUMBER && c is >= 'A' and <= 'Z' ? (char)(c + 0x20) : c;
                }

                return text.Length;
            case WordType.DELIMITER:
                EnsureCapacity(ref term, 1);
                term[0] = Utility.COMMON_DELIMITER[0];
                return 1;
            default:
                EnsureCapacity(ref term, node.KeyLength);
                Array.Copy(keys, node.KeyStart, term, 0, node.KeyLength);
                return node.KeyLength;
        }
    }

    private static void EnsureCapacity(ref char[] array, int length)
    {
        if (array.Length < length)
        {
            array = new char[Math.Max(length, array.Length * 2)];
        }
    }

    /// <summary>The tokens starting at <paramref name="i"/> (none for a space); returns where the next ones start.</summary>
    private int AddTokensAt(ReadOnlySpan<char> sentence, int i)
    {
        var length = sentence.Length;
        var type = types[i];
        switch (type)
        {
            case CharType.SPACE_LIKE:
                firstAt[i] = -1;
                return i + 1;
            case CharType.HANZI:
                AddWords(sentence, i);
                return i + 1;
            case CharType.LETTER or CharType.FULLWIDTH_LETTER or CharType.DIGIT or CharType.FULLWIDTH_DIGIT:
                var letters = type is CharType.LETTER or CharType.FULLWIDTH_LETTER;
                var fullWidth = type is CharType.FULLWIDTH_LETTER or CharType.FULLWIDTH_DIGIT;
                var j = i + 1;
                while (j < length && (letters ? types[j] is CharType.LETTER or CharType.FULLWIDTH_LETTER : types[j] is CharType.DIGIT or CharType.FULLWIDTH_DIGIT))
                {
                    fullWidth |= types[j] is CharType.FULLWIDTH_LETTER or CharType.FULLWIDTH_DIGIT;
                    j++;
                }

                for (var k = i + 1; k < j; k++)
                {
                    firstAt[k] = -1;
                }

                if (letters)
                {
                    AddToken(i, j, fullWidth ? WordType.FULLWIDTH_STRING : WordType.STRING, dictionary.StringFrequency, Utility.STRING_CHAR_ARRAY);
                }
                else
                {
                    AddToken(i, j, fullWidth ? WordType.FULLWIDTH_NUMBER : WordType.NUMBER, dictionary.NumberFrequency, Utility.NUMBER_CHAR_ARRAY);
                }

                return j;
            case CharType.DELIMITER:
                AddToken(i, i + 1, WordType.DELIMITER, SmartCnDictionary.MaxFrequency, sentence.Slice(i, 1));
                return i + 1;
            default:
                AddToken(i, i + 1, WordType.STRING, dictionary.StringFrequency, Utility.STRING_CHAR_ARRAY);
                return i + 1;
        }
    }

    /// <summary>The character as a word, then every longer dictionary word starting with it (Chinese characters only; spaces between them skipped, as SmartCn does).</summary>
    private void AddWords(ReadOnlySpan<char> sentence, int i)
    {
        var node = dictionary.Child(SmartCnDictionary.Root, sentence[i]);
        var keyStart = keyLength;
        AddToken(i, i + 1, WordType.CHINESE_WORD, dictionary.Frequency(node), sentence.Slice(i, 1));
        var j = i + 1;
        var wordLength = 1;
        while (node >= 0)
        {
            while (j < sentence.Length && types[j] == CharType.SPACE_LIKE)
            {
                j++;
            }

            if (j >= sentence.Length || types[j] != CharType.HANZI || (node = dictionary.Child(node, sentence[j])) < 0)
            {
                return;
            }

            Key(sentence[j]);
            wordLength++;
            j++;
            if (dictionary.IsWord(node))
            {
                AddToken(i, j, WordType.CHINESE_WORD, dictionary.Frequency(node), keyStart, wordLength);
            }
        }
    }

    private void AddToken(int start, int end, WordType type, int frequency, ReadOnlySpan<char> key)
    {
        var keyStart = keyLength;
        foreach (var c in key)
        {
            Key(c);
        }

        AddToken(start, end, type, frequency, keyStart, key.Length);
    }

    private void AddToken(int start, int end, WordType type, int frequency, int keyStart, int length)
    {
        if (count == nodes.Length)
        {
            Array.Resize(ref nodes, nodes.Length * 2);
        }

        var hash = SmartCnDictionary.PairHash(SmartCnDictionary.PairHashSeed, keys.AsSpan(keyStart, length));
        nodes[count++] = new Node(start, end, type, frequency, keyStart, length, SmartCnDictionary.PairHash(hash, "@"));
    }

    private void Key(char c)
    {
        if (keyLength == keys.Length)
        {
            Array.Resize(ref keys, keys.Length * 2);
        }

        keys[keyLength++] = c;
    }

    /// <summary>
    /// Relaxes every pair (a token, a token at the next start at or after its end) in SmartCn's order — by the first
    /// token's index, then the second's — keeping for each token the cheapest way in (strictly cheaper replaces).
    /// </summary>
    private void Link(int length)
    {
        var next = -1;
        for (var s = length; s >= 0; s--)
        {
            next = firstAt[s] >= 0 ? s : next;
            nextStart[s] = next;
        }

        for (var t = 0; t < count; t++)
        {
            nodes[t].Cost = t == 0 ? 0 : double.MaxValue;
        }

        for (var t1 = 0; t1 < count - 1; t1++)
        {
            ref var first = ref nodes[t1];
            var from = nextStart[first.End];
            var oneWordFrequency = (double)first.Frequency;
            var (begin, stop) = (firstAt[from], NextFirst(from, length));
            for (var t2 = begin; t2 < stop; t2++)
            {
                ref var second = ref nodes[t2];
                var pairFrequency = dictionary.BigramFrequency(SmartCnDictionary.PairHash(first.PairHash, keys.AsSpan(second.KeyStart, second.KeyLength)));
                var weight = -Math.Log(
                    Smooth * (1.0 + oneWordFrequency) / (SmartCnDictionary.MaxFrequency + 0.0)
                    + (1.0 - Smooth) * ((1.0 - Tiny) * pairFrequency / (1.0 + oneWordFrequency) + Tiny));
                var cost = first.Cost + weight;
                if (cost < second.Cost)
                {
                    (second.Cost, second.From) = (cost, t1);
                }
            }
        }
    }

    /// <summary>The index after the last token starting at <paramref name="s"/>.</summary>
    private int NextFirst(int s, int length)
    {
        for (var k = s + 1; k <= length + 1; k++)
        {
            if (firstAt[k] >= 0)
            {
                return firstAt[k];
            }
        }

        return count;
    }

    /// <summary>The best path's tokens without the sentence markers, into <see cref="path"/>; returns their count.</summary>
    private int BestPath()
    {
        var n = 0;
        for (var t = nodes[count - 1].From; t > 0; t = nodes[t].From)
        {
            n++;
        }

        if (path.Length < n)
        {
            path = new int[Math.Max(n, path.Length * 2)];
        }

        var k = n;
        for (var t = nodes[count - 1].From; t > 0; t = nodes[t].From)
        {
            path[--k] = t;
        }

        return n;
    }

    private void Grow(int length)
    {
        if (types.Length < length)
        {
            types = new CharType[length * 2];
        }

        if (firstAt.Length < length + 2)
        {
            firstAt = new int[length * 2 + 2];
            nextStart = new int[length * 2 + 2];
        }
    }

    private struct Node(int start, int end, WordType type, int frequency, int keyStart, int keyLength, long pairHash)
    {
        public readonly int Start = start;
        public readonly int End = end;
        public readonly WordType Type = type;
        public readonly int Frequency = frequency;
        public readonly int KeyStart = keyStart;
        public readonly int KeyLength = keyLength;
        public readonly long PairHash = pairHash;
        public double Cost;
        public int From;
    }
}

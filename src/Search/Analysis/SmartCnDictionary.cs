using System.Reflection;
using Lucene.Net.Analysis.Cn.Smart;

namespace KnowledgeHub.Search.Analysis;

/// <summary>
/// SmartCn's two dictionaries (Lucene.Net.Analysis.SmartCn's internal <c>WordDictionary</c> and <c>BigramDictionary</c>,
/// read once from the instances SmartCn loads) in shapes that are cheap to probe, for <see cref="HhmmSentenceSegmenter"/>:
/// the words as a trie (a node per prefix, so extending a word by a character is one lookup), and the bigram frequencies
/// keyed by the FNV-1 hash SmartCn identifies a word pair by. SmartCn keeps the words as sorted arrays per first character
/// (a binary search per lookup, a new array per probe) and the pairs in an open-addressing table probed through two hashes
/// of a freshly built "word@word" array — the probe alone was 17 % of the CPU of indexing Chinese. The answers are SmartCn's
/// own: the tests compare every dictionary word's lookups, and every token of the content, with SmartCn.
/// </summary>
internal sealed class SmartCnDictionary
{
    /// <summary>SmartCn's smoothing ceiling (Utility.MAX_FREQUENCE).</summary>
    public static readonly int MaxFrequency = Utility.MAX_FREQUENCE;

    private static readonly Lazy<SmartCnDictionary> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly LongIntTable children;
    private readonly int[] frequencies;
    private readonly bool[] words;
    private readonly LongIntTable bigrams;

    private SmartCnDictionary(Dictionary<long, int> children, int[] frequencies, bool[] words, Dictionary<long, int> bigrams)
    {
        (this.children, this.frequencies, this.words, this.bigrams) = (new LongIntTable(children), frequencies, words, new LongIntTable(bigrams));
        StringFrequency = WordFrequency(Utility.STRING_CHAR_ARRAY);
        NumberFrequency = WordFrequency(Utility.NUMBER_CHAR_ARRAY);
        StartFrequency = WordFrequency(Utility.START_CHAR_ARRAY);
        EndFrequency = WordFrequency(Utility.END_CHAR_ARRAY);
    }

    public static SmartCnDictionary Instance => Shared.Value;

    /// <summary>The trie's root: <see cref="Child"/> of it by a character is that character's node.</summary>
    public static int Root => 0;

    /// <summary>Frequencies of SmartCn's placeholders for a letter run, a number, the sentence start and end.</summary>
    public int StringFrequency { get; }

    public int NumberFrequency { get; }

    public int StartFrequency { get; }

    public int EndFrequency { get; }

    /// <summary>The node of the prefix <paramref name="node"/> + <paramref name="c"/>, or -1 when no dictionary word starts with it.</summary>
    public int Child(int node, char c) => children.Get(((long)node << 16) | c, -1);

    /// <summary>True when the prefix at <paramref name="node"/> is itself a dictionary word.</summary>
    public bool IsWord(int node) => words[node];

    /// <summary>The word's frequency, 0 when the prefix at <paramref name="node"/> is no word (as SmartCn's lookup answers).</summary>
    public int Frequency(int node) => node >= 0 && words[node] ? frequencies[node] : 0;

    /// <summary>The frequency SmartCn gives <paramref name="word"/>: 0 for a word not in the dictionary.</summary>
    public int WordFrequency(ReadOnlySpan<char> word)
    {
        var node = Root;
        foreach (var c in word)
        {
            if ((node = Child(node, c)) < 0)
            {
                return 0;
            }
        }

        return Frequency(node);
    }

    /// <summary>The frequency of the word pair whose "first@second" FNV-1 hash is <paramref name="hash"/> (<see cref="PairHash"/>), 0 when unknown.</summary>
    public int BigramFrequency(long hash) => bigrams.Get(hash, 0);

    /// <summary>SmartCn's FNV-1 hash of a pair ("first@second"), continued character by character from <paramref name="hash"/> (start with <see cref="PairHashSeed"/>).</summary>
    public static long PairHash(long hash, ReadOnlySpan<char> chars)
    {
        unchecked
        {
            foreach (var c in chars)
            {
                hash = (hash ^ (c & 0xFF)) * 1099511628211L;
                hash = (hash ^ (c >> 8)) * 1099511628211L;
            }

            return hash;
        }
    }

    public static long PairHashSeed => unchecked((long)0xcbf29ce484222325UL);

    private static SmartCnDictionary Load()
    {
        var assembly = typeof(HMMChineseTokenizer).Assembly;
        var wordDictionary = Singleton(assembly, "Lucene.Net.Analysis.Cn.Smart.Hhmm.WordDictionary");
        var charIndex = Field<char[]>(wordDictionary, "charIndexTable");
        var wordIndex = Field<short[]>(wordDictionary, "wordIndexTable");
        var items = Field<char[][][]>(wordDictionary, "wordItem_charArrayTable");
        var itemFrequencies = Field<int[][]>(wordDictionary, "wordItem_frequencyTable");

        var children = new Dictionary<long, int>(1 << 20);
        var frequencies = new List<int> { 0 };
        var words = new List<bool> { false };
        for (var slot = 0; slot < charIndex.Length; slot++)
        {
            if (charIndex[slot] == 0 || wordIndex[slot] < 0 || items[wordIndex[slot]] is not { Length: > 0 } list)
            {
                continue;
            }

            for (var i = 0; i < list.Length; i++)
            {
                var node = Add(children, frequencies, words, Root, charIndex[slot]);
                foreach (var c in list[i] ?? [])
                {
                    node = Add(children, frequencies, words, node, c);
                }

                if (!words[node])
                {
                    (words[node], frequencies[node]) = (true, itemFrequencies[wordIndex[slot]][i]);
                }
            }
        }

        var bigramDictionary = Singleton(assembly, "Lucene.Net.Analysis.Cn.Smart.Hhmm.BigramDictionary");
        var hashes = Field<long[]>(bigramDictionary, "bigramHashTable");
        var pairFrequencies = Field<int[]>(bigramDictionary, "frequencyTable");
        var bigrams = new Dictionary<long, int>(hashes.Length);
        for (var i = 0; i < hashes.Length; i++)
        {
            if (hashes[i] != 0)
            {
                bigrams.TryAdd(hashes[i], pairFrequencies[i]);
            }
        }

        return new SmartCnDictionary(children, [.. frequencies], [.. words], bigrams);
    }

    private static int Add(Dictionary<long, int> children, List<int> frequencies, List<bool> words, int node, char c)
    {
        var key = ((long)node << 16) | c;
        if (!children.TryGetValue(key, out var child))
        {
            child = frequencies.Count;
            children.Add(key, child);
            frequencies.Add(0);
            words.Add(false);
        }

        return child;
    }

    private static object Singleton(Assembly assembly, string typeName)
    {
        var type = assembly.GetType(typeName, throwOnError: true)!;
        var getInstance = type.GetMethod("GetInstance", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes)
            ?? throw new InvalidOperationException($"{typeName}.GetInstance() is gone: this Lucene.Net.Analysis.SmartCn is not the one the segmenter was written for.");
        return getInstance.Invoke(null, null) ?? throw new InvalidOperationException($"{typeName}.GetInstance() returned null.");
    }

    private static T Field<T>(object instance, string name)
        where T : class =>
        instance.GetType().GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(instance) as T
        ?? throw new InvalidOperationException($"{instance.GetType().Name}.{name} is gone: this Lucene.Net.Analysis.SmartCn is not the one the segmenter was written for.");
}

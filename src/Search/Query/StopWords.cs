namespace KnowledgeHub.Search.Querying;

/// <summary>
/// Question words and function words that carry no topic in a search: "how to organize a retrospective" searches
/// organize and retrospective; 如何组织复盘 searches 组织 and 复盘. English words are whole tokens; Chinese ones are cut out
/// of a run of characters wherever they occur (the longest first).
/// </summary>
internal static class StopWords
{
    private static readonly HashSet<string> English = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "and", "or", "not", "to", "in", "on", "for", "with", "from", "by", "as", "is", "are", "was",
        "were", "be", "been", "at", "it", "its", "this", "that", "these", "those", "do", "does", "did", "how", "what",
        "which", "who", "whom", "why", "when", "where", "can", "could", "should", "would", "will", "i", "we", "our", "us",
        "you", "your", "my", "me", "there", "about", "any", "some", "all", "into", "than", "then", "so", "if", "has",
        "have", "had", "please", "vs", "versus", "&&", "||",
    };

    /// <summary>Longest first, so 为什么 is cut before 什么.</summary>
    public static IReadOnlyList<string> Chinese { get; } =
    [
        "有没有", "为什么", "怎么样", "是什么", "哪一个", "相关的", "如何", "怎么", "怎样", "什么", "哪些", "哪个", "是否", "关于",
        "一下", "我们", "他们", "你们", "请问", "有关", "相关", "还是", "或者", "以及", "的", "和",
    ];

    /// <summary>Particles cut only at the end of a run (了 stays in 了解, 吗 at the end of a question goes).</summary>
    public static IReadOnlyList<string> ChineseFinal { get; } = ["吗", "呢", "吧", "啊", "了", "么"];

    /// <summary>
    /// True for a common word, and for one with <c>'s</c> after a common word or a pronoun, where the <c>'s</c> is a verb
    /// or "us" (<c>it's</c>, <c>that's</c>, <c>what's</c>, <c>he's</c>, <c>let's</c>), not a possessive.
    /// </summary>
    public static bool IsEnglish(string word) =>
        English.Contains(word)
            || (word.Length > 2 && (word[^2] == '\'' || Analysis.TextNormalizer.IsApostrophe(word[^2])) && word[^1] is 's' or 'S'
                && (English.Contains(word[..^2]) || Contracted.Contains(word[..^2])));

    /// <summary>Words whose <c>'s</c> is "is", "has" or "us" and that <see cref="English"/> lacks.</summary>
    private static readonly HashSet<string> Contracted = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "here", "let" };
}

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

    public static bool IsEnglish(string word) => English.Contains(word);
}

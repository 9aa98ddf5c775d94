namespace KnowledgeHub.Search.Analysis;

/// <summary>
/// The character fold applied after NFKC (<see cref="TextNormalizer"/>), one UTF-16 unit to one, so it never moves an
/// offset: the CJK Radicals Supplement (U+2E80–U+2EFF, which NFKC leaves alone but PDF printers emit for ordinary
/// characters — ⻥ for 鱼) to the unified ideograph each stands for, then traditional Chinese to simplified
/// (<see cref="TraditionalSimplifiedPairs"/>, its shared characters too). The Kangxi Radicals (U+2F00–U+2FDF, ⽇ for 日) need no entry: NFKC maps
/// them, and the fold then simplifies the result (⿂ → 魚 → 鱼).
/// </summary>
internal static class CjkFolding
{
    /// <summary>
    /// Radical → unified ideograph, as pairs, after Unicode's EquivalentUnifiedIdeograph.txt for the BMP targets (the
    /// radicals whose equivalent lies outside the BMP, such as ⺇ U+2E87 → U+20628, keep their form). ⺟ and ⻳ are
    /// mapped by NFKC already.
    /// </summary>
    private const string RadicalPairs =
        "⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺉刂⺊卜⺋㔾⺌小⺍小⺎尢⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺗㣺⺘扌⺙攵⺛旡⺜日⺝月⺞歺" +
        "⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺫罒⺬示⺭礻⺯糹⺰纟⺱罓⺲罒⺳㓁⺴网⺶羊⺹耂⺺肀⺻聿⺼肉⺽臼" +
        "⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻇角⻈讠⻉贝⻊足⻋车⻌辶⻍辶⻎辶⻏阝⻐钅⻑長⻒镸⻓长⻔门⻕阜⻖阝" +
        "⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀";

    /// <summary>Every UTF-16 unit to its folded form (itself for most).</summary>
    public static char[] Table { get; } = Build();

    /// <summary>
    /// <paramref name="text"/> folded alone, without NFKC: as long as the text, each character at its place (a match in
    /// it is the same stretch of the text as typed); the same instance when nothing folds.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(c => Table[c] != c))
        {
            return text;
        }

        return string.Create(text.Length, text, static (chars, typed) =>
        {
            for (var i = 0; i < typed.Length; i++)
            {
                chars[i] = Table[typed[i]];
            }
        });
    }

    private static char[] Build()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            table[c] = (char)c;
        }

        foreach (var pairs in new[] { TraditionalSimplifiedPairs.Pairs, TraditionalSimplifiedPairs.Shared })
        {
            for (var i = 0; i + 1 < pairs.Length; i += 2)
            {
                table[pairs[i]] = pairs[i + 1];
            }
        }

        for (var i = 0; i + 1 < RadicalPairs.Length; i += 2)
        {
            var unified = RadicalPairs[i + 1];
            table[RadicalPairs[i]] = table[unified]; // ⻑ → 長 → 长
        }

        return table;
    }
}

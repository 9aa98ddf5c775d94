using System.Reflection;
using KnowledgeHub.Documents;
using KnowledgeHub.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;

namespace KnowledgeHub.Search.Tests.Analysis;

/// <summary>
/// The Chinese segmenter the SmartCn fields use (<see cref="FastHmmChineseTokenizer"/>) against SmartCn's own
/// <see cref="HMMChineseTokenizer"/>: the same terms, offsets and types for every text of <c>content/</c> and for edge
/// cases, and the same dictionary answers for every word of SmartCn's dictionary.
/// </summary>
public sealed class SegmenterTests
{
    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>
        {
            "",
            "。，！",
            "本次复盘：618 大促 GMV 同比增长 35%。直播间新客占比提升，但影响活动 KPI 的必须纳入活动复盘。",
            "中 华 人 民\u3000共和国 成立 了\t吗？\r\n是的。",
            "ＧＭＶ同比ｃａｍｐａｉｇｎｓ增长１２３４５，Ａｂｃ１２ｄ 全角ＡＢＣ",
            "他说：“你好！”她问：‘为什么？’……——《红楼梦》（第一回）【注】〔一〕",
            "数据ing测试ed abc123中文 3.5 naïve café Ω∑ 𠀀𠀁 〇一二 ㈠ ①②③ ⅰⅱ",
            "研究生命起源。结婚的和尚未结婚的。南京市长江大桥。乒乓球拍卖完了。",
            string.Concat(Enumerable.Repeat("我们在这里讨论中文分词的效果和速度", 120)),
            string.Concat(Enumerable.Repeat("用户研究，", 400)) + "\n" + string.Concat(Enumerable.Repeat("A.B. 测试 Mr. 王. 3.14 元。", 100)),
        };
        var content = ContentRootLocator.Locate(null, AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("The repository's content folder was not found above " + AppContext.BaseDirectory);
        var markdown = new MarkdownRenderer();
        foreach (var file in Directory.EnumerateFiles(content, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            data.Add(markdown.ToPlainText(text));
            data.Add(text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_segmenter_gives_exactly_the_tokens_SmartCn_gives(string text)
    {
        var expected = Tokens(new HMMChineseTokenizer(new StringReader(text)));

        Assert.Equal(expected, Tokens(new FastHmmChineseTokenizer(new StringReader(text))));
    }

    [Fact]
    public void Every_dictionary_word_and_prefix_is_looked_up_as_SmartCn_looks_it_up()
    {
        var wordDictionary = typeof(HMMChineseTokenizer).Assembly.GetType("Lucene.Net.Analysis.Cn.Smart.Hhmm.WordDictionary", throwOnError: true)!;
        var instance = wordDictionary.GetMethod("GetInstance", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
        var frequency = Delegate<Func<char[], int>>(instance, "GetFrequency", typeof(char[]));
        var prefix = Delegate<Func<char[], int, int>>(instance, "GetPrefixMatch", typeof(char[]), typeof(int));
        var isEqual = Delegate<Func<char[], int, bool>>(instance, "IsEqual", typeof(char[]), typeof(int));
        var charIndex = (char[])wordDictionary.GetField("charIndexTable", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(instance)!;
        var wordIndex = (short[])wordDictionary.GetField("wordIndexTable", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(instance)!;
        var items = (char[][][])wordDictionary.GetField("wordItem_charArrayTable", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(instance)!;
        var dictionary = SmartCnDictionary.Instance;
        var (words, mismatches) = (0, new List<string>());
        for (var slot = 0; slot < charIndex.Length; slot++)
        {
            if (charIndex[slot] == 0 || wordIndex[slot] < 0 || items[wordIndex[slot]] is not { } list)
            {
                continue;
            }

            foreach (var item in list)
            {
                var word = new[] { charIndex[slot] }.Concat(item ?? []).ToArray();
                words++;
                if (frequency(word) != dictionary.WordFrequency(word))
                {
                    mismatches.Add($"frequency of {new string(word)}: SmartCn {frequency(word)}, ours {dictionary.WordFrequency(word)}");
                }

                // As SmartCn extends a word: each longer prefix searched from where the shorter one was found.
                var (found, node) = (prefix(word[..1], 0), dictionary.Child(SmartCnDictionary.Root, word[0]));
                for (var length = 2; length <= word.Length && found >= 0; length++)
                {
                    var part = word[..length];
                    (found, node) = (prefix(part, found), dictionary.Child(node, part[^1]));
                    if ((found >= 0) != (node >= 0) || (found >= 0 && isEqual(part, found) != dictionary.IsWord(node)))
                    {
                        mismatches.Add($"prefix {new string(part)}: SmartCn {found}, ours node {node}");
                    }
                }
            }
        }

        Assert.True(words > 50_000, $"the dictionary has its words ({words})");
        Assert.Empty(mismatches.Take(20));
    }

    private static T Delegate<T>(object instance, string name, params Type[] parameters)
        where T : Delegate =>
        instance.GetType().GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, parameters)!.CreateDelegate<T>(instance);

    private static List<string> Tokens(Tokenizer tokenizer)
    {
        using (tokenizer)
        {
            return AnalysisTokens.Detailed(tokenizer);
        }
    }
}

using KnowledgeHub.Documents;
using KnowledgeHub.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeHub.Search.Tests.Analysis;

/// <summary>
/// The SmartCn fields mark tokens that cannot end in a Porter suffix (Chinese words, numbers) so the stemmer skips them:
/// every token, offset and position must be what the chain gives when the stemmer sees every token.
/// </summary>
public sealed class StemmingSkipTests : IDisposable
{
    private readonly SearchAnalyzer analyzer = new();
    private readonly StemEverything reference = new();

    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>
        {
            "campaigns 复盘 caresses ponies 123 running runs 2026 年 618 大促 GMV 同比增长 35%。",
            "中文s 数据ing 测试ed abc123 3.5 naïve café ＧＭＶ ｃａｍｐａｉｇｎｓ",
            new string('7', 300) + " " + new string('a', 300) + "s 中" + new string('z', 400),
            new string('中', 300) + " " + new string('a', 254) + "ies " + new string('a', 300) + "ing",
            "本次复盘。\nSUM(A1:B2), =AVERAGE(x).\n\n...\n竞品分析（直播）ponies\nEnd!!",
        };
        var content = ContentRootLocator.Locate(null, AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("The repository's content folder was not found above " + AppContext.BaseDirectory);
        var markdown = new MarkdownRenderer();
        foreach (var file in Directory.EnumerateFiles(content, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(markdown.ToPlainText(File.ReadAllText(file)));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Skipping_the_stemmer_for_tokens_without_a_final_letter_changes_no_token(string text)
    {
        var expected = Detailed(reference, text);

        Assert.True(expected.Count > 1, "the text gives tokens");
        Assert.Equal(expected, Detailed(analyzer, text));
    }

    [Fact]
    public void English_words_are_still_stemmed_and_Chinese_words_kept_whole()
    {
        var terms = Detailed(analyzer, "campaigns 用户研究 ponies 2026").SkipLast(1).Select(t => t[..t.IndexOf('+', StringComparison.Ordinal)]);

        Assert.Equal(["campaign", "用户", "研究", "poni", "2026"], terms);
    }

    public void Dispose()
    {
        analyzer.Dispose();
        reference.Dispose();
    }

    private static List<string> Detailed(Analyzer analyzer, string text) => AnalysisTokens.Detailed(analyzer, SearchFields.Body, text);

    /// <summary>The SmartCn fields' chain with every keyword mark cleared before the stemmer: Porter sees every token.</summary>
    private sealed class StemEverything : Analyzer
    {
        protected override TextReader InitReader(string fieldName, TextReader reader) => new NormalizingCharFilter(reader);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            // As the chain was before the marks: cut to the cap, then every token stemmed.
            var tokenizer = new LanguageRoutingTokenizer(reader);
            var bounded = new TruncateTokenFilter(new ClearKeywords(tokenizer), SearchAnalyzer.MaxTokenLength);
            return new TokenStreamComponents(tokenizer, new PorterStemFilter(bounded));
        }
    }

    private sealed class ClearKeywords : TokenFilter
    {
        private readonly IKeywordAttribute keyword;

        public ClearKeywords(TokenStream input)
            : base(input)
        {
            keyword = AddAttribute<IKeywordAttribute>();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            keyword.IsKeyword = false;
            return true;
        }
    }
}

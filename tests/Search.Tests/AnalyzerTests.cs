using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeHub.Search.Tests;

/// <summary>Token tables: what each field makes of Chinese, English and mixed text.</summary>
public sealed class AnalyzerTests : IDisposable
{
    private readonly SearchAnalyzer analyzer = new();

    [Theory]
    // SmartCn: dictionary words, unknown words as single characters, punctuation dropped
    [InlineData(SearchFields.Body, "用户研究 会议纪要 周报", "用户 研究 会议 纪要 周报")]
    [InlineData(SearchFields.Body, "竞品分析", "竞 品 分析")]
    [InlineData(SearchFields.Title, "2026 年 618 大促复盘", "2026 年 618 大 促 复 盘")]
    [InlineData(SearchFields.Body, "恢复了服务，更换硬盘", "恢复 了 服务 更换 硬盘")]
    // SmartCn: English lower-cased and Porter-stemmed
    [InlineData(SearchFields.Body, "Campaigns campaigning Campaign", "campaign campaign campaign")]
    [InlineData(SearchFields.Body, "users user", "user user")]
    [InlineData(SearchFields.Body, "retained retention", "retain retent")]
    [InlineData(SearchFields.Body, "618 复盘 GMV", "618 复 盘 gmv")]
    [InlineData(SearchFields.Body, "ＧＭＶ", "gmv")]
    // Bigram shadow: overlapping pairs of CJK characters, English lower-cased but not stemmed
    [InlineData(SearchFields.BodyCjk, "大促复盘", "大促 促复 复盘")]
    [InlineData(SearchFields.BodyCjk, "竞品分析", "竞品 品分 分析")]
    [InlineData(SearchFields.TitleCjk, "恢复了服务，更换硬盘", "恢复 复了 了服 服务 更换 换硬 硬盘")]
    [InlineData(SearchFields.BodyCjk, "Campaigns ＧＭＶ", "campaigns gmv")]
    [InlineData(SearchFields.BodyCjk, "618 复盘 GMV", "618 复盘 gmv")]
    [InlineData(SearchFields.BodyCjk, "2026 年", "2026 年")]
    // The two copies of a text differ from the tokenizer on, so neither can be derived from the other's tokens
    [InlineData(SearchFields.Body, "Don't 3.5 foo_bar", "don t 3 5 foo bar")]
    [InlineData(SearchFields.BodyCjk, "Don't 3.5 foo_bar", "don't 3.5 foo_bar")]
    // A character outside the Basic Multilingual Plane is one token, not its two UTF-16 halves (SmartCn gives those)
    [InlineData(SearchFields.Body, "上线 🎉 𠮷野家", "上 线 🎉 𠮷 野 家")]
    [InlineData(SearchFields.Title, "😀🡄 Shows", "😀 🡄 show")]
    public void Field_analysis_produces_the_expected_tokens(string field, string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', Tokens(field, text)));
    }

    [Theory]
    [InlineData(SearchFields.Body, "a", true)]
    [InlineData(SearchFields.Body, "7", true)]
    [InlineData(SearchFields.AttachmentText, "z", true)]
    [InlineData(SearchFields.Body, "é", false)]
    [InlineData(SearchFields.BodyCjk, "b", false)]
    [InlineData(SearchFields.TitleCjk, "é", false)]
    public void No_token_is_longer_than_the_cap_and_the_words_around_an_immense_one_are_kept(string field, string letter, bool cut)
    {
        var immense = string.Concat(Enumerable.Repeat(letter, 100_000));

        var tokens = Tokens(field, $"wombat {immense} numbat");

        Assert.Equal("wombat", tokens[0]);
        Assert.Equal("numbat", tokens[^1]);
        Assert.All(tokens, token => Assert.InRange(token.Length, 1, SearchAnalyzer.MaxTokenLength));
        Assert.Equal(cut, tokens.Contains(immense[..SearchAnalyzer.MaxTokenLength]));
    }

    [Fact]
    public void The_bigram_field_never_pairs_characters_across_punctuation()
    {
        Assert.DoesNotContain("复盘", Tokens(SearchFields.BodyCjk, "恢复，盘点"));
    }

    [Theory]
    [InlineData("Campaigns campaigning Campaign")]
    [InlineData("Hello, world. The quick  brown—fox; isn't it? 2026-01-01 =SUM(A1) user@example.com C++ x_y")]
    [InlineData("abc123 e.g. 3.5 50% a’b “c” d…e ©g h\u00A0i\tj\nk\r\nl → ≥ • ™ ® §p")]
    [InlineData("(leading punctuation) and trailing!!")]
    [InlineData("naïve café × ½")] // letters SmartCn splits one by one: routed to SmartCn
    [InlineData("ＧＭＶ and GMV")] // full-width letters: routed to SmartCn
    [InlineData("618 复盘 GMV and campaigns")]
    [InlineData("本次复盘。\nSUM(A1:B2), =AVERAGE(x).\n\n...\n竞品分析（直播）\nEnd!!")] // plain lines between Chinese ones
    [InlineData("abc!!\n中文\r\n!!def 123")]
    public void Text_and_lines_without_Chinese_get_exactly_the_tokens_SmartCn_gives_them(string text)
    {
        using var smartCn = new Lucene.Net.Analysis.Cn.Smart.SmartChineseAnalyzer(SearchAnalyzer.Version);
        // Both see the normal form: the routing is what is compared here (NormalizationTests cover the normalization).
        text = KnowledgeHub.Search.Analysis.TextNormalizer.Normalize(System.Text.RegularExpressions.Regex.Unescape(text));

        Assert.Equal(Detailed(smartCn, SearchFields.Body, text), Detailed(analyzer, SearchFields.Body, text));
        Assert.Equal(Detailed(smartCn, SearchFields.Title, text), Detailed(analyzer, SearchFields.Title, text));
    }

    [Fact]
    public void Long_English_text_keeps_words_whole_where_SmartCn_cut_them_at_its_buffer_edge()
    {
        var text = string.Concat(Enumerable.Repeat("abcdefghi ", 300)) + "campaigns";

        var tokens = Tokens(SearchFields.Body, text);

        Assert.Equal(301, tokens.Count);
        Assert.All(tokens.Take(300), t => Assert.Equal("abcdefghi", t));
        Assert.Equal("campaign", tokens[^1]);
    }

    public void Dispose() => analyzer.Dispose();

    private static List<string> Detailed(Lucene.Net.Analysis.Analyzer analyzer, string field, string text) =>
        Analysis.AnalysisTokens.Detailed(analyzer, field, text);

    private List<string> Tokens(string field, string text)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var tokens = new List<string>();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }
}

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
    public void Field_analysis_produces_the_expected_tokens(string field, string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', Tokens(field, text)));
    }

    [Fact]
    public void The_bigram_field_never_pairs_characters_across_punctuation()
    {
        Assert.DoesNotContain("复盘", Tokens(SearchFields.BodyCjk, "恢复，盘点"));
    }

    public void Dispose() => analyzer.Dispose();

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

using System.Globalization;
using KnowledgeHub.Search.Analysis;

namespace KnowledgeHub.Search.Tests.Analysis;

/// <summary>
/// One normalization at index and query time: NFKC (full-width forms, Kangxi radicals, compatibility characters), CJK
/// radical forms as PDFs print them, traditional Chinese folded to simplified; offsets still point into the original.
/// </summary>
public sealed class NormalizationTests : IDisposable
{
    private readonly SearchAnalyzer analyzer = new();

    [Theory]
    // full-width letters and digits are ASCII, in every chain
    [InlineData(SearchFields.Body, "型号ＡＢＣ１２３", "型号 abc 123")]
    [InlineData(SearchFields.Body, "ＡＢＣ１２３", "abc 123")]
    [InlineData(SearchFields.Body, "ABC123", "abc 123")]
    [InlineData(SearchFields.BodyCjk, "ＡＢＣ１２３", "abc123")]
    [InlineData(SearchFields.TitleCjk, "ABC123", "abc123")]
    [InlineData(SearchFields.Body, "Ｃａｍｐａｉｇｎｓ", "campaign")]
    [InlineData(SearchFields.Body, "ｏｐｓ\u3000ｔｅａｍ", "op team")]
    // radical forms (CJK Radicals Supplement, Kangxi Radicals) are the ideographs they stand for
    [InlineData(SearchFields.BodyCjk, "鲸⻥", "鲸鱼")]
    [InlineData(SearchFields.BodyCjk, "⽇本", "日本")]
    [InlineData(SearchFields.BodyCjk, "⻓期⽅案", "长期 期方 方案")]
    [InlineData(SearchFields.Body, "⽅案", "方案")]
    [InlineData(SearchFields.AttachmentTextCjk, "⻔店", "门店")]
    // traditional characters fold to simplified, so both write the same terms
    [InlineData(SearchFields.BodyCjk, "鯨魚", "鲸鱼")]
    [InlineData(SearchFields.BodyCjk, "會議紀要", "会议 议纪 纪要")]
    [InlineData(SearchFields.Body, "會議紀要", "会议 纪要")]
    [InlineData(SearchFields.Title, "運營週報", "运营 周报")]
    [InlineData(SearchFields.TagsText, "競品分析", "竞 品 分析")]
    [InlineData(SearchFields.AttachmentText, "資料庫", "资料库")]
    // simplified text is left as it is, including characters that are also traditional forms, but for the three that
    // traditional text writes for other words (意味著, 乾貨, 藉由): those fold on both sides, so 著名 still finds 著名
    [InlineData(SearchFields.BodyCjk, "著名的乾隆", "着名 名的 的干 干隆")]
    [InlineData(SearchFields.BodyCjk, "于是发现", "于是 是发 发现")]
    [InlineData(SearchFields.Body, "复盘 鲸鱼", "复 盘 鲸鱼")]
    // compatibility forms and combining sequences
    [InlineData(SearchFields.Body, "ﬁle", "file")]
    [InlineData(SearchFields.BodyCjk, "cafe\u0301", "café")]
    [InlineData(SearchFields.BodyCjk, "ｶﾀｶﾅ", "カタ タカ カナ")]
    // invisible format characters are dropped: a soft hyphen (PDFs), zero-width space and joiners (web pages), a word
    // joiner, a byte-order mark, bidirectional marks, variation selectors (also the supplement's, after an ideograph)
    [InlineData(SearchFields.Body, "inter\u00ADnational cam\u00ADpaigns", "intern campaign")]
    [InlineData(SearchFields.Body, "pay\u200Dment remin\u2060ders \uFEFFbudget", "payment remind budget")]
    [InlineData(SearchFields.Title, "data\u200Bbase \u200Eleft\u200F", "databas left")]
    [InlineData(SearchFields.BodyCjk, "直播\u200B复盘", "直播 播复 复盘")]
    [InlineData(SearchFields.BodyCjk, "会\u200C员\u202A权益\u202C", "会员 员权 权益")]
    [InlineData(SearchFields.TitleCjk, "葛\U000E0100城\uFE0F", "葛城")]
    [InlineData(SearchFields.TagsText, "增\u00AD长", "增长")]
    [InlineData(SearchFields.AttachmentTextCjk, "鲸\u2060鱼", "鲸鱼")]
    // a word processor's apostrophes are the keyboard's: the shadows keep such a word whole
    [InlineData(SearchFields.BodyCjk, "the team\u2019s plan", "the team's plan")]
    [InlineData(SearchFields.TitleCjk, "didn\u2019t teamʼs", "didn't team's")]
    [InlineData(SearchFields.Body, "team\u2019s", "team s")]
    [InlineData(SearchFields.BodyCjk, "team\u2018s team\uFF07s", "team's team's")]
    public void Every_chain_normalizes_the_text_it_indexes(string field, string text, string expected)
    {
        Assert.Equal(expected, AnalysisTokens.Terms(analyzer, field, text));
    }

    [Theory]
    [InlineData("鯨魚", "鲸鱼")]
    [InlineData("ＡＢＣ１２３", "ABC123")]
    [InlineData("⻥", "鱼")]
    [InlineData("⾺", "马")]
    [InlineData("e\u0301", "é")]
    [InlineData("㈱", "(株)")]
    [InlineData("inter\u00ADnational", "international")]
    [InlineData("直播\u200B复盘\uFEFF", "直播复盘")]
    [InlineData("\u202E复盘\u202C", "复盘")]
    [InlineData("葛\U000E0100城", "葛城")]
    [InlineData("\u200B\u200D\u2060", "")]
    [InlineData("team\u2019s didn\u2019t teamʼs \u2018quoted\u2019", "team's didn't team's 'quoted'")]
    public void Text_and_its_normal_form_give_the_same_terms(string original, string normal)
    {
        Assert.Equal(normal, TextNormalizer.Normalize(original));
        foreach (var field in new[] { SearchFields.Body, SearchFields.BodyCjk, SearchFields.Title, SearchFields.TitleCjk, SearchFields.AttachmentText })
        {
            Assert.Equal(AnalysisTokens.Terms(analyzer, field, normal), AnalysisTokens.Terms(analyzer, field, original));
        }
    }

    [Fact]
    public void Normalizing_text_already_normal_returns_the_same_string()
    {
        const string text = "复盘 campaign 2026 — 会议纪要";
        Assert.Same(text, TextNormalizer.Normalize(text));
    }

    /// <summary>The shortcut for normal text gives what the full pass gives, over every line of content/ and odd text.</summary>
    [Fact]
    public void The_shortcut_for_normal_text_agrees_with_the_full_normalization()
    {
        var content = Documents.ContentRootLocator.Locate(null, AppContext.BaseDirectory)!;
        var texts = Directory.EnumerateFiles(content, "*.md", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines)
            .Concat(["鯨魚", "ＡＢＣ１２３", "⽇本⻥", "cafe\u0301", "ﬁle", "\u3000", "\uD840\uDC00", "\uD840", "\uDC00x", "㈠", "①", "Å", "e\u0308", "",
                "soft\u00ADhyphen", "e\u200D\u0301", "\uDB40\uDD00x", "\uDB40", "x\uDB40"])
            .ToList();
        var shortcuts = 0;
        foreach (var text in texts)
        {
            var full = new NormalizedText();
            var changed = TextNormalizer.Run(text, full, corrections: null);
            var expected = changed ? new string(full.Chars, 0, full.Length) : text;

            Assert.Equal(expected, TextNormalizer.Normalize(text));
            if (TextNormalizer.IsNormal(text))
            {
                shortcuts++;
                Assert.False(changed, text);
            }
        }

        Assert.True(shortcuts > texts.Count / 2, $"{shortcuts} of {texts.Count} lines took the shortcut");
    }

    [Theory]
    [InlineData(SearchFields.Body, "前言：鯨魚與ＡＢＣ１２３，⽇本⻥市場 cafe\u0301 ﬁle 後記")]
    [InlineData(SearchFields.BodyCjk, "前言：鯨魚與ＡＢＣ１２３，⽇本⻥市場 cafe\u0301 ﬁle 後記")]
    [InlineData(SearchFields.Title, "Ｃａｍｐａｉｇｎ 𠀀𠀁 鯨魚 e\u0301e\u0301 ①②")]
    [InlineData(SearchFields.BodyCjk, "Ｃａｍｐａｉｇｎ 𠀀𠀁 鯨魚 e\u0301e\u0301 ①②")]
    public void Token_offsets_point_at_the_original_characters_of_the_term(string field, string text)
    {
        var tokens = AnalysisTokens.Of(analyzer, field, text);

        Assert.NotEmpty(tokens);
        var previousStart = 0;
        foreach (var token in tokens)
        {
            Assert.InRange(token.Start, previousStart, token.End);
            Assert.InRange(token.End, token.Start + 1, text.Length);
            var original = text[token.Start..token.End];
            var normal = TextNormalizer.Normalize(original).ToLower(CultureInfo.InvariantCulture);
            // SmartCn fields stem English words: compare the stem's start only there
            Assert.True(normal == token.Term || (field == SearchFields.Body || field == SearchFields.Title) && normal.StartsWith(token.Term, StringComparison.Ordinal), $"'{original}' at {token.Start}-{token.End} gave '{token.Term}'");
            previousStart = token.Start;
        }
    }

    /// <summary>A word with invisible characters inside is one token spanning them; those after it shift nothing.</summary>
    [Fact]
    public void Offsets_around_dropped_format_characters_stay_on_the_original()
    {
        const string text = "\uFEFFinter\u00ADnational 直播\u200B复盘 \U000E0100end";

        var body = AnalysisTokens.Of(analyzer, SearchFields.Body, text);
        var cjk = AnalysisTokens.Of(analyzer, SearchFields.BodyCjk, text);

        // text: U+FEFF at 0, "inter" 1–5, soft hyphen 6, "national" 7–14, 直播 16–17, zero-width space 18, 复盘 19–20, U+E0100 22–23
        Assert.Contains(new AnalyzedToken("intern", 1, 15), body);
        Assert.Contains(new AnalyzedToken("end", 24, 27), body);
        Assert.Contains(new AnalyzedToken("播复", 17, 20), cjk);
        Assert.Contains(new AnalyzedToken("复盘", 19, 21), cjk);
    }

    [Theory]
    [InlineData("plain text 复盘")]
    [InlineData("")]
    public void Text_without_format_characters_is_returned_as_it_is(string text)
    {
        Assert.Same(text, TextNormalizer.WithoutIgnorables(text));
    }

    [Theory]
    [InlineData("直播\u200B复盘", "直播复盘")]
    [InlineData("\u00ADa\u00AD", "a")]
    [InlineData("x\U000E0101y\uDB40", "xy\uDB40")]
    public void Format_characters_are_taken_out_of_query_text(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.WithoutIgnorables(text));
    }

    [Fact]
    public void Offsets_after_text_that_normalizes_shorter_or_longer_stay_on_the_original()
    {
        const string text = "e\u0301e\u0301 ﬃ 会议 ⑩ 纪要";

        var tokens = AnalysisTokens.Of(analyzer, SearchFields.BodyCjk, text);

        Assert.Contains(new AnalyzedToken("会议", text.IndexOf("会议", StringComparison.Ordinal), text.IndexOf("会议", StringComparison.Ordinal) + 2), tokens);
        Assert.Contains(new AnalyzedToken("纪要", text.IndexOf("纪要", StringComparison.Ordinal), text.Length), tokens);
        Assert.Contains(new AnalyzedToken("ffi", 5, 6), tokens);
        Assert.Contains(new AnalyzedToken("10", 10, 11), tokens);
    }

    [Theory]
    [InlineData("")]
    [InlineData("alpha \\uD800 beta \\uDC00 鯨魚")]
    [InlineData("x\\u0301\\u0301\\u0301\\u0301 会议")]
    public void Broken_or_odd_text_is_analysed_without_failing_and_offsets_stay_inside_it(string escaped)
    {
        var text = System.Text.RegularExpressions.Regex.Unescape(escaped) + string.Concat(Enumerable.Repeat("e\u0301", 5_000));

        foreach (var field in new[] { SearchFields.Body, SearchFields.BodyCjk })
        {
            var tokens = AnalysisTokens.Of(analyzer, field, text);
            Assert.All(tokens, t => Assert.InRange(t.End, t.Start, text.Length));
        }

        Assert.Equal(TextNormalizer.Normalize(TextNormalizer.Normalize(text)), TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Every_traditional_pair_is_what_ICU_transliterates()
    {
        var transliterator = ICU4N.Text.Transliterator.GetInstance("Hant-Hans");
        var pairs = TraditionalSimplifiedPairs.Pairs + TraditionalSimplifiedPairs.Shared;

        Assert.True(pairs.Length > 5_000);
        for (var i = 0; i < pairs.Length; i += 2)
        {
            var simplified = transliterator.Transliterate(pairs[i].ToString());
            // a chain resolved: the transliterator's result maps on to the simplified form
            Assert.True(simplified == pairs[i + 1].ToString() || TextNormalizer.Normalize(simplified) == pairs[i + 1].ToString(), $"{pairs[i]} → {simplified}, table {pairs[i + 1]}");
        }
    }

    public void Dispose() => analyzer.Dispose();
}

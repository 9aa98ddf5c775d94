namespace KnowledgeHub.Search.Tests;

public sealed class HighlightCorpus : HostFixture
{
    public static readonly string LongBody =
        string.Concat(Enumerable.Repeat("前言部分没有关键词，只是铺垫。", 30)) + "这里是复盘的结论：提前备货。" + string.Concat(Enumerable.Repeat("后记。", 30));

    public static readonly string LongEnglish =
        string.Concat(Enumerable.Repeat("Nothing to see in this sentence. ", 20)) + "The kangaroo & `<wombat>` plan. " + string.Concat(Enumerable.Repeat("More filler text here. ", 20));

    /// <summary>About 90,000 characters of Chinese before the one match, then more text.</summary>
    public static readonly string DeepChinese =
        string.Concat(Enumerable.Repeat("前言部分没有关键词，只是铺垫。", 6000)) + "最后才写到竞品定价的结论。" + string.Concat(Enumerable.Repeat("后记。", 100));

    /// <summary>Many near misses of the word ("then", "there", "theme") before it, deep in English text.</summary>
    public static readonly string DeepEnglish =
        string.Concat(Enumerable.Repeat("Then there was a theme, and then another one. ", 2000)) + "Finally the thesaurus arrived. " + string.Concat(Enumerable.Repeat("Filler. ", 50));

    protected override IEnumerable<TestDoc> Documents =>
    [
        new("retro-618", "2026 年 618 大促复盘", "本次复盘覆盖 618 大促。"),
        new("script-doc", "Use a <b>bold</b> 复盘 & more", "注意 `<script>alert('x')</script>` 复盘 \"quoted\" & done"),
        new("long-doc", "长文档", LongBody),
        new("long-english", "Long English", LongEnglish),
        new("competitor", "竞品分析", "直播竞品分析结论。"),
        new("title-only", "Kangaroo 季度计划", "正文没有那个词。<>&"),
        new("deep-chinese", "很长的中文文档", DeepChinese),
        new("deep-english", "Long English document", DeepEnglish),
        new("mixed-doc", "混合文档", "我们的 Campaigns 很成功，表格也整理好了。"),
        new("phrase-doc", "Phrase document", "The red apple fell. Later the green car left; the red car stayed."),
    ];
}

/// <summary>Snippets and titles are HTML-encoded text with &lt;mark&gt; around whole matched words.</summary>
public sealed class HighlightingTests(HighlightCorpus corpus) : IClassFixture<HighlightCorpus>
{
    [Theory]
    [InlineData("复盘", true)]
    [InlineData("會議", true)]
    [InlineData("カード", true)]
    [InlineData("618", false)]
    [InlineData("gmv", false)]
    [InlineData("复盘a", false)]
    [InlineData("", false)]
    public void A_key_of_CJK_characters_only_is_searched_ordinally(string key, bool caseless) =>
        Assert.Equal(caseless, SnippetHighlighter.Caseless(key));

    [Fact]
    public void No_character_changes_case_into_or_out_of_the_range_searched_ordinally()
    {
        // The ordinal search of a caseless key finds what the case-insensitive one finds only while no character of the
        // range has another case, and no character outside it has one inside it: checked over every UTF-16 unit.
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            foreach (var other in new[] { char.ToUpperInvariant(ch), char.ToLowerInvariant(ch) })
            {
                if (other != ch && (SnippetHighlighter.Caseless(ch.ToString()) || SnippetHighlighter.Caseless(other.ToString())))
                {
                    Assert.Fail($"U+{c:X4} and U+{(int)other:X4} differ in case only, and one is in the range searched ordinally.");
                }
            }
        }
    }

    [Fact]
    public void A_Chinese_match_is_one_mark_in_the_snippet_and_the_title()
    {
        var hit = Hit("复盘", "retro-618");

        Assert.Equal("本次<mark>复盘</mark>覆盖 618 大促。", hit.SnippetHtml);
        Assert.Equal("2026 年 618 大促<mark>复盘</mark>", hit.TitleHtml);
    }

    [Fact]
    public void A_word_only_the_bigram_field_matches_is_still_marked()
    {
        // SmartCn segments 竞品分析 as 竞|品|分析, so "品分" matches only the bigram field.
        var hit = Hit("品分", "competitor");

        Assert.Contains("<mark>品分</mark>", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_in_the_text_is_encoded_never_emitted()
    {
        var hit = Hit("复盘", "script-doc");

        Assert.Contains("&lt;script&gt;", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Contains("&#39;x&#39;", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Contains("&quot;quoted&quot; &amp; done", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Equal("Use a &lt;b&gt;bold&lt;/b&gt; <mark>复盘</mark> &amp; more", hit.TitleHtml);
        Assert.Equal("Use a <b>bold</b> 复盘 & more", hit.Title);
    }

    [Fact]
    public void The_snippet_of_a_long_document_is_a_fragment_around_the_match()
    {
        var hit = Hit("复盘", "long-doc");

        Assert.Contains("<mark>复盘</mark>", hit.SnippetHtml, StringComparison.Ordinal);
        var visible = hit.SnippetHtml.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
        Assert.InRange(visible.Length, SnippetHighlighter.FragmentSize / 2, SnippetHighlighter.FragmentSize + 2);
        Assert.StartsWith("…", visible, StringComparison.Ordinal);
        Assert.InRange(visible.IndexOf("复盘", StringComparison.Ordinal), 10, SnippetHighlighter.FragmentSize / 2);
    }

    [Fact]
    public void A_fragment_cut_from_the_middle_of_English_text_has_ellipses_on_both_sides()
    {
        var hit = Hit("wombat", "long-english");

        Assert.StartsWith("…", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.EndsWith("…", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Contains("kangaroo &amp; &lt;<mark>wombat</mark>&gt; plan.", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Prefix_matches_are_marked()
    {
        var hit = Hit("kang*", "long-english");

        Assert.Contains("The <mark>kangaroo</mark> &amp;", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_body_match_the_snippet_is_the_encoded_start_of_the_text()
    {
        var hit = Hit("kangaroo", "title-only");

        Assert.Equal("正文没有那个词。&lt;&gt;&amp;", hit.SnippetHtml);
        Assert.Equal("<mark>Kangaroo</mark> 季度计划", hit.TitleHtml);
    }

    [Fact]
    public void English_matches_are_marked_in_their_inflected_form()
    {
        var hit = Hit("kangaroos", "title-only");

        Assert.Equal("<mark>Kangaroo</mark> 季度计划", hit.TitleHtml);
    }

    [Fact]
    public void A_Chinese_match_deep_in_a_long_document_is_found_and_marked()
    {
        var hit = Hit("竞品定价", "deep-chinese");

        Assert.Contains("写到<mark>竞品定价</mark>的结论", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.StartsWith("…", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.EndsWith("…", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void An_English_match_deep_in_the_text_is_marked_past_many_look_alike_words()
    {
        var hit = Hit("thesaurus", "deep-english");

        Assert.Contains("Finally the <mark>thesaurus</mark> arrived.", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_phrase_marks_only_its_occurrences_not_its_words_elsewhere()
    {
        var hit = Hit("\"red car\"", "phrase-doc");

        Assert.Contains("the <mark>red</mark> <mark>car</mark> stayed", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Contains("The red apple", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Contains("green car", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void An_English_word_in_Chinese_text_is_marked_in_its_inflected_form()
    {
        var hit = Hit("campaign", "mixed-doc");

        Assert.Equal("我们的 <mark>Campaigns</mark> 很成功，表格也整理好了。", hit.SnippetHtml);
    }

    [Fact]
    public void A_Chinese_word_only_SmartCn_has_is_marked()
    {
        // 了 is a word of its own for SmartCn, but no bigram: 好了 and 了。 are.
        var hit = Hit("了", "mixed-doc");

        Assert.Equal("我们的 Campaigns 很成功，表格也整理好<mark>了</mark>。", hit.SnippetHtml);
    }

    [Fact]
    public void A_query_with_an_excluded_word_still_marks_its_other_words()
    {
        var hit = Hit("apple -banana car", "phrase-doc");

        Assert.Contains("<mark>apple</mark>", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Contains("<mark>car</mark>", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<mark>复</mark><mark>盘</mark>", "<mark>复盘</mark>")]
    [InlineData("<mark>竞</mark><mark>品</mark><mark>分析</mark>", "<mark>竞品分析</mark>")]
    [InlineData("<mark>复</mark> <mark>盘</mark>", "<mark>复</mark> <mark>盘</mark>")]
    [InlineData("a &lt;mark&gt; b", "a &lt;mark&gt; b")]
    public void Adjacent_marks_merge(string html, string expected)
    {
        Assert.Equal(expected, SnippetHighlighter.MergeAdjacentMarks(html));
    }

    private SearchHit Hit(string query, string id) =>
        Assert.Single(corpus.Host.Search(query, pageSize: 100).Hits, h => h.DocumentId == id);
}

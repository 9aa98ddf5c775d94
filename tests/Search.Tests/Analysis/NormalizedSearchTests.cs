using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests.Analysis;

/// <summary>Attachment texts as a PDF printer leaves them: radical forms, full-width letters, traditional characters.</summary>
public sealed class PrintedAttachmentTexts : IAttachmentTextProvider
{
    private static readonly Dictionary<string, AttachmentText[]> Texts = new(StringComparer.Ordinal)
    {
        // "⽇" U+2F47 (Kangxi), "⻥" U+2EE5 and "⻓" U+2ED3 (radicals supplement), as a browser's PDF gives 日, 鱼, 长
        ["printed-pdf"] = [new("report.pdf", "⽇本海的鲸⻥观察⻓期报告 Whale watching")],
        ["printed-width"] = [new("specs.pdf", "规格：ＡＢＣ１２３ 型")],
        ["printed-traditional"] = [new("minutes.pdf", "第三季運營週報")],
    };

    public Task<IReadOnlyList<AttachmentText>> GetTextsAsync(DocumentManifest manifest, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AttachmentText>>(Texts.GetValueOrDefault(manifest.Id) ?? []);
}

public sealed class NormalizedCorpus : IAsyncLifetime
{
    public SearchHost Host { get; } = SearchHost.Create(new PrintedAttachmentTexts());

    public async Task InitializeAsync()
    {
        TestDoc[] documents =
        [
            new("printed-pdf", "Appendix", "see the attached report"),
            new("printed-width", "Specs", "see the attached specs"),
            new("printed-traditional", "Minutes", "see the attached minutes"),
            new("radical-body", "观察记录", "今年的⻥群与⽇照"),
            new("width-body", "Model list", "Ｍｏｄｅｌ ＸＹＺ７８９ and model QRS456"),
            new("simplified-title", "会议纪要：竞品分析", "三家平台"),
            new("traditional-title", "直播間轉化復盤", "平台數據"),
            new("traditional-tag", "Tagged", "nothing here") { Tags = ["會員增長"] },
            new("simplified-body", "Retro", "本次复盘覆盖直播间转化"),
            new("unrelated", "Other", "nothing about fish or models"),
            // invisible format characters inside words: a PDF's soft hyphens, a web page's zero-width space and joiners
            new("soft-hyphens", "Export", "An inter\u00ADnational cam\u00ADpaign for new mem\u00ADbers."),
            new("zero-width", "Notes", "本周直播\u200B复盘的要点，以及会\u200C员\u2060权益。"),
            // characters simplified text also writes: traditional 著 乾 藉 where simplified writes 着 干 借
            new("simplified-particles", "分享", "这意味着要把干货借由直播讲清楚。"),
            new("traditional-particles", "分享會", "隨著活動結束，藉此整理乾貨。"),
            new("simplified-famous", "品牌", "一个著名的品牌，效果显著。"),
        ];
        foreach (var doc in documents)
        {
            await Host.AddAsync(doc, catchUp: false);
        }

        await Host.Synchronizer.CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>Queries and documents meet whatever width, radical form or script (traditional, simplified) each was written in.</summary>
public sealed class NormalizedSearchTests(NormalizedCorpus corpus) : IClassFixture<NormalizedCorpus>
{
    [Theory]
    // radical forms in an attachment (as printed to PDF) and in a body
    [InlineData("鲸鱼", "printed-pdf")]
    [InlineData("日本", "printed-pdf")]
    [InlineData("长期", "printed-pdf")]
    [InlineData("鱼群", "radical-body")]
    [InlineData("⻥群", "radical-body")]
    [InlineData("日照", "radical-body")]
    // full-width and ASCII, either way round
    [InlineData("ABC123", "printed-width")]
    [InlineData("ＡＢＣ１２３", "printed-width")]
    [InlineData("abc123", "printed-width")]
    [InlineData("XYZ789", "width-body")]
    [InlineData("ｑｒｓ４５６", "width-body")]
    // traditional finds simplified and simplified finds traditional: title, body, tag, attachment
    [InlineData("會議紀要", "simplified-title")]
    [InlineData("競品分析", "simplified-title")]
    [InlineData("直播间转化", "simplified-body traditional-title")]
    [InlineData("直播間轉化", "simplified-body traditional-title")]
    [InlineData("复盘", "simplified-body traditional-title zero-width")]
    [InlineData("復盤", "simplified-body traditional-title zero-width")]
    [InlineData("平台数据", "traditional-title")]
    [InlineData("会员增长", "traditional-tag")]
    [InlineData("运营周报", "printed-traditional")]
    [InlineData("運營週報", "printed-traditional")]
    // format characters inside a word, in the text or in the query
    [InlineData("international", "soft-hyphens")]
    [InlineData("campaign members", "soft-hyphens")]
    [InlineData("inter\u00ADnational", "soft-hyphens")]
    [InlineData("直播复盘", "zero-width")]
    [InlineData("会员权益", "zero-width")]
    [InlineData("直播\u200B复盘", "zero-width")]
    [InlineData("\uFEFF会员\u200D权益", "zero-width")]
    [InlineData("意味著", "simplified-particles")]
    [InlineData("乾貨", "simplified-particles traditional-particles")]
    [InlineData("藉由", "simplified-particles")]
    [InlineData("随着", "traditional-particles")]
    [InlineData("借此", "traditional-particles")]
    [InlineData("著名", "simplified-famous")]
    [InlineData("顯著", "simplified-famous")]
    public void A_query_finds_the_text_whatever_form_either_was_written_in(string query, string expected)
    {
        Assert.Equal(expected.Split(' '), corpus.Host.Ids(query));
    }

    [Fact]
    public void The_title_marks_the_original_characters_of_a_traditional_match()
    {
        var hit = Assert.Single(corpus.Host.Search("复盘 平台").Hits, h => h.DocumentId == "traditional-title");

        Assert.Equal("直播間轉化<mark>復盤</mark>", hit.TitleHtml);
    }

    [Theory]
    [InlineData("平台数据", "traditional-title", "<mark>平台數據</mark>")]
    [InlineData("鱼群", "radical-body", "<mark>⻥群</mark>")]
    [InlineData("xyz789", "width-body", "<mark>ＸＹＺ７８９</mark>")]
    [InlineData("campaign", "soft-hyphens", "<mark>cam\u00ADpaign</mark>")]
    [InlineData("members", "soft-hyphens", "<mark>mem\u00ADbers</mark>")]
    [InlineData("会员权益", "zero-width", "<mark>会\u200C员\u2060权益</mark>")]
    [InlineData("直播复盘", "zero-width", "<mark>直播\u200B复盘</mark>")]
    public void The_snippet_marks_the_original_characters_of_a_match_in_another_form(string query, string id, string marked)
    {
        var hit = Assert.Single(corpus.Host.Search(query).Hits, h => h.DocumentId == id);

        Assert.Contains(marked, SnippetHighlighter.MergeAdjacentMarks(hit.SnippetHtml), StringComparison.Ordinal);
    }
}

using KnowledgeHub.Documents.Import;
using KnowledgeHub.Documents.Tests.Support;
using static KnowledgeHub.Documents.Tests.Import.WordBuilder;

namespace KnowledgeHub.Documents.Tests.Import;

public sealed class DocxConverterTests
{
    private static DocxMarkdown Convert(byte[] docx) => DocxConverter.Convert(docx, name => "/Documents/d1/Attachments/" + name);

    [Fact]
    public void Headings_by_their_style_names_lists_tables_emphasis_links_and_images_become_Markdown()
    {
        var docx = WordFiles.Create(w => w
            .Styled("a5", "2026 双十一复盘")
            .Heading(1, "目标与结果 Goals and results")
            .Paragraph(Run("GMV reached "), Run("1.68 亿", bold: true), Run(" against a "), Run("stretch", italic: true), Run(" goal."))
            .Heading(2, "做得好的 What went well")
            .Bullet("预售定金膨胀")
            .Bullet("Live streaming at 20:00")
            .Numbered("Freeze the release")
            .Numbered("Load-test the peak")
            .Table(["指标", "目标", "实际"], ["GMV", "1.5 亿", "1.68 亿"])
            .Link("the dashboard", "https://example.com/dash?x=1")
            .Image(SampleFiles.Png, "转化漏斗 funnel"));

        var result = Convert(docx);

        Assert.Equal("2026 双十一复盘", result.Title);
        Assert.DoesNotContain("2026 双十一复盘", result.Markdown);
        Assert.Contains("# 目标与结果 Goals and results\n", result.Markdown);
        Assert.Contains("## 做得好的 What went well\n", result.Markdown);
        Assert.Contains("GMV reached **1.68 亿** against a *stretch* goal.", result.Markdown);
        Assert.Contains("- 预售定金膨胀\n- Live streaming at 20:00\n", result.Markdown);
        Assert.Contains("1. Freeze the release\n1. Load-test the peak\n", result.Markdown);
        Assert.Contains("| 指标 | 目标 | 实际 |\n| --- | --- | --- |\n| GMV | 1.5 亿 | 1.68 亿 |", result.Markdown);
        Assert.Contains("[the dashboard](<https://example.com/dash?x=1>)", result.Markdown);
        Assert.Contains("![转化漏斗 funnel](</Documents/d1/Attachments/image-1.png>)", result.Markdown);
        var image = Assert.Single(result.Images);
        Assert.Equal(SampleFiles.Png, image.Content);
    }

    [Fact]
    public void The_documents_Title_property_wins_and_markup_characters_in_text_are_escaped()
    {
        var docx = WordFiles.Create(w => w.Heading(1, "Heading").Text("a *literal* star and <script> and [brackets]"), title: "Q3 retention report");

        var result = Convert(docx);

        Assert.Equal("Q3 retention report", result.Title);
        Assert.Contains(@"a \*literal\* star and \<script\> and \[brackets\]", result.Markdown);
    }

    [Fact]
    public void A_link_to_a_script_URL_keeps_only_its_text()
    {
        var docx = WordFiles.Create(w => w.Link("click me", "javascript:alert(1)"));

        var result = Convert(docx);

        Assert.Contains("click me", result.Markdown);
        Assert.DoesNotContain("javascript", result.Markdown);
    }

    [Fact]
    public void A_damaged_Word_file_is_refused_with_a_sentence()
    {
        var e = Assert.Throws<FormatException>(() => Convert([.. SampleFiles.Docx("x").Take(300)]));

        Assert.Contains("cannot be read", e.Message);
    }
}

using Microsoft.Net.Http.Headers;

namespace KnowledgeHub.Documents.Tests;

public sealed class ContentDispositionTests
{
    [Theory]
    [InlineData("report.pdf", "attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf")]
    [InlineData("复盘.pdf", "attachment; filename=\"download.pdf\"; filename*=UTF-8''%E5%A4%8D%E7%9B%98.pdf")]
    [InlineData("2026 年 618 复盘.docx", "attachment; filename=\"2026 _ 618 _.docx\"; filename*=UTF-8''2026%20%E5%B9%B4%20618%20%E5%A4%8D%E7%9B%98.docx")]
    [InlineData("a\"b\\c%d.txt", "attachment; filename=\"a_bc_d.txt\"; filename*=UTF-8''a%22bc%25d.txt")]
    [InlineData("x\r\nSet-Cookie: y.txt", "attachment; filename=\"xSet-Cookie: y.txt\"; filename*=UTF-8''xSet-Cookie%3A%20y.txt")]
    public void Attachment_names_get_an_ascii_fallback_and_an_exact_utf8_filename_star(string name, string expected)
    {
        Assert.Equal(expected, ContentDispositionHeader.ForAttachment(name));
    }

    [Theory]
    [InlineData("2026 年 618 大促复盘（终版）.pdf")]
    [InlineData("周报 W47 — 增长组.xlsx")]
    [InlineData("plain.md")]
    public void A_standard_parser_reads_back_the_exact_Chinese_name(string name)
    {
        var parsed = ContentDispositionHeaderValue.Parse(ContentDispositionHeader.ForAttachment(name));

        Assert.Equal("attachment", parsed.DispositionType.ToString());
        Assert.Equal(name, parsed.FileNameStar.ToString());
        Assert.True(parsed.FileName.ToString().All(c => c < 128));
    }

    [Fact]
    public void Inline_preview_uses_the_inline_disposition()
    {
        Assert.StartsWith("inline; filename=\"chart.png\"", ContentDispositionHeader.ForInline("chart.png"));
    }
}

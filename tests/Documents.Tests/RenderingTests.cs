using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Documents.Tests;

public sealed class RenderingTests
{
    private static readonly MarkdownRenderer Renderer = new();

    [Theory]
    [InlineData("## 经验教训", "经验教训")]
    [InlineData("## 经验教训 Lessons learned", "经验教训-lessons-learned")]
    [InlineData("# 2026 年 618 大促复盘", "2026-年-618-大促复盘")]
    [InlineData("## Goals and results", "goals-and-results")]
    [InlineData("### 竞品：A 公司", "竞品a-公司")]
    public void Headings_keep_an_id_even_in_chinese_and_it_is_stable(string markdown, string id)
    {
        var first = HtmlSafety.Parse(Renderer.ToHtml(markdown)).QuerySelector("h1, h2, h3");
        var second = HtmlSafety.Parse(Renderer.ToHtml(markdown)).QuerySelector("h1, h2, h3");

        Assert.Equal(id, first!.Id);
        Assert.Equal(first.Id, second!.Id);
    }

    [Fact]
    public void A_task_list_renders_disabled_checkboxes_with_their_state_named_for_screen_readers()
    {
        var html = Renderer.ToHtml("- [ ] 优化注册流程 @alice due:2026-12-05\n- [x] 发布复盘\n");
        var boxes = HtmlSafety.Parse(html).QuerySelectorAll("li.task-list-item input[type=checkbox]");

        Assert.Equal(2, boxes.Length);
        Assert.All(boxes, box => Assert.True(box.HasAttribute("disabled")));
        Assert.False(boxes[0].HasAttribute("checked"));
        Assert.True(boxes[1].HasAttribute("checked"));
        Assert.Equal(["未完成 Open", "已完成 Done"], boxes.Select(b => b.GetAttribute("aria-label")));
        Assert.Contains("优化注册流程", html);
    }

    [Fact]
    public void A_table_renders_with_headers_cells_and_alignment()
    {
        var document = HtmlSafety.Parse(Renderer.ToHtml("| 指标 | 值 |\n|:--|--:|\n| GMV | 112% |\n"));

        Assert.Equal(["指标", "值"], document.QuerySelectorAll("table thead th").Select(th => th.TextContent));
        Assert.Equal(["GMV", "112%"], document.QuerySelectorAll("table tbody td").Select(td => td.TextContent));
        Assert.Equal("text-align: right", document.QuerySelectorAll("td")[1].GetAttribute("style"));
    }

    [Fact]
    public void Fenced_code_keeps_its_language_class()
    {
        var code = HtmlSafety.Parse(Renderer.ToHtml("```sql\nselect 1;\n```\n")).QuerySelector("pre code");

        Assert.Equal("language-sql", code!.GetAttribute("class"));
        Assert.Equal("select 1;\n", code.TextContent);
    }

    [Fact]
    public void Harmless_raw_html_is_kept_and_template_guidance_comments_vanish()
    {
        var markdown = "## 目标与结果\n\n<!-- 列出最初的目标（KPI）和实际结果 -->\n\n<b>达成</b> 109%<br>超额 <!-- inline note -->\n";

        var html = Renderer.ToHtml(markdown);
        var document = HtmlSafety.Parse(html);

        Assert.Equal("达成", document.QuerySelector("b")!.TextContent);
        Assert.NotNull(document.QuerySelector("br"));
        Assert.DoesNotContain("KPI", html);
        Assert.DoesNotContain("inline note", html);
        Assert.Equal("目标与结果\n达成 109% 超额", Renderer.ToPlainText(markdown));
    }

    [Theory]
    [InlineData("# 标题\n\n段落 **加粗** 和 [链接](https://example.com) 与 `code`。", "标题\n段落 加粗 和 链接 与 code。")]
    [InlineData("- 一\n- 二\n  - 三\n", "一\n二\n三")]
    [InlineData("- [ ] 任务 @alice due:2026-12-05", "任务 @alice due:2026-12-05")]
    [InlineData("| 指标 | 值 |\n|---|---|\n| GMV | 112% |", "指标 值\nGMV 112%")]
    [InlineData("> 引用的话\n\n---\n\n尾", "引用的话\n尾")]
    [InlineData("```\nselect 1;\n```", "select 1;")]
    [InlineData("line one  \nline two", "line one line two")]
    [InlineData("AT&amp;T", "AT&T")]
    public void Plain_text_is_what_a_reader_sees_without_syntax(string markdown, string text)
    {
        Assert.Equal(text, Renderer.ToPlainText(markdown));
    }

    [Fact]
    public void The_renderer_can_be_shared_across_threads()
    {
        var markdowns = Enumerable.Range(0, 200).Select(i => $"## 标题 {i}\n\n[x](javascript:alert({i}))\n- [ ] 任务 {i}\n").ToList();

        var results = markdowns.AsParallel().Select(Renderer.ToHtml).ToList();

        Assert.All(results, HtmlSafety.AssertSafe);
        Assert.All(results.Select((html, i) => (html, i)), r => Assert.Contains($"id=\"标题-{r.i}\"", r.html));
    }
}

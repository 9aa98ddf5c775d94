namespace KnowledgeHub.Documents.Tests;

/// <summary>The plain text indexed and shown in snippets: what the reader sees, with word boundaries where the source has them.</summary>
public sealed class MarkdownPlainTextTests
{
    private readonly MarkdownRenderer markdown = new();

    [Theory]
    [InlineData("call ::html::init first", "call ::html::init first")]
    [InlineData("*[KPI]: Key Performance Indicator\n\nthe KPI rose", "the KPI rose")]
    [InlineData("see[^1]next\n\n[^1]: the note", "see next\nthe note")]
    [InlineData("a $x+y$ b", "a x+y b")]
    [InlineData("![chart](c.png)caption", "chart caption")]
    [InlineData("<div>\n<p>inside</p>\n</div>", "inside")]
    [InlineData("<script>\nvar secret = 1;\n</script>\n\nafter", "after")]
    [InlineData("<!-- fill in the goals -->\n\n## 目标\n\n提升留存", "目标\n提升留存")]
    [InlineData("| a | b |\n|---|---|\n| c | d |", "a b\nc d")]
    public void Plain_text_keeps_the_words_the_reader_sees_apart(string source, string expected)
    {
        Assert.Equal(expected, markdown.ToPlainText(source));
    }
}

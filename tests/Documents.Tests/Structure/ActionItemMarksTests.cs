namespace KnowledgeHub.Documents.Tests.Structure;

/// <summary>Ticking the n-th action item changes that one box and nothing else, counting items as the structure parse does.</summary>
public sealed class ActionItemMarksTests
{
    [Theory]
    [InlineData("- [ ] one\n- [ ] two\n", 2, "- [ ] one\n- [x] two\n")]
    [InlineData("- [ ] one\n- [ ] two\n", 1, "- [x] one\n- [ ] two\n")]
    [InlineData("* [ ] star @bob due:2026-01-02\n", 1, "* [x] star @bob due:2026-01-02\n")]
    [InlineData("1. [ ] numbered\n", 1, "1. [x] numbered\n")]
    [InlineData("- plain item\n- [ ] task\n", 1, "- plain item\n- [x] task\n")]
    [InlineData("```\n- [ ] in code\n```\n- [ ] real\n", 1, "```\n- [ ] in code\n```\n- [x] real\n")]
    [InlineData("> - [ ] quoted\n", 1, "> - [x] quoted\n")]
    [InlineData("- [ ] outer\n  - [ ] inner\n", 2, "- [ ] outer\n  - [x] inner\n")]
    [InlineData("# 行动项\r\n\r\n- [ ] 中文任务 @alice\r\n", 1, "# 行动项\r\n\r\n- [x] 中文任务 @alice\r\n")]
    public void The_numbered_item_is_ticked_in_place(string markdown, int index, string expected) =>
        Assert.Equal(expected, ActionItemMarks.MarkDone(markdown, index));

    [Fact]
    public void The_numbers_are_those_of_the_structure_parse()
    {
        const string markdown = "- [ ] a\n- text\n  - [X] b\n> - [ ] c\n\n| t |\n|---|\n| - [ ] not a task |\n\n- [ ] d\n";
        var items = MarkdownStructure.Parse(markdown).ActionItems;

        for (var i = 1; i <= items.Count; i++)
        {
            var ticked = ActionItemMarks.MarkDone(markdown, i)!;
            Assert.True(MarkdownStructure.Parse(ticked).ActionItems[i - 1].Done, $"item {i} ({items[i - 1].Text}) was not ticked");
            Assert.Equal(items.Count, MarkdownStructure.Parse(ticked).ActionItems.Count);
        }
    }

    [Fact]
    public void An_item_already_done_comes_back_unchanged_and_the_same_string()
    {
        const string markdown = "- [x] done\n";
        Assert.Same(markdown, ActionItemMarks.MarkDone(markdown, 1));
    }

    [Theory]
    [InlineData("- [ ] one\n", 0)]
    [InlineData("- [ ] one\n", 2)]
    [InlineData("no tasks here\n", 1)]
    [InlineData("", 1)]
    public void No_such_item_is_null(string markdown, int index) => Assert.Null(ActionItemMarks.MarkDone(markdown, index));
}

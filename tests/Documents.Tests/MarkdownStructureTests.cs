namespace KnowledgeHub.Documents.Tests;

public sealed class MarkdownStructureTests
{
    public static TheoryData<string, string, string?, string?, bool> ActionItems => new()
    {
        { "- [ ] 优化注册流程 @alice due:2026-12-05", "优化注册流程", "alice", "2026-12-05", false },
        { "- [x] 发布复盘报告 @bob", "发布复盘报告", "bob", null, true },
        { "- [X] Ship the survey due:2026-01-31", "Ship the survey", null, "2026-01-31", true },
        { "- [ ] 没有负责人也没有日期", "没有负责人也没有日期", null, null, false },
        { "- [ ] @carol 先写负责人 due:2026-02-28 再写说明", "先写负责人 再写说明", "carol", "2026-02-28", false },
        { "- [ ] 联系 @王丽 确认预算", "联系 确认预算", "王丽", null, false },
        { "- [ ] 日期不对 due:2026-13-45", "日期不对 due:2026-13-45", null, null, false },
        { "- [ ] 邮件 ops@example.com 不是负责人", "邮件 ops@example.com 不是负责人", null, null, false },
        { "* [ ] **加粗** 的任务 @alice.wang", "加粗 的任务", "alice.wang", null, false },
        { "1. [ ] 有序列表任务 @dave due:2026-12-01", "有序列表任务", "dave", "2026-12-01", false },
    };

    [Theory]
    [MemberData(nameof(ActionItems))]
    public void Action_items_are_read_with_owner_due_date_and_state(string markdown, string text, string? owner, string? due, bool done)
    {
        var item = Assert.Single(MarkdownStructure.Parse(markdown).ActionItems);

        Assert.Equal(new ActionItem(text, owner, due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), done), item);
    }

    [Fact]
    public void Plain_list_items_are_not_action_items()
    {
        Assert.Empty(MarkdownStructure.Parse("- 普通条目 @alice due:2026-12-05\n- [link](x)\n").ActionItems);
    }

    [Fact]
    public void Action_items_are_found_anywhere_including_nested_lists_and_quotes()
    {
        var markdown = "## 行动项\n\n- 第一组\n  - [ ] 嵌套任务 @bob\n\n> - [x] 引用里的任务\n";

        var items = MarkdownStructure.Parse(markdown).ActionItems;

        Assert.Equal(["嵌套任务", "引用里的任务"], items.Select(i => i.Text));
    }

    [Theory]
    [InlineData("## 经验教训\n\n- 预热期太短\n- 客服排班不足\n", new[] { "预热期太短", "客服排班不足" })]
    [InlineData("## Lessons learned\n\n- Start earlier\n- Staff support\n", new[] { "Start earlier", "Staff support" })]
    [InlineData("## Lessons\n\n1. One\n2. Two\n", new[] { "One", "Two" })]
    [InlineData("## 教训\n\n- 只有一条\n", new[] { "只有一条" })]
    [InlineData("## 经验教训 Lessons learned\n\n- 双语标题\n\n## 下一步\n\n- 不是教训\n", new[] { "双语标题" })]
    [InlineData("## 经验教训\n\n### 做得好的\n\n- 提前备货\n\n### 待改进\n\n- 预热太短\n  - 原因：排期晚\n\n## 附录\n\n- 不算\n", new[] { "提前备货", "预热太短 原因：排期晚" })]
    [InlineData("## 目标与结果\n\n- 不是教训\n", new string[0])]
    [InlineData("- 没有标题的列表\n", new string[0])]
    public void Lessons_are_the_list_items_under_a_lessons_heading(string markdown, string[] lessons)
    {
        Assert.Equal(lessons, MarkdownStructure.Parse(markdown).Lessons.Select(l => l.Text));
    }

    [Fact]
    public void Sections_have_title_level_and_the_plain_text_under_them()
    {
        var markdown = "# 618 复盘\n\n导语\n\n## 目标与结果 Goals\n\nGMV **112%**\n\n### 细节\n\n| 指标 | 值 |\n|---|---|\n| UV | 3万 |\n\n## 经验教训\n\n- 预热期太短\n";

        var sections = MarkdownStructure.Parse(markdown).Sections;

        Assert.Equal(
            [("618 复盘", 1), ("目标与结果 Goals", 2), ("细节", 3), ("经验教训", 2)],
            sections.Select(s => (s.Title, s.Level)));
        Assert.Equal("GMV 112%\n细节\n指标 值\nUV 3万", sections[1].Text);
        Assert.Equal("指标 值\nUV 3万", sections[2].Text);
        Assert.Equal("预热期太短", sections[3].Text);
    }

    [Fact]
    public void An_empty_section_has_empty_text()
    {
        var sections = MarkdownStructure.Parse("## 目标与结果\n\n## 经验教训\n\n- x\n").Sections;

        Assert.Equal("", sections[0].Text);
    }
}

using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Documents.Tests;

/// <summary>Conformance against the repository's own retrospective template (content/templates/retrospective.md).</summary>
public sealed class ConformanceTests
{
    private static readonly DocumentTemplate Retro = TemplateParser.Parse("retrospective", WorkflowHost.TemplateText("retrospective"));

    private static readonly Dictionary<string, string> Fields = new() { ["project"] = "618 大促", ["period"] = "2026-06-01 ~ 2026-06-20" };

    public static TheoryData<string, string, string[]> Sections => new()
    {
        { "a conforming retrospective", WorkflowHost.ConformingRetro, [] },
        { "a section left out", Without("## 根本原因 Root causes", "压测没有覆盖整点场景。"), ["Missing section: 根本原因 Root causes"] },
        { "a section with only the template's HTML comment", Replace("压测没有覆盖整点场景。", "<!-- 对每个主要问题追问“为什么”。Ask why. -->"), ["Empty section: 根本原因 Root causes"] },
        { "a section with only whitespace before the next heading", Replace("压测没有覆盖整点场景。", "   \n\n"), ["Empty section: 根本原因 Root causes"] },
        { "the template's placeholder uncommented", Replace("- [ ] 整点压测纳入上线检查单 @bob due:2026-07-15", "- [ ] 行动 @owner due:YYYY-MM-DD"), ["Empty section: 行动项 Action items"] },
        { "English titles only", English(), [] },
        { "Chinese headings only", Chinese(), [] },
        { "a second alias and another heading level", Replace("## 目标与结果 Goals and results", "### 目标与实际"), [] },
        { "case and spacing ignored", Replace("## 根本原因 Root causes", "##   ROOT   causes  "), [] },
        { "names joined by full-width brackets", Replace("## 经验教训 Lessons", "## Lessons（经验教训）"), [] },
        { "a heading that only starts with a name", Replace("## 经验教训 Lessons", "## Lessons from Q3"), ["Missing section: 经验教训 Lessons"] },
        { "a subsection keeps its parent non-empty", Replace("压测没有覆盖整点场景。", "### 支付\n\n压测没有覆盖整点场景。"), [] },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Each_missing_or_empty_required_section_is_named(string because, string markdown, string[] expected)
    {
        var report = TemplateConformance.Check(Retro, "2026 年 618 大促复盘", Fields, markdown);

        Assert.True(expected.SequenceEqual(report.Problems.Select(p => p.Message)), $"{because}: got [{string.Join("; ", report.Problems.Select(p => p.Message))}]");
        Assert.Equal(expected.Length == 0, report.Conforms);
    }

    [Fact]
    public void The_untouched_template_names_every_required_section_as_empty()
    {
        var report = TemplateConformance.Check(Retro, "新复盘", Fields, Retro.Markdown);

        Assert.Equal(
            ["Empty section: 目标与结果 Goals and results", "Empty section: 做得好的 What went well", "Empty section: 做得不好的 What went badly",
             "Empty section: 根本原因 Root causes", "Empty section: 经验教训 Lessons", "Empty section: 行动项 Action items"],
            report.Problems.Select(p => p.Message));
        Assert.All(report.Problems, p => Assert.Equal(ConformanceProblemKind.EmptySection, p.Kind));
    }

    [Theory]
    [InlineData(null, "2026-06-01 ~ 2026-06-20", "Missing field: 项目 Project")]
    [InlineData("   ", "2026-06-01 ~ 2026-06-20", "Missing field: 项目 Project")]
    [InlineData("618 大促", null, "Missing field: 周期 Period")]
    public void Each_missing_field_is_named_by_its_label(string? project, string? period, string expected)
    {
        var metadata = new Dictionary<string, string>();
        if (project is not null)
        {
            metadata["project"] = project;
        }

        if (period is not null)
        {
            metadata["period"] = period;
        }

        var problem = Assert.Single(TemplateConformance.Check(Retro, "复盘", metadata, WorkflowHost.ConformingRetro).Problems);

        Assert.Equal(expected, problem.Message);
        Assert.Equal(ConformanceProblemKind.MissingField, problem.Kind);
    }

    [Fact]
    public void A_field_key_matches_regardless_of_case_and_a_missing_title_is_named()
    {
        var metadata = new Dictionary<string, string> { ["Project"] = "618", ["PERIOD"] = "6 月" };

        var report = TemplateConformance.Check(Retro, "  ", metadata, WorkflowHost.ConformingRetro);

        Assert.Equal(["A title is required."], report.Problems.Select(p => p.Message));
        Assert.Equal(ConformanceProblemKind.MissingTitle, report.Problems[0].Kind);
    }

    [Fact]
    public void Every_template_in_content_is_not_satisfied_by_its_own_untouched_body()
    {
        foreach (var key in new[] { "weekly-report", "data-report", "campaign-plan", "meeting-minutes", "retrospective", "competitor-analysis", "user-research", "sop" })
        {
            var template = TemplateParser.Parse(key, WorkflowHost.TemplateText(key));
            var report = TemplateConformance.Check(template, "t", new Dictionary<string, string>(), template.Markdown);

            Assert.Equal(template.RequiredFields.Count + template.RequiredSections.Count, report.Problems.Count);
            Assert.DoesNotContain(report.Problems, p => p.Kind == ConformanceProblemKind.MissingSection);
        }
    }

    private static string Replace(string oldText, string newText)
    {
        Assert.Contains(oldText, WorkflowHost.ConformingRetro);
        return WorkflowHost.ConformingRetro.Replace(oldText, newText);
    }

    private static string Without(string heading, string body) => Replace(heading + "\n\n" + body + "\n", "");

    private static string English() => WorkflowHost.ConformingRetro
        .Replace("## 目标与结果 ", "## ").Replace("## 做得好的 ", "## ").Replace("## 做得不好的 ", "## ")
        .Replace("## 根本原因 ", "## ").Replace("## 经验教训 ", "## ").Replace("## 行动项 ", "## ");

    private static string Chinese() => WorkflowHost.ConformingRetro
        .Replace(" Goals and results", "").Replace(" What went well", "").Replace(" What went badly", "")
        .Replace(" Root causes", "").Replace(" Lessons", "").Replace(" Action items", "");
}

using System.Text;
using KnowledgeHub.Documents.Tests.Support;
using KnowledgeHub.Storage;

namespace KnowledgeHub.Documents.Tests;

public sealed class TemplateTests : IDisposable
{
    private readonly TestStore store = new();

    public void Dispose() => store.Dispose();

    [Fact]
    public void A_template_file_parses_into_fields_sections_and_body()
    {
        var template = TemplateParser.Parse("retrospective", ContentFolder.RetrospectiveTemplate);

        Assert.Equal("retrospective", template.Key);
        Assert.Equal("Retrospective", template.Name);
        Assert.Equal("复盘", template.NameZh);
        Assert.Equal("活动或项目结束后的复盘", template.Description);
        Assert.Equal("Retrospectives", template.DefaultCollection);
        Assert.Equal(Confidentiality.Internal, template.DefaultConfidentiality);
        Assert.Equal([new TemplateField("project", "项目 Project"), new TemplateField("period", "周期 Period")], template.RequiredFields);
        Assert.Equal(["Goals and results", "Lessons learned"], template.RequiredSections.Select(s => s.Title));
        Assert.Equal(["目标与结果", "目标与实际"], template.RequiredSections[0].Aliases);
        Assert.StartsWith("# {title}\n\n## 目标与结果 Goals and results", template.Markdown);
    }

    [Theory]
    [InlineData("---\nname_zh: 没有英文名\n---\n", "name")]
    [InlineData("---\nname: X\nconfidentiality: Secret\n---\n", "Secret")]
    [InlineData("---\nname: X\nfields: [plain]\n---\n", "fields")]
    [InlineData("---\nname: X\nsections:\n  - aliases: [无标题]\n---\n", "title")]
    public void A_malformed_template_is_a_format_error_naming_the_problem(string text, string named)
    {
        var e = Assert.Throws<FormatException>(() => TemplateParser.Parse("broken", text));

        Assert.Contains(named, e.Message);
    }

    [Fact]
    public async Task The_catalog_lists_stored_templates_leaves_out_broken_ones_and_refreshes_on_invalidate()
    {
        await Put("retrospective", ContentFolder.RetrospectiveTemplate);
        await Put("broken", "---\nfields: nope\n---\n");
        var catalog = new TemplateCatalog(store.Blobs, store.Clock);

        Assert.Equal(["retrospective"], (await catalog.ListAsync(CancellationToken.None)).Select(t => t.Key));
        Assert.Equal("复盘", (await catalog.GetAsync("retrospective", CancellationToken.None))!.NameZh);
        Assert.Null(await catalog.GetAsync("weekly-report", CancellationToken.None));

        await Put("weekly-report", "---\nname: Weekly report\nname_zh: 周报\n---\n## 本周进展\n");
        Assert.Null(await catalog.GetAsync("weekly-report", CancellationToken.None));
        catalog.Invalidate();
        Assert.Equal("周报", (await catalog.GetAsync("weekly-report", CancellationToken.None))!.NameZh);
    }

    [Fact]
    public async Task The_catalog_cache_expires_after_its_duration()
    {
        var catalog = new TemplateCatalog(store.Blobs, store.Clock);
        Assert.Empty(await catalog.ListAsync(CancellationToken.None));

        await Put("sop", "---\nname: SOP\n---\n");
        Assert.Empty(await catalog.ListAsync(CancellationToken.None));
        store.Clock.Advance(TemplateCatalog.CacheDuration + TimeSpan.FromSeconds(1));

        Assert.Equal(["sop"], (await catalog.ListAsync(CancellationToken.None)).Select(t => t.Key));
    }

    private Task Put(string key, string text) =>
        store.Blobs.WriteAsync($"templates/{key}.md", Encoding.UTF8.GetBytes(text), WriteCondition.None, CancellationToken.None);
}

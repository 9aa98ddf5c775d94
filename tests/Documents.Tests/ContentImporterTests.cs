using KnowledgeHub.Documents.Tests.Support;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Documents.Tests;

public sealed class ContentImporterTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly ContentFolder content = new();
    private readonly ListLogger<ContentImporter> log = new();
    private readonly TemplateCatalog catalog;
    private readonly ContentImporter importer;

    public ContentImporterTests()
    {
        catalog = new TemplateCatalog(store.Blobs, store.Clock);
        importer = new ContentImporter(store.Blobs, store.Repository, catalog, log);
    }

    public void Dispose()
    {
        store.Dispose();
        content.Dispose();
    }

    [Fact]
    public async Task Samples_and_templates_are_imported_into_an_empty_store_once()
    {
        content.Template("retrospective", ContentFolder.RetrospectiveTemplate)
            .Sample("retro-2026-618-campaign.md", ContentFolder.SampleText("retro-2026-618-campaign"))
            .Sample("retro-2026-double-11.md", ContentFolder.SampleText("retro-2026-double-11"));

        var first = await importer.ImportIfEmptyAsync(content.Root, CancellationToken.None);
        var second = await importer.ImportIfEmptyAsync(content.Root, CancellationToken.None);

        Assert.Equal(2, first);
        Assert.Equal(0, second);
        Assert.Equal(["retrospective"], (await catalog.ListAsync(CancellationToken.None)).Select(t => t.Key));
        Assert.Equal(2, (await store.BlobNamesAsync("docs/")).Count(n => n.EndsWith("manifest.json", StringComparison.Ordinal)));
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("Imported 2 sample documents", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sample_keeps_its_id_owner_dates_status_access_and_fields()
    {
        content.Sample("retro-2026-618-campaign.md", ContentFolder.SampleText("retro-2026-618-campaign", "competitor: [A 公司, B 公司]"));

        await importer.ImportIfEmptyAsync(content.Root, CancellationToken.None);

        var manifest = await store.Repository.GetManifestAsync("retro-2026-618-campaign", CancellationToken.None);
        Assert.NotNull(manifest);
        Assert.Equal("retrospective", manifest.Type);
        Assert.Equal("2026 年 618 大促复盘 retro-2026-618-campaign", manifest.Title);
        Assert.Equal("user:a11ce000-0000-4000-8000-000000000001", manifest.Owner);
        Assert.Equal("王丽 Alice Wang", manifest.OwnerName);
        Assert.Equal(new DateTimeOffset(2026, 6, 25, 0, 0, 0, TimeSpan.Zero), manifest.CreatedUtc);
        Assert.Equal(DocumentStatus.Published, manifest.Status);
        Assert.Equal(Confidentiality.Confidential, manifest.Confidentiality);
        Assert.Equal(["group:2e5ea2c4-0000-4000-8000-00000000a002"], manifest.Readers);
        Assert.Empty(manifest.Editors);
        Assert.Equal(["618", "大促", "campaign"], manifest.Tags);
        Assert.Equal("Retrospectives", manifest.Collection);

        var version = await store.Repository.GetVersionAsync(manifest.Id, 1, CancellationToken.None);
        Assert.Equal(
            new Dictionary<string, string> { ["project"] = "618 大促", ["period"] = "2026-06-01 ~ 2026-06-20", ["competitor"] = "A 公司, B 公司" },
            version!.Metadata);
        Assert.StartsWith("## 经验教训 Lessons learned", version.Markdown);
    }

    [Theory]
    [InlineData("broken-yaml.md", "---\nid: [unclosed\n---\n")]
    [InlineData("no-id.md", "---\ntype: sop\ntitle: 无 id\nowner: user:x\n---\n")]
    [InlineData("bad-id.md", "---\nid: Bad_Id\ntype: sop\ntitle: t\nowner: user:x\n---\n")]
    [InlineData("bad-status.md", "---\nid: bad-status\ntype: sop\ntitle: t\nowner: user:x\nstatus: Done\n---\n")]
    [InlineData("bad-date.md", "---\nid: bad-date\ntype: sop\ntitle: t\nowner: user:x\ncreated: yesterday\n---\n")]
    [InlineData("no-title.md", "---\nid: no-title\ntype: sop\nowner: user:x\n---\n")]
    [InlineData("reserved-key.md", "---\nid: reserved-key\ntype: sop\ntitle: t\nowner: user:x\nauthor: someone\n---\n")]
    public async Task A_malformed_sample_is_skipped_with_a_warning_naming_the_file(string fileName, string text)
    {
        content.Sample("good-one.md", ContentFolder.SampleText("good-one")).Sample(fileName, text);

        var imported = await importer.ImportIfEmptyAsync(content.Root, CancellationToken.None);

        Assert.Equal(1, imported);
        Assert.NotNull(await store.Repository.GetManifestAsync("good-one", CancellationToken.None));
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(fileName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Templates_already_stored_are_kept_and_new_ones_added_even_when_documents_exist()
    {
        content.Template("retrospective", ContentFolder.RetrospectiveTemplate).Sample("a-doc.md", ContentFolder.SampleText("a-doc"));
        await importer.ImportIfEmptyAsync(content.Root, CancellationToken.None);
        await catalog.ListAsync(CancellationToken.None);

        content.Template("retrospective", ContentFolder.RetrospectiveTemplate.Replace("name_zh: 复盘", "name_zh: 改过的"))
            .Template("sop", "---\nname: SOP\nname_zh: 标准作业程序\n---\n");
        var imported = await importer.ImportIfEmptyAsync(content.Root, CancellationToken.None);

        Assert.Equal(0, imported);
        Assert.Equal("复盘", (await catalog.GetAsync("retrospective", CancellationToken.None))!.NameZh);
        Assert.Equal("标准作业程序", (await catalog.GetAsync("sop", CancellationToken.None))!.NameZh);
    }

    [Fact]
    public async Task A_missing_content_folder_imports_nothing_and_says_so()
    {
        var imported = await importer.ImportIfEmptyAsync(Path.Combine(content.Root, "nope"), CancellationToken.None);

        Assert.Equal(0, imported);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("nope", StringComparison.Ordinal));
    }
}

using System.Text;
using KnowledgeHub.Documents.Import;
using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Documents.Tests.Import;

public sealed class BulkImporterTests : IAsyncLifetime
{
    private readonly ImportFolder folder = new();
    private ImportHost host = null!;

    public async Task InitializeAsync() => host = await new ImportHost().WithTemplatesAsync();

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        folder.Dispose();
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private const string FrontMatterRetro = """
        ---
        type: retrospective
        title: 618 大促复盘
        collection: Retrospectives
        tags: [618, 大促]
        confidentiality: Confidential
        readers: [group:2e5ea2c4-0000-4000-8000-00000000a002]
        editors: [user:b0b00000-0000-4000-8000-000000000002]
        project: 618
        period: 2026-06
        status: Published
        ---
        """;

    [Fact]
    public async Task Front_matter_fields_become_the_documents_fields_and_folder_names_become_tags()
    {
        folder.Add("活动/2026/retro.md", FrontMatterRetro + "\n" + WorkflowHost.ConformingRetro);

        var report = await host.ImportAsync(folder.Root, new ImportDefaults { Tags = ["imported"] }, People.Alice);

        var item = Assert.Single(report.Items);
        Assert.Equal(ImportOutcome.Imported, item.Outcome);
        Assert.Empty(item.Problems);
        var manifest = await host.Repository.GetManifestAsync(item.DocumentId!, CancellationToken.None);
        Assert.NotNull(manifest);
        Assert.Equal(("retrospective", "618 大促复盘", "Retrospectives"), (manifest.Type, manifest.Title, manifest.Collection));
        Assert.Equal(["618", "大促", "活动", "2026", "imported"], manifest.Tags);
        Assert.Equal(Confidentiality.Confidential, manifest.Confidentiality);
        Assert.Equal(["group:2e5ea2c4-0000-4000-8000-00000000a002"], manifest.Readers);
        Assert.Equal(["user:b0b00000-0000-4000-8000-000000000002"], manifest.Editors);
        Assert.Equal(DocumentStatus.Draft, manifest.Status);
        Assert.Equal(People.Alice.Principal, manifest.Owner);
        var version = await host.Repository.GetVersionAsync(manifest.Id, 1, CancellationToken.None);
        Assert.Equal("618", version!.Metadata["project"]);
        Assert.False(version.Metadata.ContainsKey("status"));
        Assert.StartsWith("## 目标与结果", version.Markdown);
    }

    [Fact]
    public async Task Without_a_type_the_type_is_guessed_from_the_headings_and_the_batch_defaults_apply()
    {
        folder.Add("notes.md", "# 双十一复盘\n\n" + WorkflowHost.ConformingRetro);

        var report = await host.ImportAsync(folder.Root, new ImportDefaults { Collection = "Campaigns", Confidentiality = Confidentiality.Restricted, Readers = ["group:g1"] }, People.Alice);

        var item = Assert.Single(report.Items);
        Assert.Equal(("retrospective", true, "双十一复盘"), (item.Type, item.TypeGuessed, item.Title));
        var manifest = (await host.DocumentsAsync()).Single();
        Assert.Equal(("Campaigns", Confidentiality.Restricted), (manifest.Collection, manifest.Confidentiality));
        Assert.Equal(["group:g1"], manifest.Readers);
    }

    [Fact]
    public async Task A_dry_run_lists_what_each_file_would_become_and_what_does_not_conform_and_writes_nothing()
    {
        folder.Add("good.md", "# Good\n\n" + WorkflowHost.ConformingRetro)
            .Add("thin.md", "---\ntype: retrospective\n---\n# Thin\n\n## 目标与结果 Goals and results\n\n## 经验教训 Lessons\n\n- one\n")
            .Add("unknown.md", "no headings at all");
        var before = await host.Store.BlobNamesAsync();

        var report = await host.ImportAsync(folder.Root, new ImportDefaults { DryRun = true }, People.Alice);

        Assert.True(report.DryRun);
        Assert.Equal([ImportOutcome.WouldImport, ImportOutcome.WouldImport, ImportOutcome.Failed], report.Items.Select(i => i.Outcome));
        Assert.Contains(report.Items[1].Problems, p => p.Contains("Goals and results", StringComparison.Ordinal));
        Assert.Contains(report.Items[1].Problems, p => p.Contains("What went well", StringComparison.Ordinal));
        Assert.Contains("choose a type", report.Items[2].Message);
        Assert.Empty(await host.DocumentsAsync());
        Assert.Equal(before.Where(n => !n.StartsWith("audit/", StringComparison.Ordinal)), (await host.Store.BlobNamesAsync()).Where(n => !n.StartsWith("audit/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Running_a_batch_again_skips_every_file_already_imported()
    {
        folder.Add("a.md", "# A\n\n" + WorkflowHost.ConformingRetro).Add("b.md", "# B\n\n" + WorkflowHost.ConformingRetro + "\nmore");
        var first = await host.ImportAsync(folder.Root, new ImportDefaults(), People.Alice);
        folder.Add("c.md", "# C\n\n" + WorkflowHost.ConformingRetro + "\nthird");

        var second = await host.ImportAsync(folder.Root, new ImportDefaults(), People.Alice);

        Assert.Equal(2, first.Count(ImportOutcome.Imported));
        Assert.Equal([ImportOutcome.Skipped, ImportOutcome.Skipped, ImportOutcome.Imported], second.Items.Select(i => i.Outcome));
        Assert.Equal(first.Items[0].DocumentId, second.Items[0].DocumentId);
        Assert.Equal(3, (await host.DocumentsAsync()).Count);
    }

    [Fact]
    public async Task One_bad_file_is_reported_and_the_rest_of_the_batch_is_imported()
    {
        folder.Add("1.md", "# One\n\n" + WorkflowHost.ConformingRetro)
            .Add("2-not-utf8.md", [0xC3, 0x28, 0xFF, 0xFE])
            .Add("3-bad-front-matter.md", "---\ntitle: [unclosed\n---\nbody")
            .Add("4-encrypted.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R /Encrypt 2 0 R >>\n%%EOF"))
            .Add("5-fake.docx", Encoding.ASCII.GetBytes("MZ this is not a word file"))
            .Add("6.pdf", SampleFiles.Pdf("A readable PDF"))
            .Add("7.xlsx", SampleFiles.Xlsx("a sheet"))
            .Add("8.md", "# Eight\n\n" + WorkflowHost.ConformingRetro + "\neight");

        var report = await host.ImportAsync(folder.Root, new ImportDefaults(), People.Alice);

        var outcomes = report.Items.ToDictionary(i => i.Path, i => (i.Outcome, i.Message));
        Assert.Equal(ImportOutcome.Imported, outcomes["1.md"].Outcome);
        Assert.Equal(ImportOutcome.Imported, outcomes["8.md"].Outcome);
        Assert.Contains("UTF-8", outcomes["2-not-utf8.md"].Message);
        Assert.Contains("front matter", outcomes["3-bad-front-matter.md"].Message);
        Assert.Contains("encrypted", outcomes["4-encrypted.pdf"].Message);
        Assert.Equal(ImportOutcome.Failed, outcomes["5-fake.docx"].Outcome);
        Assert.Contains("text extractor is not available", outcomes["6.pdf"].Message);
        Assert.Equal((ImportOutcome.Skipped, "Not a Word (.docx), PDF or Markdown file; left out."), outcomes["7.xlsx"]);
        Assert.Equal(2, (await host.DocumentsAsync()).Count);
    }

    [Fact]
    public async Task A_Word_file_keeps_its_original_and_its_images_as_attachments_the_text_links_to()
    {
        folder.Add("周报/w46.docx", WordFiles.Create(w => w.Styled("a5", "第 46 周增长周报").Heading(1, "本周结果 Results").Text("新增用户 12 万").Image(SampleFiles.Png, "chart")));

        var report = await host.ImportAsync(folder.Root, new ImportDefaults { Type = "weekly-report" }, People.Alice);

        var item = Assert.Single(report.Items);
        Assert.Equal((ImportOutcome.Imported, ImportFileKind.Docx, "第 46 周增长周报", 2), (item.Outcome, item.Kind, item.Title, item.Attachments));
        var manifest = await host.Repository.GetManifestAsync(item.DocumentId!, CancellationToken.None);
        Assert.Equal(["w46.docx", "image-1.png"], manifest!.Attachments.Select(a => a.Name));
        var version = await host.Repository.GetVersionAsync(manifest.Id, 1, CancellationToken.None);
        Assert.Contains($"(</Documents/{manifest.Id}/Attachments/image-1.png>)", version!.Markdown);
        Assert.Equal(["周报"], manifest.Tags);
    }

    [Fact]
    public async Task Progress_counts_every_file_and_ends_finished()
    {
        for (var i = 0; i < 6; i++)
        {
            folder.Add($"{i}.md", $"# Doc {i}\n\n" + WorkflowHost.ConformingRetro + $"\n{i}");
        }

        var progress = new ImportProgress();
        var seen = new List<int>();
        progress.ItemDone += (_, _) =>
        {
            lock (seen)
            {
                seen.Add(progress.Snapshot().Done);
            }
        };

        await host.ImportAsync(folder.Root, new ImportDefaults(), People.Alice, progress);

        var end = progress.Snapshot();
        Assert.Equal((6, 6, 6, true, TimeSpan.Zero), (end.Total, end.Done, end.Imported, end.Finished, end.Remaining));
        Assert.Equal(6, seen.Count);
        Assert.Contains(6, seen);
    }

    [Fact]
    public async Task A_reader_may_not_import_and_the_refusal_is_audited()
    {
        folder.Add("a.md", "# A\n\n" + WorkflowHost.ConformingRetro);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.ImportAsync(folder.Root, new ImportDefaults(), People.Dave));

        Assert.Empty(await host.DocumentsAsync());
        var audit = await host.Audit.ReadAsync(Today.AddDays(-1), Today.AddDays(1), CancellationToken.None).ToListAsync();
        Assert.Contains(audit, e => e.Action == BulkImporter.AuditAction && e.Outcome == AuditActions.Denied && e.Principal == People.Dave.Principal);
    }

    [Fact]
    public async Task Every_created_document_and_the_batch_are_audited()
    {
        folder.Add("a.md", "# A\n\n" + WorkflowHost.ConformingRetro);

        var report = await host.ImportAsync(folder.Root, new ImportDefaults(), People.Alice);

        var audit = await host.Audit.ReadAsync(Today.AddDays(-1), Today.AddDays(1), CancellationToken.None).ToListAsync();
        Assert.Contains(audit, e => e.Action == AuditActions.Create && e.DocumentId == report.Items[0].DocumentId);
        Assert.Contains(audit, e => e.Action == BulkImporter.AuditAction && e.Outcome == AuditActions.Allowed);
    }

    [Fact]
    public async Task An_unknown_batch_type_refuses_the_batch_naming_the_types()
    {
        folder.Add("a.md", "# A");

        var e = await Assert.ThrowsAsync<ImportRefusedException>(() => host.ImportAsync(folder.Root, new ImportDefaults { Type = "memo" }, People.Alice));

        Assert.Contains("retrospective", e.Message);
    }
}

using System.IO.Compression;
using System.Text;
using System.Text.Json;
using KnowledgeHub.Documents.Export;
using KnowledgeHub.Documents.Import;
using KnowledgeHub.Documents.Tests.Import;
using KnowledgeHub.Documents.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Documents.Tests.Export;

public sealed class ExportTests : IAsyncLifetime
{
    private ImportHost host = null!;

    public async Task InitializeAsync() => host = await new ImportHost().WithTemplatesAsync();

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    private async Task<DocumentManifest> CreateAsync(string title, Confidentiality level, Caller owner, params string[] readers)
    {
        var manifest = await host.Repository.CreateAsync(new NewDocument
        {
            Type = "retrospective",
            Title = title,
            Markdown = WorkflowHost.ConformingRetro,
            Collection = "Retrospectives",
            Tags = ["618"],
            Confidentiality = level,
            Readers = readers,
            Metadata = new Dictionary<string, string> { ["project"] = "618" },
        }, owner, CancellationToken.None);
        return manifest;
    }

    private async Task<(ExportSummary Summary, Dictionary<string, byte[]> Entries)> ExportAsync(Caller caller)
    {
        var exporter = ActivatorUtilities.CreateInstance<DocumentExporter>(host.Services);
        using var output = new MemoryStream();
        var summary = await exporter.WriteZipAsync(host.Repository.ListAsync(CancellationToken.None), ExportScope.Collection("Retrospectives"), caller, output, CancellationToken.None);
        output.Position = 0;
        using var zip = new ZipArchive(output, ZipArchiveMode.Read);
        var entries = zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
        return (summary, entries);
    }

    [Fact]
    public async Task An_export_holds_Markdown_with_front_matter_the_attachments_and_a_manifest()
    {
        var manifest = await CreateAsync("618 复盘", Confidentiality.Internal, People.Alice);
        var attachments = host.Services.GetRequiredService<AttachmentService>();
        var pdfBytes = SampleFiles.Pdf("funnel");
        using (var pdf = new MemoryStream(pdfBytes))
        {
            await attachments.AddAsync(manifest.Id, "漏斗.pdf", pdf, pdf.Length, People.Alice, CancellationToken.None);
        }

        var (summary, entries) = await ExportAsync(People.Bob);

        Assert.Equal(new ExportSummary(1, 0), summary);
        var front = FrontMatter.Parse(Encoding.UTF8.GetString(entries[manifest.Id + ".md"]));
        Assert.Equal(("retrospective", "618 复盘", "Retrospectives", "618"), (front.GetString("type"), front.GetString("title"), front.GetString("collection"), front.GetString("project")));
        Assert.Equal(["618"], front.GetList("tags"));
        Assert.Equal(["漏斗.pdf"], front.GetList("attachments"));
        Assert.StartsWith("## 目标与结果", front.Body);
        Assert.Equal(pdfBytes, entries[manifest.Id + ".files/漏斗.pdf"]);
        using var json = JsonDocument.Parse(entries["manifest.json"]);
        Assert.Equal(1, json.RootElement.GetProperty("count").GetInt32());
        Assert.Equal("collection", json.RootElement.GetProperty("scope").GetProperty("kind").GetString());
        Assert.Equal(manifest.Id + ".files/漏斗.pdf", json.RootElement.GetProperty("documents")[0].GetProperty("attachments")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Documents_the_caller_may_not_take_away_are_left_out_and_only_counted()
    {
        await CreateAsync("公开 open", Confidentiality.Internal, People.Alice);
        var secret = await CreateAsync("机密 secret pricing", Confidentiality.Confidential, People.Alice);
        var restricted = await CreateAsync("受限 restricted", Confidentiality.Restricted, People.Alice, People.Bob.Principal);

        var (bob, bobEntries) = await ExportAsync(People.Bob);
        var (alice, _) = await ExportAsync(People.Alice);

        Assert.Equal(new ExportSummary(1, 2), bob);
        Assert.Equal(new ExportSummary(3, 0), alice);
        var manifestText = Encoding.UTF8.GetString(bobEntries["manifest.json"]);
        Assert.Contains("\"leftOut\": 2", manifestText);
        Assert.DoesNotContain("secret", manifestText);
        Assert.DoesNotContain(secret.Id, manifestText);
        Assert.DoesNotContain(bobEntries.Keys, k => k.StartsWith(secret.Id, StringComparison.Ordinal) || k.StartsWith(restricted.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_exported_document_is_audited()
    {
        var manifest = await CreateAsync("618 复盘", Confidentiality.Internal, People.Alice);

        await ExportAsync(People.Bob);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var audit = await host.Audit.ReadAsync(today.AddDays(-1), today.AddDays(1), CancellationToken.None).ToListAsync();
        Assert.Contains(audit, e => e.Action == DocumentExporter.AuditAction && e.DocumentId == manifest.Id && e.Principal == People.Bob.Principal);
        Assert.Contains(audit, e => e.Action == DocumentExporter.AuditAction && e.DocumentId is null);
    }

    [Fact]
    public void A_document_as_Word_keeps_title_headings_lists_tables_and_emphasis_and_reads_back()
    {
        const string markdown = "## 目标与结果 Goals\n\nGMV **1.68 亿**, *above* goal. See [dash](https://example.com).\n\n- one\n- two\n\n1. first\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";

        var docx = DocxExporter.Write("618 复盘", markdown);
        var back = DocxConverter.Convert(docx, name => name);

        Assert.True(back.Markdown.Contains("• one", StringComparison.Ordinal), back.Markdown);
        Assert.Equal("618 复盘", back.Title);
        Assert.Contains("## 目标与结果 Goals", back.Markdown);
        Assert.Contains("**1.68 亿**", back.Markdown);
        Assert.Contains("*above*", back.Markdown);
        Assert.Contains("[dash](<https://example.com/>)", back.Markdown);
        Assert.Contains("• one", back.Markdown);
        Assert.Contains("| a | b |", back.Markdown);
        Assert.Contains("| 1 | 2 |", back.Markdown);
    }

    [Fact]
    public void Links_to_a_documents_own_attachments_become_relative_in_an_export_and_absolute_again_on_import()
    {
        var exported = MarkdownExport.RelativeLinks("doc1", "![a](</Documents/doc1/Attachments/a.png>) and [b](/Documents/other/Attachments/b.pdf)");
        var imported = MarkdownExport.AbsoluteLinks("doc1", "new1", exported);

        Assert.Equal("![a](<doc1.files/a.png>) and [b](/Documents/other/Attachments/b.pdf)", exported);
        Assert.Equal("![a](</Documents/new1/Attachments/a.png>) and [b](/Documents/other/Attachments/b.pdf)", imported);
    }
}

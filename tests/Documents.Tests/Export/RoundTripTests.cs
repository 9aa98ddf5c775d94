using KnowledgeHub.Documents.Export;
using KnowledgeHub.Documents.Import;
using KnowledgeHub.Documents.Tests.Import;
using KnowledgeHub.Documents.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Documents.Tests.Export;

/// <summary>Export a collection, import the zip into an empty store: the documents come back the same.</summary>
public sealed class RoundTripTests : IAsyncLifetime
{
    private readonly ImportFolder folder = new();
    private ImportHost source = null!;
    private ImportHost target = null!;

    public async Task InitializeAsync()
    {
        source = await new ImportHost().WithTemplatesAsync();
        target = await new ImportHost().WithTemplatesAsync();
    }

    public async Task DisposeAsync()
    {
        await source.DisposeAsync();
        await target.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task A_collection_exported_and_imported_into_an_empty_store_keeps_documents_attachments_tags_and_access_lists()
    {
        var attachments = source.Services.GetRequiredService<AttachmentService>();
        var created = new List<DocumentManifest>();
        foreach (var (title, level, readers, editors) in new[]
        {
            ("竞品分析 ShopFast Q3", Confidentiality.Confidential, new[] { "group:2e5ea2c4-0000-4000-8000-00000000a002" }, new[] { People.Bob.Principal }),
            ("用户访谈 onboarding", Confidentiality.Restricted, new[] { People.Bob.Principal, "role:Reviewer" }, Array.Empty<string>()),
            ("Push fatigue survey", Confidentiality.Internal, Array.Empty<string>(), Array.Empty<string>()),
        })
        {
            var manifest = await source.Repository.CreateAsync(new NewDocument
            {
                Type = "user-research",
                Title = title,
                Markdown = $"## 研究问题 Questions\n\n{title}: why do users leave?\n\n![chart](</Documents/PLACEHOLDER/Attachments/chart.png>)\n",
                Collection = "User research",
                Tags = ["research", title.Split(' ')[0]],
                Confidentiality = level,
                Readers = readers,
                Editors = editors,
                Metadata = new Dictionary<string, string> { ["method"] = "interviews" },
            }, People.Alice, CancellationToken.None);
            foreach (var (name, bytes) in new[] { ("chart.png", SampleFiles.Png), ("访谈记录.pdf", SampleFiles.Pdf("interview notes")) })
            {
                using var stream = new MemoryStream(bytes);
                Assert.IsType<AttachmentResult.Added>(await attachments.AddAsync(manifest.Id, name, stream, stream.Length, People.Alice, CancellationToken.None));
            }

            created.Add((await source.Repository.GetManifestAsync(manifest.Id, CancellationToken.None))!);
        }

        await source.Repository.CreateAsync(new NewDocument { Type = "sop", Title = "Other collection", Markdown = "x", Collection = "SOPs" }, People.Alice, CancellationToken.None);

        var zip = Path.Combine(folder.Root, "export.zip");
        await using (var file = File.Create(zip))
        {
            var exporter = ActivatorUtilities.CreateInstance<DocumentExporter>(source.Services);
            var summary = await exporter.WriteZipAsync(
                source.Repository.ListAsync(CancellationToken.None).Where(m => m.Collection == "User research"), ExportScope.Collection("User research"), People.Carol, file, CancellationToken.None);
            Assert.Equal(new ExportSummary(3, 0), summary);
        }

        var report = await target.ImportAsync(zip, new ImportDefaults(), People.Carol);

        Assert.Equal(3, report.Count(ImportOutcome.Imported));
        Assert.Equal(3, report.Items.Count);
        foreach (var original in created)
        {
            var copy = await target.Repository.GetManifestAsync(original.Id, CancellationToken.None);
            Assert.NotNull(copy);
            Assert.Equal((original.Type, original.Title, original.Collection, original.Confidentiality), (copy.Type, copy.Title, copy.Collection, copy.Confidentiality));
            Assert.Equal(original.Tags, copy.Tags);
            Assert.Equal(original.Readers, copy.Readers);
            Assert.Equal(original.Editors, copy.Editors);
            Assert.Equal(original.Attachments.Select(a => (a.Name, a.Sha256, a.ContentType, a.Size)), copy.Attachments.Select(a => (a.Name, a.Sha256, a.ContentType, a.Size)));
            var before = await source.Repository.GetVersionAsync(original.Id, original.CurrentVersion, CancellationToken.None);
            var after = await target.Repository.GetVersionAsync(copy.Id, copy.CurrentVersion, CancellationToken.None);
            Assert.Equal(before!.Markdown, after!.Markdown);
            Assert.Equal(before.Metadata, after.Metadata);
        }

        Assert.Equal(3, (await target.DocumentsAsync()).Count);
    }
}

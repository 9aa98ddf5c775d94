using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Import;
using KnowledgeHub.Search;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KnowledgeHub.Portal.Tests.Import;

/// <summary>The done-when test of the import: several hundred mixed files, progress, a report, and every file found by its own word.</summary>
public sealed class BulkImportCorpusTests(ImportPortal portal, ITestOutputHelper output) : IClassFixture<ImportPortal>, IDisposable
{
    private static readonly Caller Carol = new() { ObjectId = "ca201000-0000-4000-8000-000000000003", Name = "Carol Li", Roles = [AppRoles.Admin, AppRoles.Contributor] };
    private readonly string root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "kh-import-corpus", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Several_hundred_Word_PDF_and_Markdown_files_import_with_progress_and_each_is_found_by_a_word_inside_it()
    {
        var files = ImportCorpus.Write(root, markdown: 190, docx: 100, pdf: 10);
        _ = await portal.CreateReadyClientAsync();
        var progress = new ImportProgress();
        var snapshots = new List<ImportProgressSnapshot>();
        progress.ItemDone += (_, _) =>
        {
            lock (snapshots)
            {
                snapshots.Add(progress.Snapshot());
            }
        };

        ImportReport report;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await using var source = ImportSource.Open(root, new ImportLimits());
            report = await scope.ServiceProvider.GetRequiredService<BulkImporter>().RunAsync(source, new ImportDefaults(), Carol, progress, CancellationToken.None);
        }

        output.WriteLine($"Imported {report.Count(ImportOutcome.Imported)} of {files.Count} in {report.Elapsed.TotalSeconds:0.0} s");
        Assert.All(report.Items, item => Assert.True(item.Outcome == ImportOutcome.Imported, $"{item.Path}: {item.Outcome} {item.Message}"));
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), report.Items.Select(i => i.Path));
        Assert.Equal(files.Count, snapshots.Count);
        Assert.Contains(snapshots, s => s.Done < s.Total && s.Remaining is not null);
        Assert.True(progress.Snapshot() is { Finished: true, Done: 300, Imported: 300 });
        Assert.Contains(report.Items, i => i.Kind == ImportFileKind.Pdf && i.TypeGuessed);
        Assert.Contains(report.Items, i => i.Kind == ImportFileKind.Docx && i.TypeGuessed);

        var search = portal.Services.GetRequiredService<SearchService>();
        var byMarker = report.Items.ToDictionary(i => files[i.Path], i => i.DocumentId);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var missing = byMarker.Keys.ToList();
        while (missing.Count > 0 && DateTime.UtcNow < deadline)
        {
            missing = [.. missing.Where(marker => !search.Search(new SearchRequest { Query = marker, Caller = Carol }).Hits.Any(h => h.DocumentId == byMarker[marker]))];
            if (missing.Count > 0)
            {
                await Task.Delay(200);
            }
        }

        Assert.True(missing.Count == 0, $"{missing.Count} files not found by their word, e.g. {string.Join(", ", missing.Take(5))}");
    }
}

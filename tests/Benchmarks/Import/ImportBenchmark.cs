using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Import;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace KnowledgeHub.Benchmarks.Import;

/// <summary>
/// <c>import [--markdown N] [--docx N] [--out artifacts/bench/import.json]</c>: generates Markdown and Word files from
/// content/samples, imports each kind as one batch through <see cref="BulkImporter"/> (the services the CLI uses: real
/// file store, no index in the process) into a fresh store, and reports files/s. Targets: ≥ 100 Markdown/s, ≥ 20 DOCX/s.
/// </summary>
public static class ImportBenchmark
{
    public const string Usage = "Usage: dotnet run -c Release --project tests/Benchmarks -- import [--markdown N] [--docx N] [--out artifacts/bench/import.json]";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly Caller Importer = new() { ObjectId = "bench-importer", Name = "Benchmark", Roles = [AppRoles.Contributor] };

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var (markdown, docx, output) = (500, 200, Path.Combine("artifacts", "bench", "import.json"));
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--markdown": markdown = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--docx": docx = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--out": output = args[i + 1]; break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        var content = ContentRootLocator.Locate(null, AppContext.BaseDirectory) ?? throw new InvalidOperationException("content/ not found.");
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "kh-bench-import-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var samples = Directory.EnumerateFiles(Path.Combine(content, "samples"), "*.md").Order(StringComparer.Ordinal).Select(f => FrontMatter.Parse(File.ReadAllText(f))).ToList();
            var md = Write(Path.Combine(root, "md"), markdown, i => ($"doc-{i}.md", System.Text.Encoding.UTF8.GetBytes($"# {samples[i % samples.Count].GetString("title")}\n\n{samples[i % samples.Count].Body}\n\nfile {i}\n")));
            var word = Write(Path.Combine(root, "docx"), docx, i => ($"doc-{i}.docx", Docx(samples[i % samples.Count], i)));
            await using var services = await ServicesAsync(Path.Combine(root, "store"), content, cancellationToken);
            var warmUp = Write(Path.Combine(root, "warm-up"), 20, i => ($"warm-{i}.md", System.Text.Encoding.UTF8.GetBytes($"# warm {i}\n\nup\n")));
            await MeasureAsync(services, "warm-up", warmUp, 20, 0, cancellationToken);
            var results = new[] { await MeasureAsync(services, "Markdown", md, markdown, 100, cancellationToken), await MeasureAsync(services, "DOCX", word, docx, 20, cancellationToken) };
            Console.WriteLine();
            Console.WriteLine("| kind | files | imported | seconds | files/s | target |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var r in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Kind} | {r.Files} | {r.Imported} | {r.Seconds:0.00} | {r.FilesPerSecond:0.0} | ≥ {r.Target}{(r.FilesPerSecond >= r.Target ? "" : " (not met)")} |"));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            var report = new { processors = Environment.ProcessorCount, loadAverage = Machine.LoadAverage(), results };
            await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report, Json), cancellationToken);
            Console.WriteLine($"Wrote {output}");
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<Result> MeasureAsync(ServiceProvider services, string kind, string folder, int files, double target, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<BulkImporter>();
        await using var source = ImportSource.Open(folder, new ImportLimits());
        var clock = Stopwatch.StartNew();
        var report = await importer.RunAsync(source, new ImportDefaults { Type = "weekly-report" }, Importer, new ImportProgress(), cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        return new Result(kind, files, report.Count(ImportOutcome.Imported), seconds, files / seconds, target);
    }

    private static async Task<ServiceProvider> ServicesAsync(string storePath, string content, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Following:WaitForChange"] = "00:00:00",
            ["Documents:ImportSamples"] = "false",
        }).Build();
        var store = new FileSystemBlobStore(storePath);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(content, "templates"), "*.md"))
        {
            await store.WriteAsync(TemplateCatalog.Prefix + Path.GetFileName(file), await File.ReadAllBytesAsync(file, cancellationToken), WriteCondition.IfNotExists, cancellationToken);
        }

        var services = new ServiceCollection();
        services.AddSingleton<IBlobStore>(store);
        services.AddKnowledgeHubDocuments(configuration);
        services.AddKnowledgeHubImport();
        return services.BuildServiceProvider();
    }

    private static string Write(string folder, int count, Func<int, (string Name, byte[] Content)> make)
    {
        Directory.CreateDirectory(folder);
        for (var i = 0; i < count; i++)
        {
            var (name, bytes) = make(i);
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }

        return folder;
    }

    private static byte[] Docx(FrontMatterDocument sample, int n)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new W.Body(Paragraph("Title", sample.GetString("title") ?? "untitled"));
            foreach (var line in sample.Body.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                var level = line.TakeWhile(c => c == '#').Count();
                body.Append(Paragraph(level > 0 ? "Heading" + Math.Min(level, 6).ToString(CultureInfo.InvariantCulture) : null, line[level..].Trim()));
            }

            body.Append(Paragraph(null, "file " + n.ToString(CultureInfo.InvariantCulture)));
            document.AddMainDocumentPart().Document = new W.Document(body);
        }

        return stream.ToArray();
    }

    private static W.Paragraph Paragraph(string? style, string text)
    {
        var paragraph = new W.Paragraph();
        if (style is not null)
        {
            paragraph.Append(new W.ParagraphProperties(new W.ParagraphStyleId { Val = style }));
        }

        paragraph.Append(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private sealed record Result(string Kind, int Files, int Imported, double Seconds, double FilesPerSecond, double Target);
}

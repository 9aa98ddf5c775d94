using System.Diagnostics;
using KnowledgeHub.Documents;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>
/// The "scale" benchmark: generate N documents → import through the real services into a fresh file store → start the
/// real portal (first start builds the index) → stop → restart → drive it over HTTP → report. The portal process is
/// killed at the end whatever happens; only loopback addresses are used.
/// </summary>
public static class ScaleBenchmark
{
    public static async Task<int> RunAsync(ScaleOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var runStarted = Stopwatch.GetTimestamp();
        var root = Corpus.RepositoryRoot();
        var contentRoot = Path.Combine(root, "content");
        _ = PortalProcess.AssemblyPath(root); // fail early, before the import, when the portal is not built
        var data = Path.GetFullPath(options.Data ?? Path.Combine(Path.GetTempPath(), "kh-scale", Guid.NewGuid().ToString("N")));
        if (Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any())
        {
            Console.Error.WriteLine($"{data} is not empty: the benchmark needs a fresh store.");
            return 2;
        }

        Directory.CreateDirectory(data);
        var storeRoot = Path.Combine(data, "blobs");
        var indexPath = Path.Combine(data, "index");
        var report = new ScaleReport { Options = options, LoadAtStart = Machine.LoadAverage(), Commit = await Machine.GitCommitAsync(root, cancellationToken) };
        try
        {
            var (generator, templates, pool) = await GeneratorAsync(root, options, cancellationToken);
            report.TextSource = pool.Source;
            Console.WriteLine($"Text: {pool.Source}: {pool.ZhParagraphs.Count:N0} Chinese and {pool.EnParagraphs.Count:N0} English paragraphs");
            report.Generated = GeneratedCheck.Run(generator, templates, Math.Min(options.Documents, 200));
            Console.WriteLine($"  of the first {report.Generated.Checked}: {report.Generated.Conforming} conform to their template; {report.Generated.LessonsPerDocument:0.0} lessons and {report.Generated.ActionItemsPerDocument:0.0} action items per document{(report.Generated.FirstProblem is { } p ? $" (first problem: {p})" : "")}");

            Console.WriteLine($"Importing {options.Documents:N0} documents through DocumentRepository.CreateAsync into {storeRoot} ({options.ImportThreads} at a time)...");
            report.Import = await ScaleImport.RunAsync(storeRoot, contentRoot, generator, options.Documents, options.ImportThreads, cancellationToken);
            Console.WriteLine($"  {report.Import.DocsPerSecond:0} docs/s, write amplification {report.Import.WriteAmplification:0.00} (write calls) / {report.Import.LogicalWriteAmplification:0.00} (IBlobStore input)");

            await PortalPhases.RunAsync(root, storeRoot, indexPath, data, options, generator, report, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or IOException)
        {
            report.Error = e.Message;
            Console.Error.WriteLine($"The scale benchmark stopped: {e.Message}");
        }
        catch (OperationCanceledException) when (!options.Keep)
        {
            TryDelete(data); // Ctrl+C: no report, but no store left behind either
            throw;
        }

        report.LoadAtEnd = Machine.LoadAverage();
        report.RunSeconds = Stopwatch.GetElapsedTime(runStarted).TotalSeconds;
        var path = Path.GetFullPath(options.Out, root);
        await report.WriteAsync(path, cancellationToken);
        Console.WriteLine();
        Console.Write(report.Table());
        Console.WriteLine($"Report: {Path.GetRelativePath(root, path)} and {Path.GetRelativePath(root, Path.ChangeExtension(path, ".md"))}{(options.Keep ? $"; data kept in {data}" : "")}");
        if (!options.Keep)
        {
            Console.WriteLine($"Deleting {data} ({report.StoreFilesAtEnd?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "its"} files)...");
            TryDelete(data);
        }

        return report.Error is null ? 0 : 1;
    }

    /// <summary>The document generator of a run with <paramref name="options"/> (the same documents for the same seed and text).</summary>
    public static async Task<(DocumentGenerator Generator, List<KnowledgeHub.Documents.DocumentTemplate> Templates, TextPool Pool)> GeneratorAsync(
        string root, ScaleOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var contentRoot = Path.Combine(root, "content");
        var pool = await LoadTextAsync(root, options, contentRoot, cancellationToken);
        var templates = Directory.EnumerateFiles(Path.Combine(contentRoot, "templates"), "*.md").Order(StringComparer.Ordinal)
            .Select(f => TemplateParser.Parse(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f))).ToList();
        return (new DocumentGenerator(templates, pool, options.Seed), templates, pool);
    }

    /// <summary>The help corpus (fetched when missing, as the search benchmark does), else content/samples' text.</summary>
    private static async Task<TextPool> LoadTextAsync(string root, ScaleOptions options, string contentRoot, CancellationToken cancellationToken)
    {
        try
        {
            var (helpRoot, packages) = await Corpus.EnsureAsync(root, options.Corpus, cancellationToken);
            var zh = HelpCorpus.Load(helpRoot, Language.Chinese, null, options.Seed, out _);
            var en = HelpCorpus.Load(helpRoot, Language.English, null, options.Seed, out _);
            if (zh.Count > 0 && en.Count > 0)
            {
                return TextPool.FromHelp(zh, en, string.Join(", ", packages));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            Console.WriteLine($"The help corpus is not available ({e.Message}); generating text from content/samples instead.");
        }

        return TextPool.FromSamples(contentRoot);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not delete {folder}: {e.Message}");
        }
    }
}

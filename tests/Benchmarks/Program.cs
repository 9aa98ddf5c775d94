// The KnowledgeHub benchmarks. Usage (from the repository root):
//   dotnet run -c Release --project tests/Benchmarks -- search [--limit N] [--threads 1,2] [--queries N]
//       [--relevance N] [--seed N] [--out artifacts/bench/search.json] [--corpus .corpus/libreoffice-help]
//   dotnet run -c Release --project tests/Benchmarks -- scale --docs N [options, see ScaleOptions.Usage]
// "search" fetches the LibreOffice help corpus if needed (scripts/fetch-bench-corpus.sh), imports it through
// the real pipeline (file-system blobs → DocumentRepository → IndexSynchronizer → Lucene), measures indexing,
// search latency and known-item relevance, prints a table and writes the JSON report.
//   dotnet run -c Release --project tests/Benchmarks -- segmenters [--limit N] [--relevance N]: SmartCn beside jieba.NET
//   dotnet run -c Release --project tests/Benchmarks -- indexing [--limit N] [--repeat N]: the index-only figures alone
//   dotnet run -c Release --project tests/Benchmarks -- relevance [options]: the domain relevance table over content/ (Success@3)
//   dotnet run -c Release --project tests/Benchmarks -- import [--markdown N] [--docx N] [--out artifacts/bench/import.json]
// "scale" generates N bilingual documents, imports them through the real services into a fresh file store, starts
// the real portal as a separate process (first start, restart) and drives it over HTTP (artifacts/bench/scale.json).
//   dotnet run -c Release --project tests/Benchmarks -- scale-search DATA
// runs only the in-process search figures of "scale" over the folder of a "scale --keep --data DATA" run.
//   dotnet run -c Release --project tests/Benchmarks -- scale-fts5 DATA --docs N
// runs only the SQLite FTS5 comparison of "scale" over that folder (N: the run's --docs).
using KnowledgeHub.Benchmarks;
using KnowledgeHub.Benchmarks.Cluster;
using KnowledgeHub.Benchmarks.Scale;

var command = args.Length > 0 ? args[0] : "";
if (command == "scale-search" && args.Length == 2)
{
    // The in-process search figures alone, over the folder a "scale --keep" run left (its blobs/ and index/).
    InProcessResult result;
    try
    {
        result = InProcessSearch.Run(args[1], Path.Combine(args[1], "index"), HttpQueryMix.Build([], seed: 1));
    }
    catch (InvalidOperationException problem)
    {
        Console.Error.WriteLine(problem.Message);
        return 1;
    }

    Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(result, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    return 0;
}

if (command == "scale-fts5" && args.Length == 4 && args[2] == "--docs" && int.TryParse(args[3], out var scaleDocs))
{
    // SQLite FTS5 beside the portal over the documents of a "scale --keep --docs N --data DATA" run (same seed).
    var scaleOptions = new ScaleOptions { Documents = scaleDocs };
    var (generator, _, _) = await ScaleBenchmark.GeneratorAsync(Corpus.RepositoryRoot(), scaleOptions, CancellationToken.None);
    var fts5 = ScaleFts5.Run(args[1], Path.Combine(args[1], "index"), generator, scaleDocs, PortalPhases.Mix(scaleOptions, generator), scaleOptions.Seed);
    Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(fts5, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    return 0;
}

if (command is not ("search" or "scale" or "segmenters" or "cluster" or "import" or "relevance" or "indexing"))
{
    Console.WriteLine(BenchOptions.Usage);
    Console.WriteLine(ScaleOptions.Usage);
    Console.WriteLine(ClusterBenchOptions.Usage);
    Console.WriteLine(KnowledgeHub.Benchmarks.Import.ImportBenchmark.Usage);
    Console.WriteLine(DomainRelevanceBenchmark.Usage);
    Console.WriteLine(IndexingCommand.Usage);
    return command is "-h" or "--help" ? 0 : 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

if (command == "indexing")
{
    return await IndexingCommand.RunAsync(args[1..], cancel.Token);
}

if (command == "relevance")
{
    return await DomainRelevanceBenchmark.RunAsync(args[1..], cancel.Token);
}

if (command == "import")
{
    return await KnowledgeHub.Benchmarks.Import.ImportBenchmark.RunAsync(args[1..], cancel.Token);
}

if (command == "cluster")
{
    return ClusterBenchOptions.Parse(args.AsSpan(1)) is { } clusterOptions
        ? await ClusterBenchmark.RunAsync(clusterOptions, cancel.Token)
        : Fail(ClusterBenchOptions.Usage);
}

if (command == "scale")
{
    if (ScaleOptions.Parse(args.AsSpan(1)) is not { } scale)
    {
        Console.Error.WriteLine(ScaleOptions.Usage);
        return 2;
    }

    return await ScaleBenchmark.RunAsync(scale, cancel.Token);
}

if (BenchOptions.Parse(args.AsSpan(1)) is not { } options)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

return command == "segmenters" ? await SegmenterBenchmark.RunAsync(options, cancel.Token) : await SearchBenchmark.RunAsync(options, cancel.Token);

static int Fail(string usage)
{
    Console.Error.WriteLine(usage);
    return 2;
}

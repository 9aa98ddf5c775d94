// The KnowledgeHub benchmarks. Usage (from the repository root):
//   dotnet run -c Release --project tests/Benchmarks -- search [--limit N] [--threads 1,2] [--queries N]
//       [--relevance N] [--seed N] [--out artifacts/bench/search.json] [--corpus .corpus/libreoffice-help]
//   dotnet run -c Release --project tests/Benchmarks -- scale --docs N [options, see ScaleOptions.Usage]
// "search" fetches the LibreOffice help corpus if needed (scripts/fetch-bench-corpus.sh), imports it through
// the real pipeline (file-system blobs → DocumentRepository → IndexSynchronizer → Lucene), measures indexing,
// search latency and known-item relevance, prints a table and writes the JSON report.
// "scale" generates N bilingual documents, imports them through the real services into a fresh file store, starts
// the real portal as a separate process (first start, restart) and drives it over HTTP (artifacts/bench/scale.json).
using KnowledgeHub.Benchmarks;
using KnowledgeHub.Benchmarks.Scale;

var command = args.Length > 0 ? args[0] : "";
if (command is not ("search" or "scale" or "relevance"))
{
    Console.WriteLine(BenchOptions.Usage);
    Console.WriteLine(ScaleOptions.Usage);
    Console.WriteLine(DomainRelevanceBenchmark.Usage);
    return command is "-h" or "--help" ? 0 : 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

if (command == "relevance")
{
    return await DomainRelevanceBenchmark.RunAsync(args[1..], cancel.Token);
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

return await SearchBenchmark.RunAsync(options, cancel.Token);

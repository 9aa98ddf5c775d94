// The KnowledgeHub benchmarks. Usage (from the repository root):
//   dotnet run -c Release --project tests/Benchmarks -- search [--limit N] [--threads 1,2] [--queries N]
//       [--relevance N] [--seed N] [--out artifacts/bench/search.json] [--corpus .corpus/libreoffice-help]
// "search" fetches the LibreOffice help corpus if needed (scripts/fetch-bench-corpus.sh), imports it through
// the real pipeline (file-system blobs → DocumentRepository → IndexSynchronizer → Lucene), measures indexing,
// search latency and known-item relevance, prints a table and writes the JSON report.
using KnowledgeHub.Benchmarks;

if (args.Length == 0 || args[0] is "-h" or "--help" || args[0] != "search")
{
    Console.WriteLine(BenchOptions.Usage);
    return args.Length > 0 && args[0] is "-h" or "--help" ? 0 : 2;
}

if (BenchOptions.Parse(args.AsSpan(1)) is not { } options)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await SearchBenchmark.RunAsync(options, cancel.Token);

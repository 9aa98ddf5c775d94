using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace KnowledgeHub.Benchmarks;

/// <summary>One floor variant: the median wall and process CPU seconds of its repetitions on <c>Threads</c> threads.</summary>
public sealed record FloorRun(string Variant, int Threads, double MedianSeconds, double MedianCpuSeconds);

/// <summary>
/// What Lucene.Net's own writer needs for the same text on this machine, with none of the portal's work: the documents'
/// plain text (Markdown already turned into text, outside the clock) indexed into a fresh index on the same directory
/// type, then one commit. Two variants: <c>whitespace</c> — one field, whitespace tokens, nothing stored (the writer's
/// floor: term hashing, postings, flush); <c>english</c> — one field with StandardTokenizer, lower case and Porter
/// stemming, the text stored (the smallest index an English full-text search with snippets would build). MB/s is over
/// the same bytes as the index-only figures (title + Markdown), so the figures compare line by line.
/// </summary>
public static class IndexingFloor
{
    public static IReadOnlyList<FloorRun> Run(IReadOnlyList<(string Title, string Body)> texts, string root, int repetitions, int threads)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var runs = new List<FloorRun>();
        foreach (var (variant, analyzer, store) in new (string, Func<Analyzer>, Field.Store)[]
        {
            ("whitespace", () => new WhitespaceAnalyzer(LuceneVersion.LUCENE_48), Field.Store.NO),
            ("english", () => new EnglishMinimal(), Field.Store.YES),
        })
        {
            foreach (var n in new[] { 1, threads }.Distinct())
            {
                var seconds = new List<double>();
                var cpu = new List<double>();
                for (var i = 0; i < repetitions; i++)
                {
                    var (wall, used) = Once(texts, Path.Combine(root, $"floor-{variant}-{n}-{i}"), analyzer, store, n);
                    seconds.Add(wall);
                    cpu.Add(used);
                }

                runs.Add(new FloorRun(variant, n, seconds.Order().ElementAt(seconds.Count / 2), cpu.Order().ElementAt(cpu.Count / 2)));
            }
        }

        return runs;
    }

    private static (double Seconds, double CpuSeconds) Once(IReadOnlyList<(string Title, string Body)> texts, string path, Func<Analyzer> newAnalyzer, Field.Store store, int threads)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var cpu = Machine.CpuTime();
        var started = Stopwatch.GetTimestamp();
        using (var analyzer = newAnalyzer())
        using (var directory = FSDirectory.Open(path))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { RAMBufferSizeMB = 64 }))
        {
            Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            {
                var (title, body) = texts[i];
                writer.AddDocument(new LuceneDocument { new TextField("text", title + "\n" + body, store) });
            });
            writer.Commit();
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuSeconds = (Machine.CpuTime() - cpu).TotalSeconds;
        System.IO.Directory.Delete(path, recursive: true);
        return (seconds, cpuSeconds);
    }

    private sealed class EnglishMinimal : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
            return new TokenStreamComponents(tokenizer, new PorterStemFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer)));
        }
    }
}

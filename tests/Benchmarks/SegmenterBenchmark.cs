using System.Text.Json;
using JiebaNet.Segmenter;
using KnowledgeHub.Documents;
using KnowledgeHub.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace KnowledgeHub.Benchmarks;

/// <summary>One segmenter's figures on the Chinese pages: speed of its analysis chain and known-item relevance.</summary>
public sealed record SegmenterResult(
    string Segmenter, double Seconds, long Tokens, double MBPerCpuSecond, int Queries, double SuccessAt1, double SuccessAt10, double Mrr,
    double ShortSuccessAt1, double ShortSuccessAt10, double ShortMrr);

/// <summary>
/// The "segmenters" benchmark (issue 9 item 7): SmartCn (the chain the index uses) beside jieba.NET on the Chinese help
/// pages, after checking that the index's own segmentation gives SmartCn's tokens on every page (<see cref="SegmenterVerification"/>). Speed = thread CPU seconds to analyse every title and plain-text body (median of 3), as MB of page text per
/// CPU-second. Relevance = the same known-item title queries as the search benchmark over a plain two-field index
/// (title ×3, body; BM25; every query word optional) built with each analyzer — the segmenters compared on equal terms,
/// without the portal's bigram shadows, which would hide the difference — for whole titles and for the search
/// benchmark's "short" variant (the first half of a title's characters).
/// </summary>
public static class SegmenterBenchmark
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = Corpus.RepositoryRoot();
        var (helpRoot, _) = await Corpus.EnsureAsync(root, options.Corpus, cancellationToken);
        var pages = HelpCorpus.Load(helpRoot, Language.Chinese, options.Limit, options.Seed, out _);
        var markdown = new MarkdownRenderer();
        var texts = pages.Select(p => (Page: p, Body: markdown.ToPlainText(p.Markdown))).ToList();
        var megabytes = pages.Sum(p => p.TextBytes) / 1e6;
        var sample = RelevanceBenchmark.Sample(pages, options.RelevanceQueries, options.Seed);
        Console.WriteLine($"zh-CN: {pages.Count} pages, {megabytes:0.00} MB of text, {sample.Count} known-item queries");
        var check = SegmenterVerification.Run([.. texts.SelectMany(t => new[] { t.Page.Title, t.Body })]);
        Console.WriteLine(
            $"the index's segmenter against SmartCn's own, token for token: {check.Mismatched} of {check.Texts} texts differ ({check.Tokens} tokens); " +
            $"thread CPU {check.Seconds:0.000} s against {check.SmartCnSeconds:0.000} s");
        if (check.FirstMismatch is { } mismatch)
        {
            Console.WriteLine($"first difference in: {mismatch}");
        }

        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");
        using var smart = new SearchAnalyzer();
        using var jieba = new JiebaAnalyzer(new JiebaSegmenter());
        var results = new List<SegmenterResult>();
        foreach (var (name, analyzer) in new (string, Analyzer)[] { ("SmartCn", smart), ("jieba.NET", jieba) })
        {
            Tokens(analyzer, texts.Take(50)); // warm-up: dictionaries, JIT
            var runs = Enumerable.Range(0, 3).Select(_ => Timed(analyzer, texts)).OrderBy(r => r.Seconds).ToList();
            var (at1, at10, mrr) = Relevance(analyzer, texts, sample, p => p.Title);
            var (shortAt1, shortAt10, shortMrr) = Relevance(analyzer, texts, sample, RelevanceBenchmark.Shorten);
            var median = runs[1];
            results.Add(new SegmenterResult(name, median.Seconds, median.Tokens, megabytes / median.Seconds, sample.Count, at1, at10, mrr, shortAt1, shortAt10, shortMrr));
        }

        Console.WriteLine();
        Console.WriteLine("segmenter     CPU s   tokens    MB/CPU-s   S@1     S@10    MRR@10  | short: S@1  S@10   MRR@10");
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Segmenter,-12} {r.Seconds,6:0.000} {r.Tokens,8} {r.MBPerCpuSecond,9:0.00}   {r.SuccessAt1:0.000}   {r.SuccessAt10:0.000}   {r.Mrr:0.000}   |  {r.ShortSuccessAt1:0.000}  {r.ShortSuccessAt10:0.000}  {r.ShortMrr:0.000}");
        }

        var path = Path.GetFullPath(Path.Combine("artifacts", "bench", "segmenters.json"), root);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { pages = pages.Count, text_mb = megabytes, machine_load_1m = Machine.LoadAverage(), segmenter_check = check, results }, Indented), cancellationToken);
        Console.WriteLine($"Report: {Path.GetRelativePath(root, path)}");
        return 0;
    }

    private static (double Seconds, long Tokens) Timed(Analyzer analyzer, IEnumerable<(HelpPage Page, string Body)> texts)
    {
        var started = ThreadClock.Read() ?? 0;
        var tokens = Tokens(analyzer, texts);
        return (((ThreadClock.Read() ?? 0) - started) / 1e3, tokens);
    }

    private static long Tokens(Analyzer analyzer, IEnumerable<(HelpPage Page, string Body)> texts) =>
        texts.Sum(t => Terms(analyzer, SearchFields.Title, t.Page.Title).Count + Terms(analyzer, SearchFields.Body, t.Body).Count);

    private static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    private static (double At1, double At10, double Mrr) Relevance(Analyzer analyzer, List<(HelpPage Page, string Body)> texts, IReadOnlyList<HelpPage> sample, Func<HelpPage, string> queryOf)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzer.Version, analyzer)))
        {
            foreach (var (page, body) in texts)
            {
                writer.AddDocument(new LuceneDocument
                {
                    new StringField("id", page.Id, Field.Store.YES),
                    new TextField(SearchFields.Title, page.Title, Field.Store.NO),
                    new TextField(SearchFields.Body, body, Field.Store.NO),
                });
            }
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var (at1, at10, reciprocal) = (0, 0, 0.0);
        foreach (var page in sample)
        {
            var query = new BooleanQuery();
            foreach (var word in Terms(analyzer, SearchFields.Title, queryOf(page)).Distinct(StringComparer.Ordinal))
            {
                query.Add(new TermQuery(new Term(SearchFields.Title, word)) { Boost = 3 }, Occur.SHOULD);
                query.Add(new TermQuery(new Term(SearchFields.Body, word)), Occur.SHOULD);
            }

            var top = searcher.Search(query, 10).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get("id")).ToList();
            var rank = top.IndexOf(page.Id) + 1;
            at1 += rank == 1 ? 1 : 0;
            at10 += rank > 0 ? 1 : 0;
            reciprocal += rank > 0 ? 1.0 / rank : 0;
        }

        var n = Math.Max(1, sample.Count);
        return ((double)at1 / n, (double)at10 / n, reciprocal / n);
    }
}

using System.Text;
using System.Text.RegularExpressions;
using KnowledgeHub.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// The repository's <c>content/</c> plus generated bilingual documents (sentences of the samples shuffled, with
/// markup characters, entities, full-width forms, characters outside the BMP and very long words mixed in), and
/// the plain text the index stored for each, so a snippet can be compared with the text it came from.
/// </summary>
public sealed partial class SnippetCorpus : IAsyncLifetime
{
    private const int Generated = 40;

    private static readonly string[] Oddities =
    [
        "a <b>bold</b> & \"quoted\" 'word'", "𠮷野家的𩸽鱼", "ＧＭＶ增长１２％", "https://example.com/a/very/long/path?with=query&and=more",
        "supercalifragilisticexpialidocious-antidisestablishmentarianism", "C++ 与 C# 的 API", "→ ① ② ③ ★", "naïve café résumé",
    ];

    public SearchHost Host { get; } = SearchHost.Create();

    /// <summary>Every document's stored body by document id.</summary>
    public Dictionary<string, string> Bodies { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        var content = ContentRootLocator.Locate(null, AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("The repository's content folder was not found above " + AppContext.BaseDirectory);
        var importer = new ContentImporter(Host.Store, Host.Repository, new TemplateCatalog(Host.Store), NullLogger<ContentImporter>.Instance);
        await importer.ImportIfEmptyAsync(content, CancellationToken.None);
        await Host.Synchronizer.CatchUpAsync(CancellationToken.None);
        var sentences = Sentences(ReadBodies().Values).ToList();
        var random = new Random(9);
        for (var i = 0; i < Generated; i++)
        {
            await Host.AddAsync(new TestDoc($"gen-{i:00}", $"Generated 生成文档 {i}", Compose(sentences, random)), catchUp: false);
        }

        await Host.Synchronizer.CatchUpAsync(CancellationToken.None);
        foreach (var (id, body) in ReadBodies())
        {
            Bodies[id] = body;
        }
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    private Dictionary<string, string> ReadBodies() => Host.Index.Search(searcher =>
    {
        var kind = new TermQuery(new Term(SearchFields.Kind, EntryKinds.Document));
        var top = searcher.Search(kind, 10_000);
        return top.ScoreDocs
            .Select(d => searcher.Doc(d.Doc))
            .ToDictionary(d => d.Get(SearchFields.DocId, System.Globalization.CultureInfo.InvariantCulture), d => d.Get(SearchFields.Body, System.Globalization.CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal);
    });

    private static IEnumerable<string> Sentences(IEnumerable<string> bodies) =>
        bodies.SelectMany(b => SentenceEnd().Split(b)).Select(s => s.Trim()).Where(s => s.Length > 4);

    private static string Compose(List<string> sentences, Random random)
    {
        var builder = new StringBuilder();
        var count = random.Next(8, 60);
        for (var i = 0; i < count; i++)
        {
            builder.Append(sentences[random.Next(sentences.Count)]);
            builder.Append(random.Next(4) switch { 0 => "。", 1 => ". ", 2 => "\n\n", _ => "，" });
            if (random.Next(6) == 0)
            {
                builder.Append(' ').Append(Oddities[random.Next(Oddities.Length)]).Append(' ');
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"(?<=[。！？.!?\n])")]
    private static partial Regex SentenceEnd();
}

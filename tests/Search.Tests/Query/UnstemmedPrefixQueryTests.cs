using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Search.Tests.Query;

/// <summary>
/// The prefix on the words as written matches only the words whose stem the stemmed field's prefix misses, over a real
/// index on disk: the rest that prefix already finds, and reading them twice would only cost.
/// </summary>
public sealed class UnstemmedPrefixQueryTests : IDisposable
{
    private static readonly SearchAnalyzer Analyzer = new();

    private readonly DiskIndex index = new();

    public UnstemmedPrefixQueryTests()
    {
        foreach (var word in new[] { "stream", "streams", "streaming", "streamline", "streamlined", "happiness", "happy", "happen", "formatting", "formalizations", "form.activate", "table1" })
        {
            index.Writer.AddDocument(new Document
            {
                new StringField("id", word, Field.Store.YES),
                new TextField(SearchFields.BodyCjk, word, Field.Store.NO),
            });
        }

        index.Writer.Commit();
    }

    [Theory]
    [InlineData("streami", "streaming")] // stream
    [InlineData("stream", "")] // every stem starts with stream
    [InlineData("streamlin", "")] // streamlin
    [InlineData("streamline", "streamline streamlined")] // streamlin, shorter than the prefix
    [InlineData("happin", "happiness")] // happi
    [InlineData("happ", "")]
    [InlineData("form", "")] // format, form, and form.activate: the stemmed field holds form, activ
    [InlineData("formali", "formalizations")] // form, after four of Porter's steps
    [InlineData("tab", "")] // table1: tabl, 1
    [InlineData("zzz", "")]
    public void Only_words_whose_stem_does_not_start_with_the_prefix_match(string prefix, string expected)
    {
        using var reader = DirectoryReader.Open(index.Directory);
        var searcher = new IndexSearcher(reader);
        var query = new UnstemmedPrefixQuery(new Term(SearchFields.BodyCjk, prefix), Analyzer, SearchFields.Body);

        var found = searcher.Search(query, 20).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get("id")).Order(StringComparer.Ordinal);

        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), found);
    }

    public void Dispose() => index.Dispose();
}

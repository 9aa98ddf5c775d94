using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace KnowledgeHub.Search.Tests;

/// <summary>Keyword fields share one token stream per thread: the index must be the one StringFields make.</summary>
public sealed class KeywordFieldTests
{
    private static readonly string[][] Values =
    [
        ["group:ops", "user:a", "everyone"],
        ["group:ops"],
        ["", "用户:中文", "x"],
        ["user:a", "user:b", "user:c", "user:d"],
    ];

    [Fact]
    public void An_index_of_keyword_fields_holds_the_terms_postings_and_stored_values_of_string_fields()
    {
        using var keywords = Build((name, value) => new KeywordField(name, value, Field.Store.YES));
        using var strings = Build((name, value) => new StringField(name, value, Field.Store.YES));
        using var keywordReader = DirectoryReader.Open(keywords);
        using var stringReader = DirectoryReader.Open(strings);

        Assert.Equal(Postings(stringReader), Postings(keywordReader));
        Assert.Equal(Stored(stringReader), Stored(keywordReader));
        Assert.Equal(2, new IndexSearcher(keywordReader).Search(new TermQuery(new Term("acl", "group:ops")), 10).TotalHits);
    }

    private static RAMDirectory Build(Func<string, string, Field> field)
    {
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzer.Version, new SearchAnalyzer()));
        foreach (var values in Values)
        {
            var document = new LuceneDocument();
            foreach (var value in values)
            {
                document.Add(field("acl", value));
            }

            document.Add(field("id", string.Join('|', values)));
            writer.AddDocument(document);
        }

        writer.Commit();
        return directory;
    }

    private static List<string> Postings(IndexReader reader)
    {
        var postings = new List<string>();
        var fields = MultiFields.GetFields(reader);
        foreach (var name in new[] { "acl", "id" })
        {
            var terms = fields.GetTerms(name).GetEnumerator();
            while (terms.MoveNext())
            {
                var docs = terms.Docs(null, null);
                var text = terms.Term.Utf8ToString();
                while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    postings.Add($"{name}:{text} doc {docs.DocID}");
                }
            }
        }

        Assert.NotEmpty(postings);
        return postings;
    }

    private static List<string> Stored(IndexReader reader) =>
        Enumerable.Range(0, reader.MaxDoc).Select(i => string.Join(";", reader.Document(i).Fields.Select(f => $"{f.Name}={f.GetStringValue(System.Globalization.CultureInfo.InvariantCulture)}"))).ToList();
}

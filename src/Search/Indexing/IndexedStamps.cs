using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>Reads the <see cref="SearchFields.Stamp"/> of document entries (empty for an entry without one).</summary>
internal static class IndexedStamps
{
    private static readonly HashSet<string> Fields = [SearchFields.DocId, SearchFields.Stamp];

    /// <summary>Every indexed document's id and stamp.</summary>
    public static Dictionary<string, string> ReadAll(IndexSearcher searcher) =>
        Read(searcher, new TermQuery(new Term(SearchFields.Kind, EntryKinds.Document)));

    /// <summary>Every indexed document of template <paramref name="type"/>: its id and stamp.</summary>
    public static Dictionary<string, string> ReadOfType(IndexSearcher searcher, string type) =>
        Read(searcher, new BooleanQuery
        {
            { new TermQuery(new Term(SearchFields.Kind, EntryKinds.Document)), Occur.MUST },
            { new TermQuery(new Term(SearchFields.Type, type)), Occur.MUST },
        });

    /// <summary>The stamp of document <paramref name="documentId"/>, or null when it has no entry.</summary>
    public static string? ReadOne(IndexSearcher searcher, string documentId)
    {
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(SearchFields.DocId, documentId)), Occur.MUST },
            { new TermQuery(new Term(SearchFields.Kind, EntryKinds.Document)), Occur.MUST },
        };
        return Read(searcher, query).GetValueOrDefault(documentId);
    }

    private static Dictionary<string, string> Read(IndexSearcher searcher, Query query)
    {
        var collector = new AllDocs();
        searcher.Search(query, collector);
        var stamps = new Dictionary<string, string>(collector.Docs.Count, StringComparer.Ordinal);
        foreach (var doc in collector.Docs)
        {
            var entry = searcher.Doc(doc, Fields);
            stamps[entry.Get(SearchFields.DocId, CultureInfo.InvariantCulture)] = entry.Get(SearchFields.Stamp, CultureInfo.InvariantCulture) ?? "";
        }

        return stamps;
    }

    /// <summary>Every matching doc number (top-level), unscored.</summary>
    private sealed class AllDocs : ICollector
    {
        private int docBase;

        public List<int> Docs { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;

        public void Collect(int doc) => Docs.Add(docBase + doc);
    }
}

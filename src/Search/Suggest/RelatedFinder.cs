using KnowledgeHub.Documents;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>
/// "Related documents and lessons": a MoreLikeThis query per text field (<see cref="LikeTerms"/>) — the title and the body, each on its
/// SmartCn field and its CJK-bigram field, analyzed as the index analyzes them — joined, then run once for the
/// documents and the lessons the caller may read, without the document's own entries, keeping the best of each kind.
/// Tuned for a small corpus: a word counts from its first use and its first entry; single characters, English
/// stop words and words in more than half of the entries are left out.
/// </summary>
internal sealed class RelatedFinder(SearchAnalyzer analyzer)
{
    private const int MaxQueryTerms = 25;
    private const int MaxDocFreqPercent = 50;
    private const int MinWordLength = 2;

    /// <summary>Characters of a text analyzed to find what is like it: the start of a long text says what it is about, and analysis costs its length.</summary>
    internal const int MaxLikeTextLength = 20_000;

    /// <summary>Entries like document <paramref name="documentId"/>; none when the caller may not read it.</summary>
    public RelatedResults FindFor(IndexSearcher searcher, string documentId, Caller caller, int max)
    {
        var own = new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(new Term(SearchFields.Id, documentId)), Occur.MUST },
            { new TermQuery(new Term(SearchFields.Kind, EntryKinds.Document)), Occur.MUST },
            { ConstraintQueries.Readable(caller.Principals), Occur.MUST },
        };
        var found = searcher.Search(own, 1).ScoreDocs;
        if (found.Length == 0)
        {
            return RelatedResults.None;
        }

        var entry = StoredEntry.Load(searcher, found[0].Doc);
        return Find(searcher, entry.Title, entry.Body, caller, documentId, max, found[0].Doc);
    }

    /// <summary>
    /// Entries like the text. <paramref name="indexed"/>: the text is that indexed entry's, whose body term
    /// vectors stand in for analyzing the body again with SmartCn (the costly analysis).
    /// </summary>
    public RelatedResults Find(IndexSearcher searcher, string title, string body, Caller caller, string? excludeDocumentId, int max, int? indexed = null)
    {
        var like = Like(searcher.IndexReader, title, body, indexed);
        if (like is null || max <= 0)
        {
            return RelatedResults.None;
        }

        // One pass over the query's matches for both lists: the documents and the lessons the caller may read (the access
        // filters searches cache per segment), each match kept in its kind's top list.
        var documents = AccessFilters.For(EntryKinds.Document, caller.Principals);
        var filter = new BooleanFilter
        {
            new FilterClause(documents, Occur.SHOULD),
            new FilterClause(AccessFilters.For(EntryKinds.Lesson, caller.Principals), Occur.SHOULD),
        };
        if (excludeDocumentId is not null)
        {
            filter.Add(new FilterClause(new QueryWrapperFilter(new TermQuery(new Term(SearchFields.DocId, excludeDocumentId))), Occur.MUST_NOT));
        }

        var byKind = new ByKind(documents, max);
        searcher.Search(new FilteredQuery(like, filter), byKind);
        return new RelatedResults(Hits(searcher, byKind.Documents, lesson: false), Hits(searcher, byKind.Lessons, lesson: true));
    }

    private static List<RelatedHit> Hits(IndexSearcher searcher, TopScoreDocCollector top, bool lesson) =>
    [
        .. top.GetTopDocs().ScoreDocs.Select(d => (Doc: d, Entry: StoredEntry.Load(searcher, d.Doc)))
            .Select(h => new RelatedHit(h.Entry.DocumentId, h.Entry.Title, lesson ? h.Entry.Body : null, h.Entry.Type, h.Entry.Status, h.Doc.Score)),
    ];

    private BooleanQuery? Like(IndexReader reader, string title, string body, int? indexed)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var (field, text, boost) in new[]
        {
            (SearchFields.Title, title, 2f), (SearchFields.TitleCjk, title, 2f), (SearchFields.Body, body, 1f), (SearchFields.BodyCjk, body, 1f),
        })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var words = new LikeTerms(StopAnalyzer.ENGLISH_STOP_WORDS_SET, MinWordLength);
            _ = field == SearchFields.Body && indexed is { } doc
                ? words.AddVector(reader, doc, field, analyzer)
                : words.AddText(analyzer, field, text.Length > MaxLikeTextLength ? text[..MaxLikeTextLength] : text);
            if (words.Query(reader, field, MaxQueryTerms, MaxDocFreqPercent) is { } query)
            {
                query.Boost = boost;
                any.Add(query, Occur.SHOULD);
            }
        }

        return any.Clauses.Count == 0 ? null : any;
    }

    /// <summary>
    /// The best <c>max</c> documents and the best <c>max</c> lessons of one search: a match is a document when the
    /// documents' access filter has it (the search's filter lets only readable documents and lessons through). Each list
    /// ranks as a search for its kind alone would, ties to the earlier entry.
    /// </summary>
    private sealed class ByKind(Filter documentFilter, int max) : ICollector
    {
        private Lucene.Net.Util.IBits? isDocument;

        public TopScoreDocCollector Documents { get; } = TopScoreDocCollector.Create(max, docsScoredInOrder: true);

        public TopScoreDocCollector Lessons { get; } = TopScoreDocCollector.Create(max, docsScoredInOrder: true);

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer)
        {
            Documents.SetScorer(scorer);
            Lessons.SetScorer(scorer);
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Documents.SetNextReader(context);
            Lessons.SetNextReader(context);
            isDocument = documentFilter.GetDocIdSet(context, null)?.Bits;
        }

        public void Collect(int doc)
        {
            if (isDocument?.Get(doc) == true)
            {
                Documents.Collect(doc);
            }
            else
            {
                Lessons.Collect(doc);
            }
        }
    }
}

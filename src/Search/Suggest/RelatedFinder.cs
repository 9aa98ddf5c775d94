using KnowledgeHub.Documents;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

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
        // filters searches cache per segment) are the accepted entries, each match kept in its kind's top list. The
        // query is a wide disjunction (up to 60 words, some in half the entries): scored out of order, in blocks, which
        // is what Lucene does for such a query when the collector allows it.
        var documents = AccessFilters.For(EntryKinds.Document, caller.Principals);
        var lessons = AccessFilters.For(EntryKinds.Lesson, caller.Principals);
        var excluded = excludeDocumentId is null ? null : new Term(SearchFields.DocId, excludeDocumentId);
        var weight = searcher.CreateNormalizedWeight(like);
        var byKind = new ByKind(max);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var (isDocument, isLesson) = (documents.GetDocIdSet(leaf, null)?.Bits, lessons.GetDocIdSet(leaf, null)?.Bits);
            if (isDocument is null && isLesson is null)
            {
                continue;
            }

            byKind.SetNextReader(leaf, isDocument);
            var accepted = new Accepted(isDocument, isLesson, leaf.AtomicReader.LiveDocs, Own(leaf.AtomicReader, excluded), leaf.AtomicReader.MaxDoc);
            weight.GetBulkScorer(leaf, scoreDocsInOrder: false, accepted)?.Score(byKind);
        }

        return new RelatedResults(Hits(searcher, byKind.Documents, lesson: false), Hits(searcher, byKind.Lessons, lesson: true));
    }

    /// <summary>The segment's entries of the excluded document (the document and its lessons and items: a few), or null.</summary>
    private static HashSet<int>? Own(AtomicReader reader, Term? excluded)
    {
        if (excluded is null || reader.GetTermDocsEnum(excluded) is not { } docs)
        {
            return null;
        }

        var own = new HashSet<int>();
        for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
        {
            own.Add(doc);
        }

        return own;
    }

    /// <summary>
    /// The entries of a segment a related list may show, asked per match: live, a readable document or lesson (the access
    /// filters' cached sets), none of the excluded document's own. Nothing is built per search that grows with the segment.
    /// </summary>
    private sealed class Accepted(IBits? documents, IBits? lessons, IBits? live, HashSet<int>? own, int length) : IBits
    {
        public int Length => length;

        public bool Get(int index) =>
            (documents?.Get(index) == true || lessons?.Get(index) == true) && live?.Get(index) != false && own?.Contains(index) != true;
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
            if (field == SearchFields.Body && indexed is { } doc)
            {
                words.AddVector(reader, doc, field, analyzer);
            }
            else
            {
                words.AddText(analyzer, field, text.Length > MaxLikeTextLength ? text[..MaxLikeTextLength] : text);
            }
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
    private sealed class ByKind(int max) : ICollector
    {
        private IBits? isDocument;

        public TopScoreDocCollector Documents { get; } = TopScoreDocCollector.Create(max, docsScoredInOrder: false);

        public TopScoreDocCollector Lessons { get; } = TopScoreDocCollector.Create(max, docsScoredInOrder: false);

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
            Documents.SetScorer(scorer);
            Lessons.SetScorer(scorer);
        }

        public void SetNextReader(AtomicReaderContext context, IBits? documents)
        {
            SetNextReader(context);
            isDocument = documents;
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Documents.SetNextReader(context);
            Lessons.SetNextReader(context);
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

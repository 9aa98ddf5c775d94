using KnowledgeHub.Documents;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>
/// "Related documents and lessons": a MoreLikeThis query per text field — the title and the body, each on its
/// SmartCn field and its CJK-bigram field, analyzed as the index analyzes them — joined, then run twice, for
/// documents and for lessons, inside the caller's access filter and without the document's own entries.
/// Tuned for a small corpus: a word counts from its first use and its first entry; single characters, English
/// stop words and words in more than half of the entries are left out.
/// </summary>
internal sealed class RelatedFinder(SearchAnalyzer analyzer)
{
    private const int MaxQueryTerms = 25;
    private const int MaxDocFreqPercent = 50;

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

        return new RelatedResults(
            Run(searcher, like, EntryKinds.Document, caller, excludeDocumentId, max, lesson: false),
            Run(searcher, like, EntryKinds.Lesson, caller, excludeDocumentId, max, lesson: true));
    }

    private static List<RelatedHit> Run(IndexSearcher searcher, Query like, string kind, Caller caller, string? excluded, int max, bool lesson)
    {
        var filter = new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(new Term(SearchFields.Kind, kind)), Occur.MUST },
            { ConstraintQueries.Readable(caller.Principals), Occur.MUST },
        };
        if (excluded is not null)
        {
            filter.Add(new TermQuery(new Term(SearchFields.DocId, excluded)), Occur.MUST_NOT);
        }

        var top = searcher.Search(ConstraintQueries.Restrict(like, filter), max);
        return
        [
            .. top.ScoreDocs.Select(d => (Doc: d, Entry: StoredEntry.Load(searcher, d.Doc)))
                .Select(h => new RelatedHit(h.Entry.DocumentId, h.Entry.Title, lesson ? h.Entry.Body : null, h.Entry.Type, h.Entry.Status, h.Doc.Score)),
        ];
    }

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

            var mlt = new MoreLikeThis(reader)
            {
                Analyzer = analyzer,
                FieldNames = [field],
                MinTermFreq = 1,
                MinDocFreq = 1,
                MinWordLen = 2,
                MaxQueryTerms = MaxQueryTerms,
                StopWords = StopAnalyzer.ENGLISH_STOP_WORDS_SET,
                ApplyBoost = true,
            };
            mlt.SetMaxDocFreqPct(MaxDocFreqPercent);
            using var reading = new StringReader(text.Length > MaxLikeTextLength ? text[..MaxLikeTextLength] : text);
            var query = field == SearchFields.Body && indexed is { } doc ? mlt.Like(doc) : mlt.Like(reading, field);
            if (query is BooleanQuery { Clauses.Count: > 0 })
            {
                query.Boost = boost;
                any.Add(query, Occur.SHOULD);
            }
        }

        return any.Clauses.Count == 0 ? null : any;
    }
}

using System.Runtime.InteropServices;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace KnowledgeHub.Search;

/// <summary>
/// The "more like this" query of one field: Lucene's <see cref="MoreLikeThis"/> term selection — the same words (noise
/// words, stop words and the token cap as there), the same document-frequency bounds, the same tf·idf scores and boosts,
/// the same order among equal scores (its priority queue) — with each word's document frequency read through one terms
/// enumerator per segment. <see cref="MoreLikeThis"/> asks the composite reader for each word, which makes a new
/// enumerator per word and segment: at 20k documents a document page's related list spent 6.7 ms and 2.2 MB on that
/// for its body alone. A test holds the queries equal to <see cref="MoreLikeThis"/>'s.
/// </summary>
internal sealed class LikeTerms
{
    private static readonly TFIDFSimilarity Similarity = new DefaultSimilarity();

    // Insertion-ordered (no word is ever removed), as MoreLikeThis's map is: equal scores leave its queue in that order.
    private readonly Dictionary<string, int> frequencies = new(StringComparer.Ordinal);
    private readonly CharArraySet stopWords;
    private readonly int minWordLength;

    public LikeTerms(CharArraySet stopWords, int minWordLength)
    {
        this.stopWords = stopWords;
        this.minWordLength = minWordLength;
    }

    /// <summary>Counts the words <paramref name="analyzer"/> makes of <paramref name="text"/> for <paramref name="field"/>, up to MoreLikeThis's token cap.</summary>
    public LikeTerms AddText(Analyzer analyzer, string field, string text)
    {
        using var reader = new StringReader(text);
        var stream = analyzer.GetTokenStream(field, reader);
        try
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            var tokens = 0;
            while (stream.IncrementToken())
            {
                if (++tokens > MoreLikeThis.DEFAULT_MAX_NUM_TOKENS_PARSED)
                {
                    break;
                }

                var word = term.ToString();
                if (!IsNoise(word))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(frequencies, word, out _)++;
                }
            }

            stream.End();
        }
        finally
        {
            stream.Dispose();
        }

        return this;
    }

    /// <summary>
    /// Counts the words of an indexed entry's term vector for <paramref name="field"/>; without one, of its stored values
    /// as <paramref name="analyzer"/> makes them.
    /// </summary>
    public LikeTerms AddVector(IndexReader reader, int doc, string field, Analyzer analyzer)
    {
        var vector = reader.GetTermVectors(doc)?.GetTerms(field);
        if (vector is null)
        {
            foreach (var value in reader.Document(doc).GetValues(field, System.Globalization.CultureInfo.InvariantCulture))
            {
                AddText(analyzer, field, value);
            }

            return this;
        }

        var terms = vector.GetEnumerator();
        while (terms.MoveNext())
        {
            var word = terms.Term.Utf8ToString();
            if (!IsNoise(word))
            {
                CollectionsMarshal.GetValueRefOrAddDefault(frequencies, word, out _) += (int)terms.TotalTermFreq;
            }
        }

        return this;
    }

    /// <summary>
    /// The <paramref name="maxTerms"/> best words as SHOULD term queries on <paramref name="field"/>, each boosted by its
    /// score over the best one's; words in more than <paramref name="maxDocFreqPercent"/> percent of the entries, or in
    /// none, are left out. Null when no word is left.
    /// </summary>
    public BooleanQuery? Query(IndexReader reader, string field, int maxTerms, int maxDocFreqPercent)
    {
        var numDocs = reader.NumDocs;
        var maxDocFreq = maxDocFreqPercent * numDocs / 100;
        var enums = reader.Leaves.Select(leaf => leaf.AtomicReader.GetTerms(field)?.GetEnumerator()).Where(e => e is not null).ToList();
        var queue = new ScoreQueue(frequencies.Count);
        var bytes = new BytesRef();
        foreach (var (word, tf) in frequencies)
        {
            bytes.CopyChars(word);
            var docFreq = 0;
            foreach (var terms in enums)
            {
                if (terms!.SeekExact(bytes))
                {
                    docFreq += terms.DocFreq;
                }
            }

            if (docFreq == 0 || docFreq > maxDocFreq)
            {
                continue;
            }

            queue.InsertWithOverflow(new Scored(word, tf * Similarity.Idf(docFreq, numDocs)));
        }

        var query = new BooleanQuery();
        var best = 0f;
        while (query.Clauses.Count < maxTerms && queue.Pop() is { } next)
        {
            best = query.Clauses.Count == 0 ? next.Score : best;
            query.Add(new TermQuery(new Term(field, next.Word)) { Boost = next.Score / best }, Occur.SHOULD);
        }

        return query.Clauses.Count == 0 ? null : query;
    }

    private bool IsNoise(string word) => word.Length < minWordLength || stopWords.Contains(word);

    private sealed record Scored(string Word, float Score);

    /// <summary>MoreLikeThis's queue: the highest score on top.</summary>
    private sealed class ScoreQueue(int size) : Lucene.Net.Util.PriorityQueue<Scored>(size)
    {
        protected override bool LessThan(Scored a, Scored b) => a.Score > b.Score;
    }
}

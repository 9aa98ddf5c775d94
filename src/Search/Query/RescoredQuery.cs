using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>
/// A query whose <see cref="Bonus"/> only reorders what <see cref="Matching"/> finds: it matches exactly what
/// <see cref="Matching"/> matches, and a document's score is <see cref="Matching"/>'s plus <see cref="Bonus"/>'s when the
/// bonus matches too. The bonus is the words' proximity (the text as typed as one phrase, a Chinese run whole): exact
/// phrases on every field, whose positions are the costliest part of a search of two or more words, and which never
/// decide whether a document is a hit.
/// <para>
/// Searched as any query (a count, "is there one", a sort by date), it is <see cref="Matching"/> alone where the bonus
/// cannot matter, and <see cref="Matching"/> with the bonus as an optional clause everywhere else (<see cref="Rewrite"/>).
/// A page by relevance (<see cref="EntrySearcher.Run"/>) ranks by <see cref="Matching"/>, then adds the bonus to the
/// first <see cref="Window"/> hits only and reorders them (<see cref="Rescore"/>) — what Elasticsearch's rescore and
/// Solr's re-rank do. Within the window the order is the one of both queries together, score for score (both are
/// normalized as one query); below it, a document is where <see cref="Matching"/> put it.
/// </para>
/// </summary>
internal sealed class RescoredQuery : Query
{
    /// <summary>
    /// How many of the first hits by <see cref="Matching"/> get the bonus: ten pages of ten. A document the proximity
    /// would lift onto the first page from below the 200th hit by the words alone has the words far less often or in
    /// far longer text than the 200 above it.
    /// </summary>
    public const int Window = 200;

    public RescoredQuery(Query matching, Query bonus)
    {
        ArgumentNullException.ThrowIfNull(matching);
        ArgumentNullException.ThrowIfNull(bonus);
        Matching = matching;
        Bonus = bonus;
    }

    /// <summary>What decides the hits, and their first ranking.</summary>
    public Query Matching { get; }

    /// <summary>What adds to the score of a hit it matches; never required.</summary>
    public Query Bonus { get; }

    /// <summary>The query for a count or a match: the bonus adds nothing to either.</summary>
    public static Query MatchingOf(Query query) => query is RescoredQuery rescored ? rescored.Matching : query;

    /// <summary>Both as one query: <see cref="Matching"/> required, the bonus optional, scores added.</summary>
    public BooleanQuery Whole()
    {
        var whole = new BooleanQuery(disableCoord: true)
        {
            { Matching, Occur.MUST },
            { Bonus, Occur.SHOULD },
        };
        whole.Boost = Boost;
        return whole;
    }

    public override Query Rewrite(IndexReader reader) => Whole();

    public override void ExtractTerms(ISet<Term> terms)
    {
        Matching.ExtractTerms(terms);
        Bonus.ExtractTerms(terms);
    }

    public override string ToString(string field) => Whole().ToString(field);

    public override bool Equals(object? obj) =>
        obj is RescoredQuery other && Boost.Equals(other.Boost) && Matching.Equals(other.Matching) && Bonus.Equals(other.Bonus);

    public override int GetHashCode() => HashCode.Combine(Boost, Matching, Bonus);

    /// <summary>
    /// The weights of <paramref name="matching"/> and <paramref name="bonus"/>, normalized as the one query they make
    /// together (Lucene's query norm is over every clause): a hit's two scores then add up to its score by both.
    /// </summary>
    public static (Weight Matching, Weight Bonus) Weights(IndexSearcher searcher, Query matching, Query bonus)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var matchingWeight = searcher.Rewrite(matching).CreateWeight(searcher);
        var bonusWeight = searcher.Rewrite(bonus).CreateWeight(searcher);
        var norm = searcher.Similarity.QueryNorm(matchingWeight.GetValueForNormalization() + bonusWeight.GetValueForNormalization());
        if (float.IsInfinity(norm) || float.IsNaN(norm))
        {
            norm = 1f;
        }

        matchingWeight.Normalize(norm, 1f);
        bonusWeight.Normalize(norm, 1f);
        return (matchingWeight, bonusWeight);
    }

    /// <summary>Every hit of <paramref name="weight"/> into <paramref name="collector"/>, segment by segment, as <see cref="IndexSearcher"/> searches a query.</summary>
    public static void Search(IndexSearcher searcher, Weight weight, ICollector collector)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(collector);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            try
            {
                collector.SetNextReader(leaf);
            }
            catch (CollectionTerminatedException)
            {
                continue;
            }

            if (weight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs) is { } scorer)
            {
                try
                {
                    scorer.Score(collector);
                }
                catch (CollectionTerminatedException)
                {
                    // the collector has what it wants from this segment
                }
            }
        }
    }

    /// <summary>
    /// <paramref name="ranked"/> (by score, best first) with <paramref name="bonus"/>'s score added to each of its first
    /// <paramref name="window"/> hits that the bonus matches, those reordered by the new score (equal scores by document
    /// number, as Lucene breaks ties); the hits below the window keep their order after them. New score documents; the
    /// array given is not changed.
    /// </summary>
    public static ScoreDoc[] Rescore(IndexSearcher searcher, ScoreDoc[] ranked, Weight bonus, int window = Window)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(bonus);
        var size = Math.Min(Math.Max(window, 0), ranked.Length);
        var top = new ScoreDoc[size];
        for (var i = 0; i < size; i++)
        {
            top[i] = new ScoreDoc(ranked[i].Doc, ranked[i].Score);
        }

        // A scorer only moves forward: visit the window in document order, segment by segment.
        var byDocument = (ScoreDoc[])top.Clone();
        Array.Sort(byDocument, (a, b) => a.Doc.CompareTo(b.Doc));
        var leaves = searcher.IndexReader.Leaves;
        var leafIndex = -1;
        var (docBase, end) = (0, 0);
        Scorer? scorer = null;
        foreach (var hit in byDocument)
        {
            while (hit.Doc >= end)
            {
                var leaf = leaves[++leafIndex];
                (docBase, end) = (leaf.DocBase, leaf.DocBase + leaf.Reader.MaxDoc);
                scorer = bonus.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            }

            if (scorer is null)
            {
                continue;
            }

            var target = hit.Doc - docBase;
            var at = scorer.DocID < target ? scorer.Advance(target) : scorer.DocID;
            if (at == target)
            {
                hit.Score += scorer.GetScore();
            }
        }

        Array.Sort(top, (a, b) => b.Score.CompareTo(a.Score) is var byScore && byScore != 0 ? byScore : a.Doc.CompareTo(b.Doc));
        return [.. top, .. ranked.Skip(size)];
    }
}

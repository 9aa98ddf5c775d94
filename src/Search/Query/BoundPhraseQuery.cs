using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace KnowledgeHub.Search;

/// <summary>
/// An exact phrase (<see cref="PhraseQuery"/> of slop 0) whose terms' lookups are given (<see cref="TermContexts"/>):
/// Lucene's phrase weight looks every term up again in every segment each time a query is weighed — a Chinese word is a
/// phrase of its bigrams in up to seven fields, and the notes, the counts and the next user's search weigh the same
/// phrases again (<c>TermContext.Build</c> under the phrase weight was 6.5 % of the search page's CPU at 20k documents).
/// Matches and scores are the phrase query's: the same similarity weight of the same statistics, a document's score
/// from the number of times the phrase occurs in it.
/// </summary>
internal sealed class BoundPhraseQuery : PhraseQuery
{
    private readonly TermContext[] contexts;

    public BoundPhraseQuery(PhraseQuery phrase, TermContext[] contexts)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        ArgumentNullException.ThrowIfNull(contexts);
        var terms = phrase.GetTerms();
        var positions = phrase.GetPositions();
        if (phrase.Slop != 0 || terms.Length < 2 || contexts.Length != terms.Length)
        {
            throw new ArgumentException("An exact phrase of two terms or more, with a lookup for each.", nameof(phrase));
        }

        for (var i = 0; i < terms.Length; i++)
        {
            Add(terms[i], positions[i]);
        }

        Boost = phrase.Boost;
        this.contexts = contexts;
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new BoundWeight(this, searcher);

    /// <summary>Lucene's phrase weight with the terms' lookups given rather than built.</summary>
    private sealed class BoundWeight : Weight
    {
        private readonly BoundPhraseQuery query;
        private readonly Term[] terms;
        private readonly int[] positions;
        private readonly TermContext[] contexts;
        private readonly Similarity similarity;
        private readonly Similarity.SimWeight stats;

        public BoundWeight(BoundPhraseQuery query, IndexSearcher searcher)
        {
            this.query = query;
            terms = query.GetTerms();
            positions = query.GetPositions();
            similarity = searcher.Similarity;

            // Lookups of another version of the index (a bound query kept and searched again later) are built anew.
            var top = searcher.TopReaderContext;
            contexts = [.. query.contexts.Select((c, i) => c.TopReaderContext == top ? c : TermContext.Build(top, terms[i]))];
            var termStats = new TermStatistics[terms.Length];
            for (var i = 0; i < terms.Length; i++)
            {
                termStats[i] = searcher.TermStatistics(terms[i], contexts[i]);
            }

            stats = similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(terms[0].Field), termStats);
        }

        public override Query Query => query;

        public override float GetValueForNormalization() => stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            if (context.AtomicReader.GetTerms(terms[0].Field) is not { } fieldTerms)
            {
                return null;
            }

            var termsEnum = fieldTerms.GetEnumerator();
            var postings = new (DocsAndPositionsEnum Postings, int DocFreq, int Position)[terms.Length];
            for (var i = 0; i < terms.Length; i++)
            {
                if (contexts[i].Get(context.Ord) is not { } state)
                {
                    return null; // the term is in no document of this segment
                }

                termsEnum.SeekExact(terms[i].Bytes, state);
                var positionsEnum = termsEnum.DocsAndPositions(acceptDocs, null, DocsAndPositionsFlags.NONE)
                    ?? throw new InvalidOperationException($"Field \"{terms[i].Field}\" was indexed without positions: no phrase can be searched in it.");
                postings[i] = (positionsEnum, termsEnum.DocFreq, positions[i]);
            }

            // The rarest term leads: the others are advanced to its documents.
            Array.Sort(postings, (a, b) => a.DocFreq != b.DocFreq ? a.DocFreq.CompareTo(b.DocFreq) : a.Position.CompareTo(b.Position));
            return new ExactScorer(this, postings, similarity.GetSimScorer(stats, context));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is { } scorer && scorer.Advance(doc) == doc)
            {
                var freq = scorer.Freq;
                var score = similarity.GetSimScorer(stats, context).Explain(doc, new Explanation(freq, "phraseFreq=" + freq));
                var result = new ComplexExplanation(true, score.Value, $"weight({query} in {doc}) [{similarity.GetType().Name}], result of:");
                result.AddDetail(score);
                return result;
            }

            return new ComplexExplanation(false, 0f, "no matching term");
        }
    }

    /// <summary>
    /// The documents where every term occurs at its place in the phrase, and how often the phrase occurs in each: the
    /// leading term's positions (less its place) are the candidates, each other term's keep those it has too.
    /// </summary>
    private sealed class ExactScorer : Scorer
    {
        private readonly DocsAndPositionsEnum[] postings;
        private readonly int[] places;
        private readonly Similarity.SimScorer docScorer;
        private int[] starts = new int[16];
        private int doc = -1;
        private int freq;

        public ExactScorer(Weight weight, (DocsAndPositionsEnum Postings, int DocFreq, int Position)[] terms, Similarity.SimScorer docScorer)
            : base(weight)
        {
            postings = [.. terms.Select(t => t.Postings)];
            places = [.. terms.Select(t => t.Position)];
            this.docScorer = docScorer;
        }

        public override int DocID => doc;

        public override int Freq => freq;

        public override float GetScore() => docScorer.Score(doc, freq);

        public override long GetCost() => postings[0].GetCost();

        public override int NextDoc() => Align(postings[0].NextDoc());

        public override int Advance(int target) => Align(postings[0].Advance(target));

        /// <summary>From the leading term's document <paramref name="target"/> on, the first document that has the phrase.</summary>
        private int Align(int target)
        {
            while (target != NO_MORE_DOCS)
            {
                var next = target;
                for (var i = 1; i < postings.Length && next == target; i++)
                {
                    next = postings[i].DocID < target ? postings[i].Advance(target) : postings[i].DocID;
                }

                if (next == NO_MORE_DOCS)
                {
                    break;
                }

                if (next != target)
                {
                    target = postings[0].Advance(next);
                    continue;
                }

                doc = target;
                if ((freq = PhraseFreq()) > 0)
                {
                    return doc;
                }

                target = postings[0].NextDoc();
            }

            freq = 0;
            return doc = NO_MORE_DOCS;
        }

        /// <summary>How many times the phrase starts in the current document: starts every term has at its place.</summary>
        private int PhraseFreq()
        {
            var lead = postings[0];
            var count = lead.Freq;
            if (starts.Length < count)
            {
                starts = new int[ArrayUtil.Oversize(count, sizeof(int))];
            }

            for (var k = 0; k < count; k++)
            {
                starts[k] = lead.NextPosition() - places[0];
            }

            for (var i = 1; i < postings.Length && count > 0; i++)
            {
                var term = postings[i];
                var (kept, candidate) = (0, 0);
                for (var left = term.Freq; left > 0 && candidate < count; left--)
                {
                    var start = term.NextPosition() - places[i];
                    while (candidate < count && starts[candidate] < start)
                    {
                        candidate++;
                    }

                    if (candidate < count && starts[candidate] == start)
                    {
                        starts[kept++] = start;
                        candidate++;
                    }
                }

                count = kept;
            }

            return count;
        }
    }
}

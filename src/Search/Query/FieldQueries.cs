using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeHub.Search.Querying;

/// <summary>A query the analysis built for one field, copied onto another field of the same analysis chain.</summary>
internal static class FieldQueries
{
    /// <summary>
    /// <paramref name="query"/> (what <see cref="Lucene.Net.Util.QueryBuilder"/> makes of a text: a term, a phrase, a
    /// multi-phrase or a boolean query of terms) with every term on <paramref name="field"/> (its own copy of the bytes, as
    /// the query builder makes them: no two queries share a term's bytes), boost 1; null for any other
    /// kind of query, which the caller builds afresh.
    /// </summary>
    public static Query? OnField(Query query, string field)
    {
        switch (query)
        {
            case TermQuery term:
                return new TermQuery(new Term(field, BytesRef.DeepCopyOf(term.Term.Bytes)));
            case PhraseQuery phrase:
                var copy = new PhraseQuery { Slop = phrase.Slop };
                var terms = phrase.GetTerms();
                var positions = phrase.GetPositions();
                for (var i = 0; i < terms.Length; i++)
                {
                    copy.Add(new Term(field, BytesRef.DeepCopyOf(terms[i].Bytes)), positions[i]);
                }

                return copy;
            case MultiPhraseQuery multi:
                var multiCopy = new MultiPhraseQuery { Slop = multi.Slop };
                var arrays = multi.GetTermArrays();
                var places = multi.GetPositions();
                for (var i = 0; i < arrays.Count; i++)
                {
                    multiCopy.Add([.. arrays[i].Select(t => new Term(field, BytesRef.DeepCopyOf(t.Bytes)))], places[i]);
                }

                return multiCopy;
            case BooleanQuery boolean:
                var booleanCopy = new BooleanQuery(boolean.CoordDisabled) { MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
                foreach (var clause in boolean.Clauses)
                {
                    if (OnField(clause.Query, field) is not { } inner)
                    {
                        return null;
                    }

                    inner.Boost = clause.Query.Boost;
                    booleanCopy.Add(inner, clause.Occur);
                }

                return booleanCopy;
            default:
                return null;
        }
    }
}

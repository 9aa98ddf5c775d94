using Lucene.Net.Analysis.Core;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// <see cref="LikeTerms"/> reads document frequencies its own way to be cheaper; the query it makes must be Lucene's
/// <see cref="MoreLikeThis"/> query, term for term and boost for boost, so related lists rank as before.
/// </summary>
public sealed class LikeTermsTests(SampleCorpus corpus) : IClassFixture<SampleCorpus>
{
    private static readonly string[] Fields = [SearchFields.Title, SearchFields.TitleCjk, SearchFields.Body, SearchFields.BodyCjk];

    [Fact]
    public void Every_entrys_query_of_every_field_is_more_like_this_query_from_its_text_and_from_its_term_vector()
    {
        var compared = corpus.Host.Index.Search(searcher =>
        {
            var reader = searcher.IndexReader;
            var count = 0;
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                var entry = reader.Document(doc);
                foreach (var field in Fields)
                {
                    var text = entry.Get(field.StartsWith(SearchFields.Title, StringComparison.Ordinal) ? SearchFields.Title : SearchFields.Body) ?? "";
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    var expected = Expected(reader, field).Like(new StringReader(text), field);
                    var actual = new LikeTerms(StopAnalyzer.ENGLISH_STOP_WORDS_SET, 2).AddText(corpus.Host.Analyzer, field, text).Query(reader, field, 25, 50);
                    AssertSame(expected, actual, $"{field} of entry {doc} (text)");
                    count++;
                    if (field == SearchFields.Body)
                    {
                        var fromVector = new LikeTerms(StopAnalyzer.ENGLISH_STOP_WORDS_SET, 2).AddVector(reader, doc, field, corpus.Host.Analyzer).Query(reader, field, 25, 50);
                        AssertSame(Expected(reader, field).Like(doc), fromVector, $"{field} of entry {doc} (term vector)");
                        count++;
                    }
                }
            }

            return count;
        });

        Assert.True(compared > 200, $"only {compared} queries compared");
    }

    [Fact]
    public void Stop_words_and_words_no_entry_has_make_no_query()
    {
        corpus.Host.Index.Search(searcher =>
        {
            var query = new LikeTerms(StopAnalyzer.ENGLISH_STOP_WORDS_SET, 2).AddText(corpus.Host.Analyzer, SearchFields.BodyCjk, "the and of zzqxv").Query(searcher.IndexReader, SearchFields.BodyCjk, 25, 50);
            Assert.Null(query);
            return 0;
        });
    }

    private MoreLikeThis Expected(Lucene.Net.Index.IndexReader reader, string field)
    {
        var mlt = new MoreLikeThis(reader)
        {
            Analyzer = corpus.Host.Analyzer,
            FieldNames = [field],
            MinTermFreq = 1,
            MinDocFreq = 1,
            MinWordLen = 2,
            MaxQueryTerms = 25,
            StopWords = StopAnalyzer.ENGLISH_STOP_WORDS_SET,
            ApplyBoost = true,
        };
        mlt.SetMaxDocFreqPct(50);
        return mlt;
    }

    private static void AssertSame(Lucene.Net.Search.Query expected, BooleanQuery? actual, string what)
    {
        var want = ((BooleanQuery)expected).Clauses;
        var got = actual?.Clauses ?? [];
        Assert.True(want.Count == got.Count, $"{what}: {want.Count} terms expected, {got.Count} made");
        for (var i = 0; i < want.Count; i++)
        {
            var (w, g) = ((TermQuery)want[i].Query, (TermQuery)got[i].Query);
            Assert.True(w.Term.Equals(g.Term) && w.Boost == g.Boost && want[i].Occur == got[i].Occur, $"{what}, term {i}: expected {w}, made {g}");
        }
    }
}

using KnowledgeHub.Search.Querying;
using LuceneQueryBuilder = Lucene.Net.Util.QueryBuilder;

namespace KnowledgeHub.Search.Tests.Query;

/// <summary>
/// A word is analysed once per analysis chain and its query copied onto the chain's other fields: the copy is the query
/// each field's own analysis builds, for every kind of word (Chinese, traditional, English, mixed, digits, symbols,
/// radicals, fullwidth, emoji, long and random text).
/// </summary>
public sealed class FieldQueriesTests
{
    private static readonly SearchAnalyzer Analyzer = new();

    public static TheoryData<string> Words() =>
    [
        "复盘", "单元格", "数据透视表", "會員日複盤", "⽇报", "retention", "Meeting", "minutes:", "GMV复盘", "618", "C++", "e-mail",
        "don't", "ＧＭＶ", "Q3", "😀", "a", "的", "表", "ConvertFromURL", "https://example.com/a/b?c=d", "v1.2.3", "双十一vs618",
        "Ａ－Ｂ", "naïve", "straße", "x" + new string('y', 300), string.Concat(Enumerable.Repeat("复盘", 200)),
    ];

    [Theory]
    [MemberData(nameof(Words))]
    public void A_word_searched_on_every_field_is_the_query_each_field_builds(string word) => AssertSameAsEachField(word);

    [Fact]
    public void Random_text_is_the_query_each_field_builds()
    {
        const string Alphabet = "abcXYZ019 -_.'表格复盘會員的了，。！ＡＢ１⽇😀\u00AD\u200B";
        var random = new Random(20261206);
        for (var i = 0; i < 300; i++)
        {
            var word = new string([.. Enumerable.Range(0, random.Next(1, 14)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            AssertSameAsEachField(word);
        }
    }

    /// <summary>Stacked tokens (none of our chains makes them today) come as a multi-phrase or a boolean query of terms: copied alike.</summary>
    [Fact]
    public void A_multi_phrase_and_a_boolean_query_of_terms_are_copied_with_their_positions_and_boosts()
    {
        var multi = new Lucene.Net.Search.MultiPhraseQuery { Slop = 1 };
        multi.Add([new Lucene.Net.Index.Term(SearchFields.Body, "复盘"), new Lucene.Net.Index.Term(SearchFields.Body, "覆盘")], 0);
        multi.Add([new Lucene.Net.Index.Term(SearchFields.Body, "要点")], 2);
        var synonyms = new Lucene.Net.Search.BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = 1 };
        synonyms.Add(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term(SearchFields.Body, "gmv")) { Boost = 2f }, Lucene.Net.Search.Occur.SHOULD);
        synonyms.Add(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term(SearchFields.Body, "成交额")), Lucene.Net.Search.Occur.SHOULD);

        Assert.Equal(multi.ToString().Replace("body:", "title:", StringComparison.Ordinal), FieldQueries.OnField(multi, SearchFields.Title)!.ToString());
        Assert.Equal(synonyms.ToString().Replace("body:", "title:", StringComparison.Ordinal), FieldQueries.OnField(synonyms, SearchFields.Title)!.ToString());
    }

    [Fact]
    public void A_query_of_another_kind_is_left_to_be_built_afresh() =>
        Assert.Null(FieldQueries.OnField(new Lucene.Net.Search.PrefixQuery(new Lucene.Net.Index.Term(SearchFields.Body, "tab")), SearchFields.Title));

    private static void AssertSameAsEachField(string word)
    {
        var natural = new NaturalQueries(Analyzer, null, ConfiguredSearchTimeZone.Shanghai, TimeProvider.System);
        var builder = new LuceneQueryBuilder(Analyzer);
        var expected = new List<string>();
        foreach (var (field, boost) in SearchQueryBuilder.WordFieldsFor(word))
        {
            if (builder.CreatePhraseQuery(field, word) is { } query)
            {
                query.Boost = boost;
                expected.Add(query.ToString());
            }
        }

        var actual = natural.AnyField(word) is Lucene.Net.Search.BooleanQuery anyField ? anyField.Clauses.Select(c => c.Query.ToString()).ToList() : [];
        Assert.Equal(expected, actual);
    }
}

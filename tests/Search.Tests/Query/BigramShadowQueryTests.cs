using Lucene.Net.Search;

namespace KnowledgeHub.Search.Tests.Query;

/// <summary>
/// Which fields a query searches: words and phrases without CJK text leave the bigram shadows of the body and the
/// attachments out and count their SmartCn field twice (the title keeps its shadow: the exact word form in a title
/// ranks a known item first); words with CJK text (or characters that normalize to it) keep every shadow.
/// </summary>
public sealed class BigramShadowQueryTests
{
    private static readonly SearchAnalyzer Analyzer = new();
    private static readonly string[] SkippedShadows = [SearchFields.BodyCjk, SearchFields.AttachmentTextCjk];

    [Theory]
    [InlineData("table")]
    [InlineData("pivot table")]
    [InlineData("\"pivot table\"")]
    [InlineData("table OR chart")]
    [InlineData("chart -pie")]
    [InlineData("title:table")]
    [InlineData("body:\"pivot table\"")]
    [InlineData("618 GMV")]
    [InlineData("café naïve")]
    public void Text_without_CJK_is_not_searched_on_the_long_bigram_shadows(string text)
    {
        var clauses = Clauses(new SearchQueryBuilder(Analyzer).ParseSearch(text).Query);

        Assert.NotEmpty(clauses);
        Assert.DoesNotContain(clauses, c => SkippedShadows.Contains(c.Field));
        Assert.Contains(clauses, c => c.Field is SearchFields.Title or SearchFields.Body);
    }

    [Theory]
    [InlineData("form*", SearchFields.Body, SearchFields.BodyCjk)]
    [InlineData("streami*", SearchFields.Body, SearchFields.BodyCjk)]
    [InlineData("body:streami*", SearchFields.Body, SearchFields.BodyCjk)]
    [InlineData("streami*", SearchFields.AttachmentText, SearchFields.AttachmentTextCjk)]
    public void A_prefix_without_CJK_is_also_searched_unstemmed_on_the_shadow_the_better_of_the_two_counting(string text, string field, string shadow)
    {
        // streami* is in no stemmed term (streaming is indexed as stream): the shadow holds the word as written. Taking
        // the better of the two keeps the score of a document both find.
        var query = new SearchQueryBuilder(Analyzer).ParseSearch(text).Query;

        var max = Assert.Single(DisjunctionsOf(query), d => d.Disjuncts.OfType<PrefixQuery>().Any(p => p.Prefix.Field == shadow));
        Assert.Equal(0f, max.TieBreakerMultiplier);
        Assert.Contains(Clauses(max.Disjuncts[0]), c => c.Field == field);
        Assert.DoesNotContain(Clauses(query), c => c.Field == shadow); // only inside the disjunction, never a clause of its own
    }

    [Theory]
    [InlineData("表格")]
    [InlineData("数据透视表 格式")]
    [InlineData("\"数据透视表\"")]
    [InlineData("表格 OR 图表")]
    [InlineData("title:复盘")]
    [InlineData("Calc 函数")]
    [InlineData("⽇报")] // U+2F47, a Kangxi radical: normalized to 日 by the analyzers
    [InlineData("會員")]
    public void Text_with_CJK_is_searched_on_the_bigram_shadows_too(string text)
    {
        var clauses = Clauses(new SearchQueryBuilder(Analyzer).ParseSearch(text).Query);

        Assert.Contains(clauses, c => c.Field is SearchFields.BodyCjk or SearchFields.TitleCjk);
        Assert.Contains(clauses, c => c.Field is SearchFields.Body or SearchFields.Title);
    }

    [Fact]
    public void A_word_without_its_shadow_counts_its_field_twice_at_the_same_relative_weights()
    {
        var english = Boosts(new SearchQueryBuilder(Analyzer).ParseSearch("retention").Query);
        var chinese = Boosts(new SearchQueryBuilder(Analyzer).ParseSearch("留存").Query);

        Assert.Equal(chinese[SearchFields.Title], english[SearchFields.Title]);
        Assert.Equal(chinese[SearchFields.TitleCjk], english[SearchFields.TitleCjk]);
        Assert.Equal(chinese[SearchFields.Body] + chinese[SearchFields.BodyCjk], english[SearchFields.Body]);
        Assert.Equal(chinese[SearchFields.TagsText], english[SearchFields.TagsText]);
    }

    [Fact]
    public void The_parser_and_the_plain_words_search_weigh_an_English_word_alike()
    {
        var builder = new SearchQueryBuilder(Analyzer);

        Assert.Equal(Boosts(builder.Words("retention")), Boosts(builder.Parse("retention").Query));
        Assert.Equal(Boosts(builder.Words("retention")), Boosts(builder.ParseSearch("retention").Query));
    }

    [Theory]
    [InlineData("table", false)]
    [InlineData("Ünïcode № 5 ½ ① — “quoted”", false)]
    [InlineData("ﬁle", true)] // a ligature above U+2E80: searched both ways, which costs time but finds the same
    [InlineData("表", true)]
    [InlineData("⽇", true)] // Kangxi radical
    [InlineData("⺟", true)] // CJK Radicals Supplement
    [InlineData("ｔａｂｌｅ", true)] // fullwidth: normalized to ASCII, searched both ways
    [InlineData("𠀀", true)] // extension B, a surrogate pair
    [InlineData("カタカナ", true)]
    [InlineData("한국어", true)]
    public void Text_may_hold_CJK_from_the_radicals_block_upwards(string text, bool expected) =>
        Assert.Equal(expected, SearchFields.MayHoldCjk(text));

    private static List<(string Field, float Boost)> Clauses(Lucene.Net.Search.Query? query)
    {
        var found = new List<(string, float)>();
        Walk(query, 1f, found);
        return found;
    }

    private static IEnumerable<DisjunctionMaxQuery> DisjunctionsOf(Lucene.Net.Search.Query? query) => query switch
    {
        DisjunctionMaxQuery max => [max, .. max.Disjuncts.SelectMany(DisjunctionsOf)],
        BooleanQuery boolean => boolean.Clauses.SelectMany(c => DisjunctionsOf(c.Query)),
        RescoredQuery rescored => [.. DisjunctionsOf(rescored.Matching), .. DisjunctionsOf(rescored.Bonus)],
        _ => [],
    };

    private static Dictionary<string, float> Boosts(Lucene.Net.Search.Query? query) =>
        Clauses(query).GroupBy(c => c.Field).ToDictionary(g => g.Key, g => g.Max(c => c.Boost));

    private static void Walk(Lucene.Net.Search.Query? query, float boost, List<(string, float)> found)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                {
                    Walk(clause.Query, boost * boolean.Boost, found);
                }

                break;
            case TermQuery term:
                found.Add((term.Term.Field, boost * term.Boost));
                break;
            case PhraseQuery phrase:
                found.AddRange(phrase.GetTerms().Select(t => (t.Field, boost * phrase.Boost)).Distinct());
                break;
            case PrefixQuery prefix:
                found.Add((prefix.Prefix.Field, boost * prefix.Boost));
                break;
            case RescoredQuery rescored:
                Walk(rescored.Matching, boost * rescored.Boost, found);
                Walk(rescored.Bonus, boost * rescored.Boost, found);
                break;
        }
    }
}

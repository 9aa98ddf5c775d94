namespace KnowledgeHub.Search.Tests;

/// <summary>Each dimension is declared once (<see cref="SearchDimension.All"/>) and every part that knows dimensions follows that list.</summary>
public sealed class DimensionTests
{
    public static TheoryData<string> Names => [.. SearchDimension.Names];

    [Fact]
    public void The_facet_dimensions_are_the_declared_dimensions_in_their_order()
    {
        Assert.Equal(SearchDimension.All.Select(d => d.Name), SearchFacets.Dimensions);
        Assert.Equal(SearchDimension.Tags.Top, SearchFacets.Top(SearchFacets.Tags));
        Assert.Equal(SearchDimension.All.Count, SearchDimension.All.Select(d => d.LabelKey).Distinct().Count());
    }

    /// <summary>A dimension's Chinese names are one word in two scripts: the search's normalization makes them the same.</summary>
    [Fact]
    public void Every_dimension_has_chinese_names_that_are_one_word_in_either_script()
    {
        Assert.All(SearchDimension.All, d =>
        {
            Assert.NotEmpty(d.ChineseNames);
            Assert.Single(d.ChineseNames.Select(KnowledgeHub.Search.Analysis.TextNormalizer.Normalize).Distinct());
            Assert.All(d.ChineseNames, name => Assert.True(SearchDimension.IsChineseName(name)));
        });
        Assert.False(SearchDimension.IsChineseName("tag"));
        Assert.Equal(SearchDimension.Tags, SearchDimension.Find("標籤"));
    }

    [Theory]
    [InlineData("状态：进行中，标签:618，复盘", "状态 进行中， ，复盘", "标签=618")]
    [InlineData("状态：已发布 标签:618", "", "状态=已发布 标签=618")]
    [InlineData("年份:二〇二六 复盘", "年份 二〇二六 复盘", "")]
    [InlineData("year:二〇二六 复盘", "复盘", "year=二〇二六")]
    [InlineData("类型:复盘 類型：没有这种", "類型 没有这种", "类型=复盘")]
    [InlineData("\"状态：草稿\" 复盘", "\"状态：草稿\" 复盘", "")]
    [InlineData("-状态：进行中 复盘", "状态 进行中 复盘", "")]
    [InlineData("-状态：草稿 复盘", "复盘", "状态=草稿")]
    public void A_filter_with_a_chinese_name_is_taken_out_only_when_its_value_reads(string text, string rest, string taken)
    {
        var (remainder, filters) = FilterSyntax.Extract(text, filter => TypedFilterReader.Reads(filter, value => value == "复盘" ? "retrospective" : null));

        Assert.Equal(rest, remainder);
        Assert.Equal(taken.Split(' ', StringSplitOptions.RemoveEmptyEntries), filters.Select(f => f.Name + "=" + f.Value));
    }

    /// <summary>
    /// A blank may come between the colon and the value (<c>tag: 618</c>); such a filter may be prose, as one with a
    /// Chinese name may, so it is taken out only when its value reads. A sign, an operator or another filter after the
    /// blank is no value.
    /// </summary>
    [Theory]
    [InlineData("tag: 618 复盘", "复盘", "tag=618")]
    [InlineData("Tag:\t618", "", "Tag=618")]
    [InlineData("-tags:  \"campaign review\" 复盘", "复盘", "tags=campaign review")]
    [InlineData("tag: 618 type: 复盘 plan", "plan", "tag=618|type=复盘")]
    [InlineData("Tags: 618, GMV", "GMV", "Tags=618")]
    [InlineData("tag:618;双十一 复盘", "双十一 复盘", "tag=618")]
    [InlineData("status: draft", "", "status=draft")]
    [InlineData("Status: ongoing with the launch", "Status  ongoing with the launch", "")]
    [InlineData("type: 复盘", "", "type=复盘")]
    [InlineData("Year: 二〇二六", "Year  二〇二六", "")]
    [InlineData("Before: the page loaded slowly", "Before  the page loaded slowly", "")]
    [InlineData("after: 2026-06-01 复盘", "复盘", "after=2026-06-01")]
    [InlineData("updated: [2026-01-01 TO *]", "", "updated=[2026-01-01 TO *]")]
    [InlineData("before:soon", "", "before=soon")]
    [InlineData("标签：　618", "", "标签=618")]
    [InlineData("tag: AND 618", "tag: AND 618", "")]
    [InlineData("tag: -618", "tag: -618", "")]
    [InlineData("tag: type:retrospective", "tag:", "type=retrospective")]
    [InlineData("tag:\n618", "tag:\n618", "")]
    public void A_filter_with_a_blank_after_its_colon_is_taken_out_only_when_its_value_reads(string text, string rest, string taken)
    {
        var (remainder, filters) = FilterSyntax.Extract(text, filter => TypedFilterReader.Reads(filter, value => value == "复盘" ? "retrospective" : null));

        Assert.Equal(rest, remainder);
        Assert.Equal(taken.Split('|', StringSplitOptions.RemoveEmptyEntries), filters.Select(f => f.Name + "=" + f.Value));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_name_of_a_dimension_is_read_as_a_typed_filter_in_any_case(string name)
    {
        var (rest, filters) = FilterSyntax.Extract($"复盘 {name.ToUpperInvariant()}:abc -{name}:\"x y\"");

        Assert.Equal("复盘", rest);
        Assert.Equal(2, filters.Count);
        Assert.All(filters, f => Assert.Equal(SearchDimension.Find(name), SearchDimension.Find(f.Name)));
        Assert.Equal(["abc", "x y"], filters.Select(f => f.Value));
        Assert.Equal([false, true], filters.Select(f => f.Negated));
    }

    [Theory]
    [InlineData("tag", "tags")]
    [InlineData(" TAGS ", "tags")]
    [InlineData("Type", "type")]
    [InlineData("owner", "owner")]
    public void A_filter_name_resolves_to_its_dimension(string name, string dimension)
    {
        Assert.Equal(dimension, SearchFacets.Dimension(name));
    }

    [Theory]
    [InlineData("kind")]
    [InlineData("acl")]
    [InlineData("after")]
    public void A_name_that_is_no_dimension_resolves_to_none(string name)
    {
        Assert.Null(SearchDimension.Find(name));
    }
}

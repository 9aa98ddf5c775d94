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
        Assert.All(SearchDimension.All, d => Assert.StartsWith("Facet_", d.LabelKey, StringComparison.Ordinal));
        Assert.Equal(SearchDimension.All.Count, SearchDimension.All.Select(d => d.LabelKey).Distinct().Count());
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

using System.Globalization;

namespace KnowledgeHub.Search.Tests;

public sealed class PagingCorpus : HostFixture
{
    protected override IEnumerable<TestDoc> Documents =>
        Enumerable.Range(1, 25).Select(i => new TestDoc(
            string.Create(CultureInfo.InvariantCulture, $"weekly-{i:00}"),
            string.Create(CultureInfo.InvariantCulture, $"运营周报 第 {i} 周"),
            string.Concat(Enumerable.Repeat("周报 ", i))));
}

/// <summary>Pages of one result set: stable totals, disjoint pages, clamped sizes.</summary>
public sealed class PagingTests(PagingCorpus corpus) : IClassFixture<PagingCorpus>
{
    [Fact]
    public void Pages_share_one_total_and_never_repeat_a_hit()
    {
        var pages = Enumerable.Range(1, 3).Select(p => corpus.Host.Search("周报", page: p, pageSize: 10)).ToList();

        Assert.All(pages, p => Assert.Equal(25, p.Total));
        Assert.Equal([10, 10, 5], pages.Select(p => p.Hits.Count));
        var ids = pages.SelectMany(p => p.Hits).Select(h => h.DocumentId).ToList();
        Assert.Equal(25, ids.Distinct().Count());
        Assert.Equal(3, pages[0].PageCount);
    }

    [Fact]
    public void Page_two_differs_from_page_one()
    {
        var first = corpus.Host.Search("周报", page: 1, pageSize: 10).Hits.Select(h => h.DocumentId);
        var second = corpus.Host.Search("周报", page: 2, pageSize: 10).Hits.Select(h => h.DocumentId);

        Assert.Empty(first.Intersect(second));
    }

    [Theory]
    [InlineData(4, 10)]
    [InlineData(1000, 100)]
    [InlineData(int.MaxValue, 100)]
    public void A_page_past_the_end_is_empty_with_the_right_total(int page, int pageSize)
    {
        var results = corpus.Host.Search("周报", page: page, pageSize: pageSize);

        Assert.Empty(results.Hits);
        Assert.Equal(25, results.Total);
        Assert.Equal(page, results.Page);
    }

    [Theory]
    [InlineData(0, 10, 1, 10)]
    [InlineData(-5, 10, 1, 10)]
    [InlineData(1, 0, 1, 1)]
    [InlineData(1, -1, 1, 1)]
    [InlineData(1, 1000, 1, 100)]
    public void Page_and_page_size_are_clamped(int page, int pageSize, int expectedPage, int expectedPageSize)
    {
        var results = corpus.Host.Search("周报", page: page, pageSize: pageSize);

        Assert.Equal(expectedPage, results.Page);
        Assert.Equal(expectedPageSize, results.PageSize);
        Assert.Equal(Math.Min(expectedPageSize, 25), results.Hits.Count);
    }

    [Fact]
    public void Hits_are_ordered_by_relevance()
    {
        var hits = corpus.Host.Search("周报", pageSize: 100).Hits;

        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.DocumentId), hits.Select(h => h.DocumentId));
    }
}

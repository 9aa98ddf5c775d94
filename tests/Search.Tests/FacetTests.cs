namespace KnowledgeHub.Search.Tests;

/// <summary>Facet counts: exact, only over readable documents, multi-select (drill-sideways), top values first.</summary>
public sealed class FacetTests(FacetCorpus corpus) : IClassFixture<FacetCorpus>
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Retrospectives =
        new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Type] = ["retrospective"] };

    [Theory]
    [InlineData(SearchFacets.Type, "campaign-plan=2 retrospective=2 competitor-analysis=1 weekly-report=1")]
    [InlineData(SearchFacets.Collection, "Campaigns=2 Retrospectives=2 Research=1 Weekly=1")]
    [InlineData(SearchFacets.Tags, "大促=5 campaign=2 双十一=2 618=1 周报=1 机密竞品=1")]
    [InlineData(SearchFacets.Owner, "王丽 Alice Wang=3 陈波 Bob Chen=3")]
    [InlineData(SearchFacets.Year, "2026=5 2025=1")]
    [InlineData(SearchFacets.Status, "Published=5 Archived=1 Draft=1")]
    public void Facet_counts_are_exact_over_the_hits(string dimension, string expected)
    {
        var results = corpus.Search("运营", TestCallers.Carol);

        Assert.Equal(6, results.Total);
        Assert.Equal(expected, FacetCorpus.Counts(results, dimension));
    }

    [Fact]
    public void Dimensions_come_in_display_order()
    {
        var results = corpus.Search("运营", TestCallers.Carol);

        Assert.Equal(SearchFacets.Dimensions, results.Facets.Select(f => f.Dimension));
    }

    [Theory]
    [MemberData(nameof(FacetCorpus.Users), MemberType = typeof(FacetCorpus))]
    public void A_document_the_user_may_not_read_is_never_counted(string user)
    {
        var caller = TestCallers.ByName(user);
        var mayRead = user is "bob" or "carol";

        var results = corpus.Search("运营", caller);

        var values = results.Facets.SelectMany(f => f.Values.Select(v => v.Value)).ToList();
        Assert.Equal(mayRead, values.Contains("competitor-analysis"));
        Assert.Equal(mayRead, values.Contains("机密竞品"));
        Assert.Equal(mayRead, values.Contains("Research"));
        Assert.Contains(mayRead ? "大促=5" : "大促=4", FacetCorpus.Counts(results, SearchFacets.Tags), StringComparison.Ordinal);
        Assert.Equal(mayRead ? 6 : 5, results.Total);
        Assert.All(results.Facets, f => Assert.All(f.Values, v => Assert.InRange(v.Count, 0, results.Total)));
    }

    [Fact]
    public void Selecting_a_value_keeps_its_own_dimension_counted_without_it_and_narrows_the_others()
    {
        var results = corpus.Search("运营", TestCallers.Carol, Retrospectives);

        Assert.Equal(["retro-2025-d11", "retro-2026-618"], results.Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
        Assert.Equal("campaign-plan=2 retrospective=2 competitor-analysis=1 weekly-report=1", FacetCorpus.Counts(results, SearchFacets.Type));
        Assert.Equal("campaign=2 大促=2 618=1 双十一=1", FacetCorpus.Counts(results, SearchFacets.Tags));
        Assert.Equal("2025=1 2026=1", FacetCorpus.Counts(results, SearchFacets.Year));
        Assert.Equal(["retrospective"], results.Facets.Single(f => f.Dimension == SearchFacets.Type).Values.Where(v => v.Selected).Select(v => v.Value));
    }

    [Fact]
    public void Two_values_of_one_dimension_are_alternatives()
    {
        var filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Type] = ["retrospective", "campaign-plan"] };

        var results = corpus.Search("运营", TestCallers.Carol, filters);

        Assert.Equal(4, results.Total);
        Assert.Equal("campaign-plan=2 retrospective=2 competitor-analysis=1 weekly-report=1", FacetCorpus.Counts(results, SearchFacets.Type));
    }

    [Fact]
    public void Selections_in_two_dimensions_each_count_the_other_dimension_only()
    {
        var filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Type] = ["retrospective"], [SearchFacets.Tags] = ["双十一"] };

        var results = corpus.Search("运营", TestCallers.Carol, filters);

        Assert.Equal(["retro-2025-d11"], results.Hits.Select(h => h.DocumentId));
        Assert.Equal("campaign-plan=1 retrospective=1", FacetCorpus.Counts(results, SearchFacets.Type));
        Assert.Equal("campaign=2 大促=2 618=1 双十一=1", FacetCorpus.Counts(results, SearchFacets.Tags));
        Assert.Equal("2025=1", FacetCorpus.Counts(results, SearchFacets.Year));
    }

    [Fact]
    public void The_status_facet_counts_archived_documents_so_they_can_be_picked()
    {
        var defaults = corpus.Search("运营", TestCallers.Carol);
        var archived = corpus.Search("运营", TestCallers.Carol, new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Status] = ["Archived"] });

        Assert.DoesNotContain(defaults.Hits, h => h.DocumentId == "sop-old-launch");
        Assert.Equal(["sop-old-launch"], archived.Hits.Select(h => h.DocumentId));
        Assert.Equal("Published=5 Archived=1 Draft=1", FacetCorpus.Counts(archived, SearchFacets.Status));
        Assert.Equal("sop=1", FacetCorpus.Counts(archived, SearchFacets.Type));
    }

    [Fact]
    public void Owner_values_are_principals_labelled_with_the_owner_name()
    {
        var owner = corpus.Search("运营", TestCallers.Carol).Facets.Single(f => f.Dimension == SearchFacets.Owner);

        var alice = Assert.Single(owner.Values, v => v.Value == TestCallers.Alice.Principal);
        Assert.Equal("王丽 Alice Wang", alice.Label);
        var clicked = corpus.Search("运营", TestCallers.Carol, new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Owner] = [alice.Value] });
        Assert.Equal(3, clicked.Total);
    }

    [Fact]
    public void A_selected_owner_is_named_only_to_a_caller_who_may_read_one_of_their_documents()
    {
        var erin = FacetCorpus.Erin.Principal;
        var byErin = new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Owner] = [erin] };

        // Bob reads Erin's interview notes, so her name is found (and kept for this index version)...
        var bob = corpus.Search("访谈", TestCallers.Bob, byErin);
        Assert.Equal("赵琳 Erin Zhao", Assert.Single(bob.Facets.Single(f => f.Dimension == SearchFacets.Owner).Values).Label);

        // ...but Alice, who may read none of Erin's documents, sees the principal she typed and no name.
        var alice = corpus.Search("访谈", TestCallers.Alice, byErin);
        Assert.Equal(0, alice.Total);
        var value = Assert.Single(alice.Facets.Single(f => f.Dimension == SearchFacets.Owner).Values);
        Assert.Equal((erin, 0, (string?)null), (value.Value, value.Count, value.Label));
    }

    [Fact]
    public void Only_the_top_values_are_listed_by_count_then_label_but_a_selected_value_always_is()
    {
        var tags = corpus.Search("标签", TestCallers.Carol).Facets.Single(f => f.Dimension == SearchFacets.Tags);
        var selected = corpus.Search("标签", TestCallers.Carol, new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Tags] = ["t20"] })
            .Facets.Single(f => f.Dimension == SearchFacets.Tags);

        Assert.Equal(Enumerable.Range(1, 15).Select(i => $"t{i:00}"), tags.Values.Select(v => v.Value));
        Assert.Equal(16, selected.Values.Count);
        Assert.True(selected.Values[^1] is { Value: "t20", Selected: true, Count: 1 });
    }

    [Fact]
    public void Facets_come_with_a_filter_only_search_and_count_what_it_lists()
    {
        var results = corpus.Search("tag:大促", TestCallers.Dave);

        Assert.Equal(4, results.Total);
        Assert.Equal("2026=3 2025=1", FacetCorpus.Counts(results, SearchFacets.Year));
    }
}

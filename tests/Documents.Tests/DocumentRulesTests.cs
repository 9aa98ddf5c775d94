namespace KnowledgeHub.Documents.Tests;

public sealed class DocumentRulesTests
{
    [Theory]
    [InlineData(null, "A title is required.")]
    [InlineData("", "A title is required.")]
    [InlineData(" \t ", "A title is required.")]
    [InlineData("周报 W48", null)]
    [InlineData("x", null)]
    public void Titles_must_be_present_and_not_too_long(string? title, string? error)
    {
        Assert.Equal(error, DocumentRules.ValidateTitle(title));
    }

    [Fact]
    public void A_title_longer_than_the_limit_names_the_limit()
    {
        Assert.Null(DocumentRules.ValidateTitle(new string('长', DocumentRules.MaxTitleLength)));
        Assert.Contains("200", DocumentRules.ValidateTitle(new string('长', DocumentRules.MaxTitleLength + 1)));
    }

    [Theory]
    [InlineData("project", true)]
    [InlineData("title", false)]
    [InlineData("Author", false)]
    [InlineData("change_note", false)]
    [InlineData(" ", false)]
    public void Metadata_may_not_use_the_version_keys(string key, bool valid)
    {
        Assert.Equal(valid, DocumentRules.ValidateMetadata(new Dictionary<string, string> { [key] = "v" }) is null);
    }

    [Theory]
    [InlineData("retro-2026-618-campaign", true)]
    [InlineData("ab", true)]
    [InlineData("a", false)]
    [InlineData("-ab", false)]
    [InlineData("Ab", false)]
    [InlineData("a_b", false)]
    [InlineData("a/b", false)]
    [InlineData("..", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("文档", false)]
    public void Supplied_ids_are_lowercase_letters_digits_and_dashes(string? id, bool valid)
    {
        Assert.Equal(valid, DocumentIds.IsValid(id));
    }

    [Fact]
    public void Generated_ids_are_short_url_safe_lowercase_and_distinct()
    {
        var ids = Enumerable.Range(0, 2000).Select(_ => DocumentIds.New()).ToList();

        Assert.All(ids, id => Assert.Matches("^[a-z2-7]{12}$", id));
        Assert.All(ids, id => Assert.True(DocumentIds.IsValid(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(32, ids.SelectMany(id => id).Distinct().Count());
    }
}

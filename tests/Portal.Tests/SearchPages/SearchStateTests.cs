using KnowledgeHub.Portal.Pages.Search;
using KnowledgeHub.Search;

namespace KnowledgeHub.Portal.Tests.SearchPages;

public sealed class SearchStateTests
{
    private static readonly SearchState State = new(
        "/Search",
        "大促 复盘",
        new Dictionary<string, IReadOnlyList<string>> { ["type"] = ["retrospective"], ["tags"] = ["618", "大促"] },
        new DateOnly(2026, 1, 1),
        new DateOnly(2026, 6, 30),
        SearchSort.Newest,
        Archived: true);

    private const string Kept = "q=%E5%A4%A7%E4%BF%83%20%E5%A4%8D%E7%9B%98&type=retrospective&tag=618&tag=%E5%A4%A7%E4%BF%83&from=2026-01-01&to=2026-06-30&sort=newest&archived=1";

    public static TheoryData<string, string> Links => new()
    {
        { State.Url(2), "/Search?" + Kept + "&page=2" },
        { State.Toggle("type", "sop"), "/Search?" + Kept.Replace("type=retrospective", "type=retrospective&type=sop", StringComparison.Ordinal) },
        { State.Toggle("tags", "618"), "/Search?" + Kept.Replace("tag=618&", "", StringComparison.Ordinal) },
        { State.Clear("tags"), "/Search?" + Kept.Replace("tag=618&tag=%E5%A4%A7%E4%BF%83&", "", StringComparison.Ordinal) },
        { State.WithSort(SearchSort.Relevance), "/Search?" + Kept.Replace("sort=newest&", "", StringComparison.Ordinal) },
        { State.WithArchived(false), "/Search?" + Kept.Replace("&archived=1", "", StringComparison.Ordinal) },
        { State.ClearAll(), "/Search?q=%E5%A4%A7%E4%BF%83%20%E5%A4%8D%E7%9B%98" },
    };

    [Theory]
    [MemberData(nameof(Links))]
    public void Every_link_changes_one_choice_and_keeps_the_others(string actual, string expected) => Assert.Equal(expected, actual);

    [Theory]
    [InlineData("a", false)]
    [InlineData("ab", true)]
    [InlineData("复", true)]
    [InlineData("", false)]
    public void Suggestions_start_at_one_chinese_character_or_two_latin_ones(string typed, bool suggests) =>
        Assert.Equal(suggests, SuggestRules.LongEnough(typed));
}

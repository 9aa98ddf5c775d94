using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests;

/// <summary>Action items as entries: "mine" by @handle, open ones, overdue first, trimmed by the document's access rules.</summary>
public sealed class ActionItemTests(LessonCorpus corpus) : IClassFixture<LessonCorpus>
{
    [Fact]
    public void Mine_lists_the_callers_open_items_overdue_first_then_by_due_day_then_undated()
    {
        var results = List(TestCallers.Alice);

        Assert.Equal("alice", results.Owner);
        Assert.Equal(
            ["尾款提醒节奏写入 SOP 2026-10-01 overdue", "直播选品清单 2026-11-15 overdue", "复盘会 2026-12-01", "整理客服话术 -"],
            results.Items.Select(Describe));
        Assert.Equal(4, results.Total);
        Assert.All(results.Items, i => Assert.Equal("alice", i.Owner));
    }

    /// <summary>The team view's and the digest's counts: every owner's open items, overdue ones, due by a day; trimmed as the lists are.</summary>
    [Fact]
    public void Owner_loads_count_open_overdue_and_due_items_the_caller_may_read()
    {
        var dueBy = new DateOnly(2026, 12, 1);
        static string Describe(ActionItemLoad load) => $"{load.Owner} {load.Open}/{load.Overdue}/{load.DueBy}";

        // Done and archived documents' items are not counted; dave's item is in a Confidential research document: Dave (a
        // reader outside research) may not read it, Bob (research) may.
        Assert.Equal(["alice 4/2/3", "bob 1/0/0", "carol 1/1/1"], corpus.Host.Service.ActionItemLoads(TestCallers.Dave, LessonCorpus.Today, dueBy).Select(Describe).Order(StringComparer.Ordinal));
        Assert.Equal(["alice 4/2/3", "bob 1/0/0", "carol 1/1/1", "dave 1/1/1"], corpus.Host.Service.ActionItemLoads(TestCallers.Bob, LessonCorpus.Today, dueBy).Select(Describe).Order(StringComparer.Ordinal));
        Assert.All(corpus.Host.Service.ActionItemLoads(TestCallers.Carol, LessonCorpus.Today), load => Assert.Equal(0, load.DueBy));
    }

    [Fact]
    public void An_item_names_its_document()
    {
        var item = List(TestCallers.Alice).Items[0];

        Assert.Equal("retro-d11-2025", item.DocumentId);
        Assert.Equal("2025 双十一复盘", item.DocumentTitle);
        Assert.Equal("retrospective", item.Type);
        Assert.Equal(DocumentStatus.Published, item.Status);
    }

    [Fact]
    public void Done_items_come_last_when_asked_for()
    {
        var results = corpus.Host.Service.ListActionItems(new ActionItemQuery { Caller = TestCallers.Alice, Today = LessonCorpus.Today, IncludeDone = true });

        Assert.Equal(5, results.Total);
        Assert.Equal("输出预售规则 2026-01-15 done", Describe(results.Items[^1]));
    }

    [Theory]
    [InlineData("bob", "复盘 push 退订率 2026-12-20")]
    [InlineData("carol", "压测 2026-10-15 overdue")]
    [InlineData("dave", "")]
    public void Each_user_sees_their_own_items_and_never_one_of_a_document_they_may_not_read(string user, string expected)
    {
        var results = List(TestCallers.ByName(user));

        Assert.Equal(expected, string.Join(" | ", results.Items.Select(Describe)));
    }

    [Fact]
    public void A_research_reader_sees_the_item_of_the_research_document()
    {
        var results = corpus.Host.Service.ListActionItems(new ActionItemQuery { Caller = TestCallers.Bob, Today = LessonCorpus.Today, Owner = "@dave" });

        Assert.Equal(["跟进竞品直播数据 2026-11-01 overdue"], results.Items.Select(Describe));
    }

    [Theory]
    [InlineData("carol", 7)]
    [InlineData("bob", 7)]
    [InlineData("dave", 6)]
    public void Everyones_items_are_trimmed_by_access_and_leave_archived_documents_out(string user, int expected)
    {
        var results = corpus.Host.Service.ListActionItems(new ActionItemQuery
        {
            Caller = TestCallers.ByName(user),
            Today = LessonCorpus.Today,
            Owner = ActionItemQuery.AnyOwner,
        });

        Assert.Equal(expected, results.Total);
        Assert.DoesNotContain(results.Items, i => i.DocumentId == "retro-archived");
        Assert.Equal(results.Items.OrderBy(i => i.Due ?? DateOnly.MaxValue).Select(i => i.Due), results.Items.Select(i => i.Due));
    }

    [Fact]
    public void Items_filter_by_their_document()
    {
        var results = corpus.Host.Service.ListActionItems(new ActionItemQuery
        {
            Caller = TestCallers.Alice,
            Today = LessonCorpus.Today,
            Filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Type] = ["campaign-plan"] },
        });

        Assert.Equal(["复盘会 2026-12-01"], results.Items.Select(Describe));
    }

    [Theory]
    [InlineData("alice@contoso.com", "alice")]
    [InlineData("Alice", "alice")]
    [InlineData("", null)]
    public void The_handle_of_a_caller_is_the_user_name_before_any_at_sign(string userName, string? expected)
    {
        Assert.Equal(expected, ActionItemQuery.HandleOf(TestCallers.Alice with { UserName = userName }));
    }

    [Fact]
    public void A_caller_without_a_user_name_has_no_items_of_their_own()
    {
        var results = List(TestCallers.Alice with { UserName = "" });

        Assert.Empty(results.Items);
        Assert.Null(results.Owner);
    }

    private ActionItemResults List(Caller caller) =>
        corpus.Host.Service.ListActionItems(new ActionItemQuery { Caller = caller, Today = LessonCorpus.Today });

    private static string Describe(ActionItemHit item) =>
        string.Join(' ', new[] { item.Text, item.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-", item.Overdue ? "overdue" : null, item.Done ? "done" : null }.OfType<string>());
}

using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests;

public sealed class RelatedCorpus : HostFixture
{
    protected override IEnumerable<TestDoc> Documents =>
    [
        new("retro-d11-2025", "2025 双十一大促复盘", """
            双十一大促采用预售加尾款模式，定金膨胀，尾款支付率只有 68%，GMV 未达标。

            ## 经验教训
            - 尾款提醒要分三次发送，并避开深夜。
            - 预售定金膨胀不宜超过 2.5 倍。
            """),
        new("retro-618-2026", "2026 年 618 大促复盘", """
            618 开门红购物车接口超时，压测没有覆盖整点抢券。

            ## 经验教训
            - 大促容量评估要按整点抢券的瞬时并发来做。
            - 分层券包比统一券包更有效。
            """),
        new("ur-onboarding", "新用户注册访谈", "新用户在注册流程中放弃，引导页太长，验证码收不到。") { Type = "user-research" },
        new("weekly-w46", "运营周报 第 46 周", "本周留存稳定，内容频道上线。") { Type = "weekly-report" },
        new("secret-d11-competitor", "竞品双十一预售策略", """
            竞品双十一同样采用预售加尾款模式，定金膨胀 3 倍，尾款提醒更早。

            ## Lessons
            - 竞品的尾款提醒提前一天开始。
            """)
        {
            Type = "competitor-analysis",
            Confidentiality = Confidentiality.Confidential,
            Readers = [Caller.GroupPrincipal(TestCallers.ResearchGroup)],
        },
    ];
}

/// <summary>MoreLikeThis: related documents and past lessons for a document or a plan being written, trimmed.</summary>
public sealed class RelatedTests(RelatedCorpus corpus) : IClassFixture<RelatedCorpus>
{
    private const string PlanTitle = "2026 双十一大促活动策划";
    private const string PlanMarkdown = "## 活动玩法\n\n1. **预售 + 尾款**：定金膨胀，尾款提醒分三次。\n2. 双十一大促期间 push 限频。\n";

    [Fact]
    public void A_plan_being_written_sees_the_retrospective_of_a_similar_campaign_and_its_lessons()
    {
        var related = corpus.Host.Service.RelatedToText(PlanTitle, PlanMarkdown, TestCallers.Dave);

        Assert.Equal("retro-d11-2025", related.Documents[0].DocumentId);
        Assert.Equal("retro-d11-2025", related.Lessons[0].DocumentId);
        Assert.Contains(related.Lessons, l => l.LessonText == "尾款提醒要分三次发送，并避开深夜。");
        Assert.All(related.Lessons, l => Assert.NotNull(l.LessonText));
        Assert.DoesNotContain(related.Documents, d => d.DocumentId is "ur-onboarding" or "weekly-w46");
    }

    [Theory]
    [InlineData("dave", false)]
    [InlineData("alice", true)]
    [InlineData("bob", true)]
    public void Related_entries_never_come_from_a_document_the_user_may_not_read(string user, bool mayRead)
    {
        var related = corpus.Host.Service.RelatedToText(PlanTitle, PlanMarkdown, TestCallers.ByName(user), max: 10);

        var ids = related.Documents.Concat(related.Lessons).Select(h => h.DocumentId).ToList();
        Assert.Equal(mayRead, ids.Contains("secret-d11-competitor"));
    }

    [Fact]
    public void A_documents_related_entries_leave_out_the_document_and_its_own_lessons()
    {
        var related = corpus.Host.Service.Related("retro-d11-2025", TestCallers.Carol);

        Assert.Equal("secret-d11-competitor", related.Documents[0].DocumentId);
        Assert.DoesNotContain(related.Documents.Concat(related.Lessons), h => h.DocumentId == "retro-d11-2025");
        Assert.Contains(related.Lessons, l => l.LessonText == "竞品的尾款提醒提前一天开始。");
    }

    [Fact]
    public void A_document_the_user_may_not_read_has_no_related_entries_for_them()
    {
        Assert.Equal(RelatedResults.None, corpus.Host.Service.Related("secret-d11-competitor", TestCallers.Dave));
        Assert.Equal(RelatedResults.None, corpus.Host.Service.Related("no-such-document", TestCallers.Carol));
        Assert.NotEmpty(corpus.Host.Service.Related("secret-d11-competitor", TestCallers.Bob).Documents);
    }

    [Fact]
    public void The_document_being_edited_can_be_left_out()
    {
        var related = corpus.Host.Service.RelatedToText("2025 双十一大促复盘", PlanMarkdown, TestCallers.Dave, excludeDocumentId: "retro-d11-2025");

        Assert.DoesNotContain(related.Documents.Concat(related.Lessons), h => h.DocumentId == "retro-d11-2025");
    }

    [Fact]
    public void Max_bounds_each_list_and_an_empty_text_finds_nothing()
    {
        var related = corpus.Host.Service.RelatedToText(PlanTitle, PlanMarkdown, TestCallers.Carol, max: 1);

        Assert.Single(related.Documents);
        Assert.Single(related.Lessons);
        Assert.Equal(RelatedResults.None, corpus.Host.Service.RelatedToText("", "", TestCallers.Carol));
    }
}

/// <summary>The related lists read only live entries: a saved version's lessons replace the old ones there too.</summary>
public sealed class RelatedAfterEditTests : IAsyncLifetime
{
    private readonly SearchHost host = SearchHost.Create();

    public async Task InitializeAsync()
    {
        // A draft: a save replaces its text (a published document's edit waits for review beside it).
        await host.AddAsync(new TestDoc("retro-live", "直播试点复盘", LessonCorpus.LiveRetro) { Status = DocumentStatus.Draft }, TestCallers.Alice, catchUp: false);
        // Words in more than half of the entries are left out of a related query (deleted entries count until merged away):
        // other documents keep the live document's words rare.
        var texts = new[] { "本周留存稳定，内容频道上线。", "会员日活动筹备，短信模板复核。", "客服话术更新，退款流程缩短。", "新客首单转化率回升。", "push 退订率下降。" };
        for (var i = 0; i < 10; i++)
        {
            await host.AddAsync(new TestDoc($"weekly-{i}", "运营周报", texts[i % texts.Length]) { Type = "weekly-report" }, TestCallers.Alice, catchUp: false);
        }

        await host.Synchronizer.CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_new_versions_lessons_replace_the_old_ones_in_related_lists()
    {
        Assert.Equal(["直播间要提前准备尺码表。"], Lessons());

        var manifest = await host.Repository.GetManifestAsync("retro-live", CancellationToken.None);
        var saved = await host.Repository.SaveAsync(
            new DocumentEdit { Id = "retro-live", BaseVersion = manifest!.CurrentVersion, Title = "直播试点复盘", Markdown = "## 经验教训\n\n- 直播间要提前彩排尺码表。\n" },
            TestCallers.Alice,
            CancellationToken.None);
        Assert.IsType<SaveResult.Saved>(saved);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);

        Assert.Equal(["直播间要提前彩排尺码表。"], Lessons());
        Assert.Equal(["retro-live"], host.Service.RelatedToText("直播方案", "直播间 尺码表", TestCallers.Carol, max: 10).Documents.Select(d => d.DocumentId));
    }

    private string?[] Lessons() => [.. host.Service.RelatedToText("直播方案", "直播间 尺码表", TestCallers.Carol, max: 10).Lessons.Select(l => l.LessonText)];
}

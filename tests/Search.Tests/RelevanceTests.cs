namespace KnowledgeHub.Search.Tests;

/// <summary>Measured relevance over the sample content: (query → the document expected in the top 3), Chinese and English.</summary>
public sealed class RelevanceTests(SampleCorpus corpus) : IClassFixture<SampleCorpus>
{
    [Theory]
    // Chinese
    [InlineData("618 购物车故障", "meeting-2026-06-02-cart-incident")]
    [InlineData("双十一 活动策划", "campaign-2026-double11-plan")]
    [InlineData("社区团购 团长", "retro-2026-community-group-buying")]
    [InlineData("直播带货 试点", "retro-2026-live-streaming-pilot")]
    [InlineData("会员 续费 流失 问卷", "ur-2026-membership-survey")]
    [InlineData("复盘流程", "sop-retrospective-process")]
    [InlineData("大促 上线 检查清单", "sop-campaign-launch-checklist")]
    [InlineData("618 GMV 数据", "data-2026-618-gmv")]
    [InlineData("竞品 即时零售", "competitor-2026-q3-shopfast")]
    [InlineData("增长组周报 W47", "weekly-2026-w47-growth")]
    // English
    [InlineData("push notification experiments", "retro-2026-push-experiments")]
    [InlineData("push fatigue survey", "ur-2025-push-fatigue-survey")]
    [InlineData("why new users drop out of onboarding", "ur-2026-onboarding-interviews")]
    [InlineData("Spring Festival campaign retrospective", "retro-2026-spring-festival")]
    [InlineData("retention cohorts", "data-2026-q3-retention")]
    [InlineData("TrendGo", "competitor-2025-q4-trendgo")]
    [InlineData("membership launch", "retro-2025-membership-launch")]
    [InlineData("frequency cap for marketing push", "sop-push-notification-sending")]
    // Mixed
    [InlineData("LiveBuy 直播电商", "competitor-2026-livebuy-streaming")]
    [InlineData("NeighborFresh 补贴", "competitor-2026-q4-neighborfresh")]
    public void The_expected_document_is_in_the_top_three(string query, string expected)
    {
        var top = corpus.Host.Search(query, TestCallers.Carol, pageSize: 3).Hits.Select(h => h.DocumentId).ToList();

        Assert.True(top.Contains(expected), $"'{query}': expected {expected} in the top 3, got {string.Join(", ", top)}");
    }

    [Fact]
    public void Every_sample_is_imported_and_indexed()
    {
        var files = Directory.GetFiles(Path.Combine(Documents.ContentRootLocator.Locate(null, AppContext.BaseDirectory)!, "samples"), "*.md").Length;

        Assert.Equal(files, corpus.Imported);
        Assert.Equal(files, corpus.Host.Index.DocumentCount);
    }

    [Theory]
    [InlineData("容量评估 压测", "retro-2026-618-campaign")]
    [InlineData("尾款", "retro-2025-double11")]
    public void A_past_lesson_is_found_on_its_own(string query, string expected)
    {
        var lessons = corpus.Host.Service.SearchLessons(new LessonQuery { Query = query, Caller = TestCallers.Dave, PageSize = 3 });

        Assert.Contains(expected, lessons.Hits.Select(h => h.DocumentId));
    }

    [Fact]
    public void Writing_a_campaign_plan_brings_up_the_lessons_of_past_campaigns()
    {
        var related = corpus.Host.Service.Related("campaign-2026-double11-plan", TestCallers.Dave);

        Assert.Contains(related.Lessons, l => l.DocumentId == "retro-2025-double11");
        Assert.All(related.Documents.Concat(related.Lessons), h => Assert.DoesNotContain("competitor", h.DocumentId, StringComparison.Ordinal));
    }
}

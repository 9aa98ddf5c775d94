namespace KnowledgeHub.Search.Tests;

public sealed class ChineseAndEnglishCorpus : HostFixture
{
    protected override IEnumerable<TestDoc> Documents =>
    [
        new("retro-618", "2026 年 618 大促复盘", "## 目标与结果\n\n本次复盘覆盖 618 大促，GMV 同比增长 35%。"),
        new("competitor-live", "直播电商竞品分析", "我们对三家平台做了竞品分析，重点是直播间转化。"),
        new("research-interviews", "新用户访谈：用户研究报告", "这份用户研究访谈了 12 位新用户。"),
        new("weekly-12", "运营周报 第 12 周", "本周周报：活动上线，留存稳定。"),
        new("minutes-review", "产品评审会议纪要", "会议纪要：确认了三项改版。"),
        // Every character of the words above, but never the words: 复…盘, 竞…品, 研究…用户, 周…报, 会议…纪要
        new("ops-maintenance", "服务器维护记录", "恢复了服务……更换硬盘。竞赛奖品已发。研究表明老用户更愿意复购。周末报名。会议结束后整理了纪要。"),
        new("campaign-playbook", "Campaign playbook", "Running campaigns for new users. Retention improved after the launch."),
    ];
}

/// <summary>Chinese words are found as words, never as loose characters; English finds its inflections.</summary>
public sealed class ChineseAndEnglishSearchTests(ChineseAndEnglishCorpus corpus) : IClassFixture<ChineseAndEnglishCorpus>
{
    [Theory]
    [InlineData("复盘", "retro-618")]
    [InlineData("竞品分析", "competitor-live")]
    [InlineData("竞品", "competitor-live")]
    [InlineData("用户研究", "research-interviews")]
    [InlineData("周报", "weekly-12")]
    [InlineData("会议纪要", "minutes-review")]
    [InlineData("大促复盘", "retro-618")]
    [InlineData("618复盘", "retro-618")]
    [InlineData("618 复盘 GMV", "retro-618")]
    [InlineData("“复盘”", "retro-618")]
    [InlineData("复盘，GMV", "retro-618")]
    public void A_Chinese_word_finds_exactly_the_documents_that_contain_it(string query, string expected)
    {
        Assert.Equal([expected], corpus.Host.Ids(query));
    }

    [Theory]
    [InlineData("更换硬盘", "ops-maintenance")]
    [InlineData("恢复", "ops-maintenance")]
    [InlineData("用户", "ops-maintenance research-interviews")]
    [InlineData("研究", "ops-maintenance research-interviews")]
    public void Words_of_the_document_with_scattered_characters_find_it(string query, string expected)
    {
        Assert.Equal(expected.Split(' '), corpus.Host.Ids(query));
    }

    [Theory]
    [InlineData("campaign", "campaign-playbook")]
    [InlineData("campaigns", "campaign-playbook")]
    [InlineData("campaigning", "campaign-playbook")]
    [InlineData("CAMPAIGN", "campaign-playbook")]
    [InlineData("user", "campaign-playbook")]
    [InlineData("run", "campaign-playbook")]
    [InlineData("retention", "campaign-playbook")]
    [InlineData("launched", "campaign-playbook")]
    // Porter stems "retained" to "retain" but "retention" to "retent": they do not meet.
    [InlineData("retained", "")]
    [InlineData("gmv", "retro-618")]
    public void English_words_find_their_inflections_as_Porter_stems_them(string query, string expected)
    {
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), corpus.Host.Ids(query));
    }

    [Fact]
    public void A_title_match_ranks_above_a_body_match()
    {
        // "用户研究" is in research-interviews' title; "用户" alone is in the body of ops-maintenance too.
        var hits = corpus.Host.Search("用户").Hits;
        Assert.Equal("research-interviews", hits[0].DocumentId);
    }
}

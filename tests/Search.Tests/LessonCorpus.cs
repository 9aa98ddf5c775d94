using System.Globalization;
using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests;

/// <summary>Retrospectives with lessons and action items (<c>@alice due:…</c>), one Confidential to research, one Archived.</summary>
public sealed class LessonCorpus : HostFixture
{
    public static readonly DateOnly Today = new(2026, 11, 20);

    public const string Double11Retro = """
        ## 目标与结果
        GMV 未达标，尾款支付率只有 68%。

        ## 经验教训 Lessons
        - 尾款提醒要分三次发送，并避开深夜。
        - 预售定金膨胀比例不宜超过 2.5 倍。
        - Final payment reminders need an owner.

        ## 行动项 Action items
        - [ ] 尾款提醒节奏写入 SOP @alice due:2026-10-01
        - [ ] 复盘 push 退订率 @bob due:2026-12-20
        - [x] 输出预售规则 @alice due:2026-01-15
        - [ ] 整理客服话术 @alice
        """;

    public const string LiveRetro = """
        ## 经验教训
        - 直播间要提前准备尺码表。

        ## 行动项
        - [ ] 直播选品清单 @alice due:2026-11-15
        """;

    protected override IEnumerable<TestDoc> Documents =>
    [
        new("retro-d11-2025", "2025 双十一复盘", Double11Retro) { Tags = ["双十一", "大促"], Created = Day("2025-11-25") },
        new("retro-live-2026", "直播试点复盘", LiveRetro) { Tags = ["直播"], Created = Day("2026-08-10") },
        new("retro-secret", "竞品直播研究复盘", "## Lessons\n\n- 竞品直播间的转化率提升来自主播话术。\n\n## 行动\n\n- [ ] 跟进竞品直播数据 @dave due:2026-11-01\n")
        {
            Confidentiality = Confidentiality.Confidential,
            Readers = [Caller.GroupPrincipal(TestCallers.ResearchGroup)],
            Created = Day("2026-09-01"),
        },
        new("retro-archived", "旧版会员复盘", "## 教训\n\n- 会员权益说明要写清楚。\n\n## 行动\n\n- [ ] 旧行动项 @alice due:2026-01-01\n")
        {
            Status = DocumentStatus.Archived,
            Created = Day("2024-05-01"),
        },
        new("plan-d11-2026", "2026 双十一活动策划", "## 排期\n\n- [ ] 压测 @carol due:2026-10-15\n- [ ] 复盘会 @alice due:2026-12-01\n")
        {
            Type = "campaign-plan",
            Collection = "Campaigns",
            Tags = ["双十一"],
            Created = Day("2026-09-28"),
        },
    ];

    public static DateTimeOffset Day(string day) => DateTimeOffset.Parse(day + "T08:00:00Z", CultureInfo.InvariantCulture);
}

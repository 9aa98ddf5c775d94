namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>Texts the browser tests type.</summary>
internal static class Samples
{
    /// <summary>A retrospective whose every required section has text, with an overdue action item.</summary>
    public const string FilledRetrospective = """
        ## 目标与结果 Goals and results

        大促期 GMV 目标 1.20 亿元，实际 1.31 亿元。

        ## 做得好的 What went well

        - 分层券包效果明显。

        ## 做得不好的 What went badly

        - 开门红峰值时购物车接口超时。

        ## 根本原因 Root causes

        1. 容量评估只按 DAU 峰值。

        ## 经验教训 Lessons

        - 容量评估要按整点抢券的瞬时并发来做。

        ## 行动项 Action items

        - [ ] 压测脚本覆盖购物车合并场景 @bob due:2020-01-15
        """;
}

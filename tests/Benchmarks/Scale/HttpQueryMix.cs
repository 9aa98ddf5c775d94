namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>
/// The search mix of the HTTP runs (the search page as a signed-in user): Chinese and English words that the generated
/// documents hold (help corpus and sample vocabulary), multi-word queries, phrases, prefixes, boolean operators,
/// negation, field filters and document titles. Seeded shuffle, so each connection walks the mix in its own order.
/// </summary>
public static class HttpQueryMix
{
    private static readonly string[] Fixed =
    [
        "表格", "函数", "单元格", "格式", "插入", "图表", "样式", "数据透视表", "复盘", "经验", "会员", "直播", "转化率",
        "table", "function", "cell", "format", "chart", "style", "print", "campaign", "retention", "lesson",
        "单元格 格式", "插入 图片", "pivot table", "page style", "GMV 复盘", "push campaign",
        "\"pivot table\"", "\"数据透视表\"", "form*", "regist*", "表格 OR 图表", "chart -table", "format NOT style",
        "type:retrospective 复盘", "tag:618", "tag:campaign retention", "status:published table",
    ];

    public static IReadOnlyList<string> Build(IEnumerable<string> titles, int seed)
    {
        var mix = Fixed.Concat(titles.Take(20)).Select(q => "/Search?q=" + Uri.EscapeDataString(q)).ToArray();
        new Random(seed).Shuffle(mix);
        return mix;
    }
}

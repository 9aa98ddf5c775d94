using KnowledgeHub.Documents;
using KnowledgeHub.Search;

namespace KnowledgeHub.Benchmarks;

/// <summary>One query of the latency mix; <see cref="Kind"/> groups the per-kind figures; <see cref="Filters"/> are clicked facet values.</summary>
public sealed record MixQuery(string Kind, string Text, IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters = null)
{
    public SearchRequest Request(Caller caller, int pageSize = 10) =>
        new() { Query = Text, Caller = caller, PageSize = pageSize, Filters = Filters ?? SearchFacets.NoFilters };
}

/// <summary>
/// The latency mix: Chinese and English words and multi-word queries, quoted phrases, prefixes, boolean
/// operators and negation, mixed Chinese/English, whole page titles (long queries), and field filters when
/// the search build accepts them (probed at run time: <c>type:</c>/<c>tag:</c>/<c>year:</c>/<c>after:</c>), and clicked
/// facet values (<see cref="SearchRequest.Filters"/>, multi-select), one of them with no words at all.
/// </summary>
public static class QueryMix
{
    private static readonly string[] ChineseWords =
    [
        "表格", "函数", "单元格", "格式", "插入", "图表", "样式", "打印", "数据透视表", "超链接", "宏", "页眉",
        "排序", "筛选", "字体", "段落", "幻灯片", "数据库", "公式", "条件格式", "自动更正", "工具栏", "文本框",
        "页码", "目录", "批注", "单元格 格式", "插入 图片", "页面 样式", "求和 函数",
    ];

    private static readonly string[] EnglishWords =
    [
        "table", "function", "cell", "format", "insert", "chart", "style", "print", "pivot table", "hyperlink",
        "macro", "header", "sort", "filter", "font", "paragraph", "slide", "database", "formula",
        "conditional formatting", "autocorrect", "toolbar", "text box", "page number", "table of contents",
        "comment", "insert image", "page style", "sum function", "spreadsheet",
    ];

    private static readonly string[] Phrases =
    [
        "\"pivot table\"", "\"page style\"", "\"text box\"", "\"cell reference\"", "\"数据透视表\"", "\"条件格式\"",
        "\"单元格 格式\"", "\"插入 图片\"",
    ];

    private static readonly string[] Prefixes = ["spread*", "hyper*", "form*", "tabl*", "mac*", "print*", "conver*", "autom*"];

    private static readonly string[] Booleans =
    [
        "chart -pie", "table OR chart", "style AND page", "macro NOT dialog", "函数 -数组", "表格 OR 图表", "样式 AND 页面",
    ];

    private static readonly string[] Mixed = ["Calc 函数", "Writer 表格", "Basic 宏", "SQL 查询", "Impress 幻灯片", "PDF 导出", "CSV 导入"];

    private static readonly string[] Filters =
    [
        "type:calc 函数", "type:writer table", "tag:zh 图表", "tag:en chart", "type:basic macro", "tag:impress 幻灯片",
        "year:2021 style", "after:2024-01-01 表格", "-tag:calc 函数",
    ];

    private static readonly MixQuery[] FacetClicks =
    [
        new("facet-click", "函数", Select((SearchFacets.Type, ["calc"]))),
        new("facet-click", "chart", Select((SearchFacets.Tags, ["en"]), (SearchFacets.Type, ["chart", "calc"]))),
        new("facet-click", "表格", Select((SearchFacets.Year, ["2021", "2022"]))),
        new("facet-click", "macro", Select((SearchFacets.Type, ["basic"]))),
        new("facet-click", "", Select((SearchFacets.Tags, ["zh"]), (SearchFacets.Type, ["impress"]))),
    ];

    /// <summary>The mix; <paramref name="titles"/> adds page titles as queries, <paramref name="withFilters"/> the filter queries.</summary>
    public static IReadOnlyList<MixQuery> Build(IEnumerable<string> titles, bool withFilters)
    {
        ArgumentNullException.ThrowIfNull(titles);
        return
        [
            .. ChineseWords.Select(q => new MixQuery("zh-words", q)),
            .. EnglishWords.Select(q => new MixQuery("en-words", q)),
            .. Phrases.Select(q => new MixQuery("phrase", q)),
            .. Prefixes.Select(q => new MixQuery("prefix", q)),
            .. Booleans.Select(q => new MixQuery("boolean", q)),
            .. Mixed.Select(q => new MixQuery("mixed-zh-en", q)),
            .. titles.Select(q => new MixQuery("title", q)),
            .. (withFilters ? Filters : []).Select(q => new MixQuery("filter", q)),
            .. withFilters ? FacetClicks : [],
        ];
    }

    /// <summary>A filter query the search build understands: no notice (no fallback to words) and hits.</summary>
    public static string FilterProbe => Filters[0];

    private static Dictionary<string, IReadOnlyList<string>> Select(params (string Dimension, string[] Values)[] selections) =>
        selections.ToDictionary(s => s.Dimension, s => (IReadOnlyList<string>)s.Values, StringComparer.Ordinal);
}

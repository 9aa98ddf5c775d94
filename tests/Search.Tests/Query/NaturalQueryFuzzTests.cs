namespace KnowledgeHub.Search.Tests.Query;

/// <summary>Seeded random queries made of the pieces the query reader treats specially: none may throw or lie about totals.</summary>
public sealed class NaturalQueryFuzzTests(SampleCorpus corpus) : IClassFixture<SampleCorpus>
{
    private static readonly string[] Pieces =
    [
        "去年", "上个月", "Q3", "Q5", "H1", "2025年3月", "2025年13月", "March 2025", "may 9999", "last week", "本周", "今天",
        "复盘", "会员日", "cart", "outage", "618", "-o", "-draft", "-复盘", "--force", "e-mail", "2024-06", "A-B", "-", "－",
        "how", "to", "的", "吗", "如何", "\"", "“", "(", ")", "OR", "AND", "NOT", "*", "?", "~", "title:", "type:sop", "tag:Q3",
        "Singles' Day", "conversion rate", "、", "，", "\u200b", "\u0000", "😀", "\uD800", "ｑ３", "第三季度", "上半年", "1999年", "[", "]", "{", "}", "TO", "[VBA]", "report:", "Note:", "title:",
        "GMV↑20%", "node.js", "ROI=3", "Q&A", "/var/log/app.log", "Owner:", "Owner: ", "Alice", "Wang", "~~", "+", "\\", "due:2026-06-10",
        "双11/618", "B2B/B2C", "&&", "||", "!", "客单价*1.2", "cost-of-sales",
    ];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 15)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_random_mix_of_time_words_hyphens_operators_and_glossary_terms_never_throws(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 10; i++)
        {
            var separator = random.Next(3) == 0 ? "" : " ";
            var query = string.Join(separator, Enumerable.Range(0, random.Next(1, 30)).Select(_ => Pieces[random.Next(Pieces.Length)]));

            var results = corpus.Host.Search(query);

            Assert.True(results.Total >= results.Hits.Count, query);
            Assert.All(results.Notes, n => Assert.NotNull(n.Words));
        }
    }
}

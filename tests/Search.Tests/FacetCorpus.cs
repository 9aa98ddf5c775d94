using System.Globalization;
using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// Seven documents that all mention 运营, across types, collections, tags, owners, years and statuses; one is
/// Confidential to the research group (Bob reads it, Dave does not) and one is Archived. Erin's one document (no 运营 in it)
/// is Confidential to the research group too: she is an owner that Alice, Carol's searches aside, never sees.
/// </summary>
public sealed class FacetCorpus : IAsyncLifetime
{
    public SearchHost Host { get; } = SearchHost.Create();

    public static TheoryData<string> Users => ["alice", "bob", "carol", "dave"];

    public static Caller Erin { get; } = new()
    {
        UserName = "erin",
        ObjectId = "e4170000-0000-4000-8000-000000000005",
        Name = "赵琳 Erin Zhao",
        Roles = [AppRoles.Contributor],
        Groups = [TestCallers.ResearchGroup],
    };

    public async Task InitializeAsync()
    {
        await Add("retro-2025-d11", "2025 双十一复盘", "retrospective", "Retrospectives", ["大促", "双十一", "campaign"], TestCallers.Alice, "2025-11-20");
        await Add("retro-2026-618", "2026 年 618 大促复盘", "retrospective", "Retrospectives", ["大促", "618", "campaign"], TestCallers.Alice, "2026-06-25");
        await Add("plan-2026-d11", "2026 双十一活动策划", "campaign-plan", "Campaigns", ["大促", "双十一"], TestCallers.Bob, "2026-09-28");
        await Add("weekly-w46", "运营周报 第 46 周", "weekly-report", "Weekly", ["周报"], TestCallers.Bob, "2026-11-16");
        await Add("sop-old-launch", "旧版上线 SOP", "sop", "SOPs", ["campaign"], TestCallers.Carol, "2024-03-01", status: DocumentStatus.Archived);
        await Add("competitor-secret", "竞品分析 机密", "competitor-analysis", "Research", ["机密竞品", "大促"], TestCallers.Bob, "2026-08-01", confidential: true);
        await Add("draft-plan", "会员日活动策划 草稿", "campaign-plan", "Campaigns", ["大促"], TestCallers.Alice, "2026-10-01", status: DocumentStatus.Draft);
        await Host.AddAsync(
            new TestDoc("many-tags", "标签很多的文档", "标签 测试") { Type = "reference", Collection = "Misc", Tags = [.. Enumerable.Range(1, 20).Select(i => string.Create(CultureInfo.InvariantCulture, $"t{i:00}"))] },
            TestCallers.Carol,
            catchUp: false);
        await Host.AddAsync(
            new TestDoc("erin-interviews", "用户访谈纪要", "用户访谈：新客流失的原因。")
            {
                Type = "user-research",
                Collection = "Research",
                Confidentiality = Confidentiality.Confidential,
                Readers = [Caller.GroupPrincipal(TestCallers.ResearchGroup)],
            },
            Erin,
            catchUp: false);
        await Host.Synchronizer.CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public SearchResults Search(string query, Caller caller, IReadOnlyDictionary<string, IReadOnlyList<string>>? filters = null, bool includeArchived = false) =>
        Host.Search(new SearchRequest
        {
            Query = query,
            Caller = caller,
            PageSize = 100,
            Filters = filters ?? SearchFacets.NoFilters,
            IncludeArchived = includeArchived,
        });

    /// <summary>"value=count value=count" of a dimension, in the result's order (owner values by label).</summary>
    public static string Counts(SearchResults results, string dimension) =>
        string.Join(' ', results.Facets.SingleOrDefault(f => f.Dimension == dimension)?.Values.Select(v => $"{v.Label ?? v.Value}={v.Count}") ?? []);

    private Task Add(
        string id, string title, string type, string collection, IReadOnlyList<string> tags, Caller owner, string created,
        DocumentStatus status = DocumentStatus.Published, bool confidential = false) =>
        Host.AddAsync(
            new TestDoc(id, title, $"{title}：运营团队的文档。")
            {
                Type = type,
                Collection = collection,
                Tags = tags,
                Status = status,
                Created = DateTimeOffset.Parse(created + "T08:00:00Z", CultureInfo.InvariantCulture),
                Confidentiality = confidential ? Confidentiality.Confidential : Confidentiality.Internal,
                Readers = confidential ? [Caller.GroupPrincipal(TestCallers.ResearchGroup)] : [],
            },
            owner,
            catchUp: false);
}

namespace KnowledgeHub.Documents.Tests.Support;

/// <summary>The demo users of the brief.</summary>
public static class People
{
    public static readonly Caller Alice = new()
    {
        ObjectId = "a11ce000-0000-4000-8000-000000000001",
        Name = "王丽 Alice Wang",
        UserName = "alice",
        Roles = [AppRoles.Contributor],
        Groups = ["0a5e0000-0000-4000-8000-00000000a001"],
    };

    public static readonly Caller Bob = new()
    {
        ObjectId = "b0b00000-0000-4000-8000-000000000002",
        Name = "陈波 Bob Chen",
        UserName = "bob",
        Roles = [AppRoles.Contributor, AppRoles.Reviewer],
        Groups = ["0a5e0000-0000-4000-8000-00000000a001", "2e5ea2c4-0000-4000-8000-00000000a002"],
    };

    public static readonly Caller Carol = new()
    {
        ObjectId = "ca201000-0000-4000-8000-000000000003",
        Name = "Carol Li",
        UserName = "carol",
        Roles = [AppRoles.Admin, AppRoles.Contributor],
    };

    public static readonly Caller Dave = new()
    {
        ObjectId = "da7e0000-0000-4000-8000-000000000004",
        Name = "周迪 Dave Zhou",
        UserName = "dave",
        Roles = [AppRoles.Reader],
    };

    /// <summary>The "research" group's principal (Bob is a member).</summary>
    public const string ResearchGroup = "group:2e5ea2c4-0000-4000-8000-00000000a002";

    public static NewDocument Retro(string? id = null, string title = "2026 年 618 大促复盘") => new()
    {
        Id = id,
        Type = "retrospective",
        Title = title,
        Markdown = "## 目标与结果 Goals and results\n\nGMV 达成 112%。\n\n## 经验教训 Lessons learned\n\n- 预热期太短\n",
        Metadata = new Dictionary<string, string> { ["project"] = "618 大促", ["period"] = "2026-06-01 ~ 2026-06-20" },
        Collection = "Retrospectives",
        Tags = ["618", "大促"],
    };
}

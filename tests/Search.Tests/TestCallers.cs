using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests;

/// <summary>The demo users of the brief (fixed oids and groups).</summary>
public static class TestCallers
{
    public const string OpsGroup = "0a5e0000-0000-4000-8000-00000000a001";
    public const string ResearchGroup = "2e5ea2c4-0000-4000-8000-00000000a002";

    public static Caller Alice { get; } = new()
    {
        UserName = "alice",
        ObjectId = "a11ce000-0000-4000-8000-000000000001",
        Name = "王丽 Alice Wang",
        Roles = [AppRoles.Contributor],
        Groups = [OpsGroup],
    };

    public static Caller Bob { get; } = new()
    {
        UserName = "bob",
        ObjectId = "b0b00000-0000-4000-8000-000000000002",
        Name = "陈波 Bob Chen",
        Roles = [AppRoles.Contributor, AppRoles.Reviewer],
        Groups = [OpsGroup, ResearchGroup],
    };

    public static Caller Carol { get; } = new()
    {
        UserName = "carol",
        ObjectId = "ca201000-0000-4000-8000-000000000003",
        Name = "Carol Li",
        Roles = [AppRoles.Admin, AppRoles.Contributor],
    };

    public static Caller Dave { get; } = new()
    {
        UserName = "dave",
        ObjectId = "da7e0000-0000-4000-8000-000000000004",
        Name = "周迪 Dave Zhou",
        Roles = [AppRoles.Reader],
    };

    public static Caller ByName(string name) => name switch
    {
        "alice" => Alice,
        "bob" => Bob,
        "carol" => Carol,
        "dave" => Dave,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a demo user"),
    };
}

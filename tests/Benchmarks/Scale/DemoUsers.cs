namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>The demo users and groups of src/Portal/appsettings.Development.json (local sign-in), who own and read the generated documents.</summary>
public static class DemoUsers
{
    public const string OpsGroup = "0a5e0000-0000-4000-8000-00000000a001";

    public const string ResearchGroup = "2e5ea2c4-0000-4000-8000-00000000a002";

    /// <summary>(user name for sign-in and action items, object id, display name).</summary>
    public static readonly (string UserName, string ObjectId, string Name)[] Owners =
    [
        ("alice", "a11ce000-0000-4000-8000-000000000001", "王丽 Alice Wang"),
        ("bob", "b0b00000-0000-4000-8000-000000000002", "陈波 Bob Chen"),
        ("carol", "ca201000-0000-4000-8000-000000000003", "Carol Li"),
    ];

    public static (string UserName, string ObjectId, string Name) Alice => Owners[0];

    public static (string UserName, string ObjectId, string Name) Carol => Owners[2];
}

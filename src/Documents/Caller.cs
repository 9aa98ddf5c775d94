namespace KnowledgeHub.Documents;

/// <summary>
/// Who is acting: the Entra-shaped identity of a signed-in user (oid, name, roles, groups).
/// Everything that decides access takes a <see cref="Caller"/>, never a ClaimsPrincipal.
/// </summary>
public sealed record Caller
{
    public const string Everyone = "everyone";

    public required string ObjectId { get; init; }

    public required string Name { get; init; }

    public string UserName { get; init; } = "";

    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary><c>user:{oid}</c>.</summary>
    public string Principal => UserPrincipal(ObjectId);

    /// <summary>Every principal this caller acts as: everyone, the user, each group and each app role.</summary>
    public IReadOnlyList<string> Principals =>
    [
        Everyone,
        Principal,
        .. Groups.Select(GroupPrincipal),
        .. Roles.Select(RolePrincipal),
    ];

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);

    public static string UserPrincipal(string objectId) => "user:" + objectId;

    public static string GroupPrincipal(string objectId) => "group:" + objectId;

    public static string RolePrincipal(string role) => "role:" + role;
}

/// <summary>The app roles of the Entra app registration.</summary>
public static class AppRoles
{
    public const string Reader = "Reader";
    public const string Contributor = "Contributor";
    public const string Reviewer = "Reviewer";
    public const string Admin = "Admin";
}

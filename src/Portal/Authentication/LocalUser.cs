namespace KnowledgeHub.Portal.Authentication;

/// <summary>A demo user of the local sign-in (<c>LocalUsers</c> in appsettings.Development.json), shaped like an Entra ID account.</summary>
public sealed class LocalUser
{
    public string UserName { get; set; } = "";

    public string ObjectId { get; set; } = "";

    public string Name { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    public List<string> Groups { get; set; } = [];

    /// <summary>The e-mail address notifications go to (default: <c>{UserName}@{People:LocalMailDomain}</c>).</summary>
    public string Email { get; set; } = "";

    /// <summary>The language of the user's e-mails (zh-CN or en; default zh-CN).</summary>
    public string Language { get; set; } = "";
}

/// <summary>The demo users (<c>LocalUsers</c>) and the display names of groups (<c>Groups</c>: object id → name).</summary>
public sealed class DirectoryOptions
{
    public List<LocalUser> LocalUsers { get; set; } = [];

    public Dictionary<string, string> Groups { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The tenant id the local sign-in puts in <c>tid</c>.</summary>
    public string LocalTenantId { get; set; } = "7e4a0000-0000-4000-8000-0000000000aa";

    public LocalUser? FindUser(string userName) =>
        LocalUsers.Find(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));

    /// <summary>A principal (<c>group:{id}</c>, <c>user:{oid}</c>, <c>role:x</c>) as a reader would name it.</summary>
    public string DisplayPrincipal(string principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.StartsWith("group:", StringComparison.Ordinal)
            && Groups.TryGetValue(principal["group:".Length..], out var group))
        {
            return group;
        }

        if (principal.StartsWith("user:", StringComparison.Ordinal))
        {
            var oid = principal["user:".Length..];
            var user = LocalUsers.Find(u => string.Equals(u.ObjectId, oid, StringComparison.OrdinalIgnoreCase));
            return user?.Name ?? principal;
        }

        return principal;
    }
}

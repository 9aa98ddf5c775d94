using KnowledgeHub.Portal.Authentication;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Access;

/// <summary>An access list read from a form: the principals, or one sentence per entry that could not be read.</summary>
public sealed record PrincipalList(IReadOnlyList<string> Principals, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>A principal the access form can offer: its principal string, its name and what it is (<c>User</c>, <c>Group</c> or <c>Role</c>).</summary>
public sealed record KnownPrincipal(string Principal, string Name, string Kind);

/// <summary>
/// Turns what people type into principals and back: local demo users by user name, groups by their configured name
/// (<c>Groups</c>), a bare object id as a user, and raw <c>user:</c>/<c>group:</c>/<c>role:</c> principals.
/// </summary>
public sealed class PrincipalDirectory(IOptions<DirectoryOptions> options)
{
    public const int MaxEntries = 100;

    private static readonly char[] Separators = ['\n', '\r', ',', '，', ';', '；'];

    private DirectoryOptions Directory => options.Value;

    /// <summary>Reads one list (one entry per line, or separated by commas); duplicates are dropped, order kept.</summary>
    public PrincipalList Parse(string? text)
    {
        var entries = (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length > MaxEntries)
        {
            return new PrincipalList([], [$"A list may hold at most {MaxEntries} entries; use a group for more people."]);
        }

        var principals = new List<string>();
        var errors = new List<string>();
        foreach (var entry in entries)
        {
            var (principal, error) = Resolve(entry);
            if (principal is not null && !principals.Contains(principal, StringComparer.OrdinalIgnoreCase))
            {
                principals.Add(principal);
            }
            else if (error is not null)
            {
                errors.Add(error);
            }
        }

        return new PrincipalList(principals, errors);
    }

    /// <summary>How a principal is written in the form: a demo user's user name, otherwise the principal itself.</summary>
    public string ToInput(string principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.StartsWith(PrincipalSyntax.UserPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var oid = principal[PrincipalSyntax.UserPrefix.Length..];
            var user = Directory.LocalUsers.Find(u => string.Equals(u.ObjectId, oid, StringComparison.OrdinalIgnoreCase));
            if (user is not null && !string.IsNullOrEmpty(user.UserName))
            {
                return user.UserName;
            }
        }

        return principal;
    }

    /// <summary>The name to show for a principal ("研究组 Research", "王丽 Alice Wang", or the principal).</summary>
    public string DisplayName(string principal) => Directory.DisplayPrincipal(principal);

    /// <summary>The groups, demo users and app roles the form offers as examples.</summary>
    public IReadOnlyList<KnownPrincipal> Known() =>
    [
        .. Directory.Groups.Select(g => new KnownPrincipal(PrincipalSyntax.GroupPrefix + g.Key, g.Value, "Group")),
        .. Directory.LocalUsers.Select(u => new KnownPrincipal(u.UserName, u.Name, "User")),
        .. PrincipalSyntax.AppRoleNames.Select(r => new KnownPrincipal(PrincipalSyntax.RolePrefix + r, r, "Role")),
    ];

    private (string? Principal, string? Error) Resolve(string entry)
    {
        var (principal, error) = PrincipalSyntax.Normalize(entry);
        if (principal is not null || error is not null)
        {
            return (principal, error);
        }

        if (Guid.TryParse(entry, out var oid))
        {
            return (PrincipalSyntax.UserPrefix + oid.ToString("D"), null);
        }

        if (Directory.FindUser(entry) is { } user)
        {
            return (Canonical(PrincipalSyntax.UserPrefix + user.ObjectId), null);
        }

        var group = Directory.Groups.FirstOrDefault(g => string.Equals(g.Value, entry, StringComparison.OrdinalIgnoreCase));
        if (group.Key is not null)
        {
            return (Canonical(PrincipalSyntax.GroupPrefix + group.Key), null);
        }

        return (null,
            $"“{entry}” is not a user, group or role we know. Use a user name (such as alice), user:<object id>, " +
            "group:<object id> or role:<app role>.");
    }

    /// <summary>Configured ids are GUIDs in the demo set; anything else is kept as written.</summary>
    private static string Canonical(string principal) => PrincipalSyntax.Normalize(principal).Principal ?? principal;
}

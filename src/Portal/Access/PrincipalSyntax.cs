using KnowledgeHub.Documents;

namespace KnowledgeHub.Portal.Access;

/// <summary>
/// The principals an access list may hold: <c>user:{object id}</c>, <c>group:{object id}</c> (Entra object ids are
/// GUIDs) and <c>role:{app role}</c>. <c>everyone</c> is not listed: a document every signed-in user may read is Internal.
/// </summary>
public static class PrincipalSyntax
{
    public const string UserPrefix = "user:";
    public const string GroupPrefix = "group:";
    public const string RolePrefix = "role:";

    public static readonly IReadOnlyList<string> AppRoleNames = [AppRoles.Reader, AppRoles.Contributor, AppRoles.Reviewer, AppRoles.Admin];

    /// <summary>The canonical form of a raw principal (lower-case GUIDs, the app role's own spelling), or an error sentence.</summary>
    public static (string? Principal, string? Error) Normalize(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = entry.Trim();
        if (string.Equals(text, Caller.Everyone, StringComparison.OrdinalIgnoreCase))
        {
            return (null, "“everyone” cannot be listed: choose Internal to let every signed-in user read the document.");
        }

        if (StartsWith(text, UserPrefix) || StartsWith(text, GroupPrefix))
        {
            var prefix = StartsWith(text, UserPrefix) ? UserPrefix : GroupPrefix;
            return Guid.TryParse(text[prefix.Length..], out var id)
                ? (prefix + id.ToString("D"), null)
                : (null, $"“{text}” needs an object id (a GUID such as 0a5e0000-0000-4000-8000-00000000a001) after {prefix}");
        }

        if (StartsWith(text, RolePrefix))
        {
            var role = AppRoleNames.FirstOrDefault(r => string.Equals(r, text[RolePrefix.Length..], StringComparison.OrdinalIgnoreCase));
            return role is null
                ? (null, $"“{text}” is not an app role: use {string.Join(", ", AppRoleNames.Select(r => RolePrefix + r))}.")
                : (RolePrefix + role, null);
        }

        return (null, null);
    }

    /// <summary>True when <paramref name="principal"/> is a raw principal in canonical or accepted form.</summary>
    public static bool IsValid(string principal) => Normalize(principal).Principal is not null;

    private static bool StartsWith(string text, string prefix) => text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
}

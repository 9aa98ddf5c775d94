namespace KnowledgeHub.Portal.People;

/// <summary>What a directory entry is: a person, a group, or an app role.</summary>
public static class EntryKinds
{
    public const string User = "user";
    public const string Group = "group";
    public const string Role = "role";
}

/// <summary>
/// One person, group or app role as the pickers show it: the principal an access list stores, the display name, the
/// kind (<see cref="EntryKinds"/>), a detail that tells namesakes apart (an e-mail address), and <see cref="Input"/>,
/// the text a form field holds for it — it resolves back to this principal.
/// </summary>
public sealed record DirectoryEntry(string Principal, string Name, string Kind, string Detail, string Input);

/// <summary>Where to send a person's notifications and in which language (a culture name such as zh-CN or en).</summary>
public sealed record DirectoryContact(string Principal, string Name, string Email, string Language);

/// <summary>
/// The people and groups of the organisation: the demo directory of the local sign-in (<see cref="LocalDirectory"/>) or
/// Microsoft Entra ID through Microsoft Graph (<see cref="GraphDirectory"/>), chosen once at start (<c>People:Directory</c>).
/// </summary>
public interface IDirectory
{
    /// <summary>Users and groups whose name, user name or e-mail starts with <paramref name="text"/>; at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<DirectoryEntry>> SearchAsync(string text, int max, CancellationToken cancellationToken);

    /// <summary>The entry of a <c>user:</c> or <c>group:</c> principal, or null when the directory does not know it.</summary>
    Task<DirectoryEntry?> FindAsync(string principal, CancellationToken cancellationToken);

    /// <summary>Every user or group whose user name, e-mail or display name is exactly <paramref name="text"/> (case-insensitive).</summary>
    Task<IReadOnlyList<DirectoryEntry>> ResolveAsync(string text, CancellationToken cancellationToken);

    /// <summary>The object ids of every group the user is in (transitively), or null when the directory cannot tell.</summary>
    Task<IReadOnlyList<string>?> GroupsOfAsync(string userObjectId, CancellationToken cancellationToken);

    /// <summary>The object ids of the users in a group (transitively); empty when unknown.</summary>
    Task<IReadOnlyList<string>> MembersOfAsync(string groupObjectId, CancellationToken cancellationToken);

    /// <summary>The users holding an app role; empty when the directory cannot tell.</summary>
    Task<IReadOnlyList<string>> UsersInRoleAsync(string role, CancellationToken cancellationToken);

    /// <summary>How to reach a user (<c>user:{oid}</c>); null when unknown or without an e-mail address.</summary>
    Task<DirectoryContact?> ContactAsync(string userObjectId, CancellationToken cancellationToken);

    /// <summary>The teams reports are expected from (<c>People:Teams</c>: group object ids; Local mode: every configured group when unset).</summary>
    Task<IReadOnlyList<DirectoryEntry>> TeamsAsync(CancellationToken cancellationToken);

    /// <summary>The roles and groups of a user as a <see cref="KnowledgeHub.Documents.Caller"/> would carry them; null when unknown.</summary>
    Task<KnowledgeHub.Documents.Caller?> CallerAsync(string userObjectId, CancellationToken cancellationToken);
}

using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Localization;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.People;

/// <summary>The demo directory of the local sign-in: <c>LocalUsers</c> and <c>Groups</c> of the configuration.</summary>
public sealed class LocalDirectory(IOptions<DirectoryOptions> directory, IOptions<PeopleOptions> people) : IDirectory
{
    private DirectoryOptions Config => directory.Value;

    public Task<IReadOnlyList<DirectoryEntry>> SearchAsync(string text, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var term = text.Trim();
        IReadOnlyList<DirectoryEntry> found = term.Length == 0
            ? []
            : All().Where(e => Matches(e, term)).OrderBy(e => e.Kind, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.CurrentCulture)
                .Take(Math.Max(0, max)).ToList();
        return Task.FromResult(found);
    }

    public Task<DirectoryEntry?> FindAsync(string principal, CancellationToken cancellationToken) =>
        Task.FromResult(All().FirstOrDefault(e => string.Equals(e.Principal, principal, StringComparison.OrdinalIgnoreCase)));

    public Task<IReadOnlyList<DirectoryEntry>> ResolveAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var term = text.Trim();
        IReadOnlyList<DirectoryEntry> found = All()
            .Where(e => Same(e.Name, term) || Same(e.Detail, term) || Same(UserNameOf(e), term))
            .ToList();
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<string>?> GroupsOfAsync(string userObjectId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>?>(User(userObjectId)?.Groups.ToList());

    public Task<IReadOnlyList<string>> MembersOfAsync(string groupObjectId, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> members = Config.LocalUsers
            .Where(u => u.Groups.Contains(groupObjectId, StringComparer.OrdinalIgnoreCase)).Select(u => u.ObjectId).ToList();
        return Task.FromResult(members);
    }

    public Task<IReadOnlyList<string>> UsersInRoleAsync(string role, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> members = Config.LocalUsers
            .Where(u => u.Roles.Contains(role, StringComparer.OrdinalIgnoreCase)).Select(u => u.ObjectId).ToList();
        return Task.FromResult(members);
    }

    public Task<IReadOnlyList<DirectoryEntry>> TeamsAsync(CancellationToken cancellationToken)
    {
        var teams = people.Value.Teams;
        IReadOnlyList<DirectoryEntry> found = All()
            .Where(e => e.Kind == EntryKinds.Group && (teams.Count == 0 || teams.Contains(e.Principal["group:".Length..], StringComparer.OrdinalIgnoreCase)))
            .ToList();
        return Task.FromResult(found);
    }

    public Task<DirectoryContact?> ContactAsync(string userObjectId, CancellationToken cancellationToken) =>
        Task.FromResult(User(userObjectId) is { } user
            ? new DirectoryContact(Caller.UserPrincipal(user.ObjectId), user.Name, EmailOf(user),
                string.IsNullOrWhiteSpace(user.Language) ? PortalLocalization.DefaultCulture : user.Language)
            : null);

    public Task<Caller?> CallerAsync(string userObjectId, CancellationToken cancellationToken) =>
        Task.FromResult(User(userObjectId) is { } user
            ? new Caller { ObjectId = user.ObjectId, Name = user.Name, UserName = user.UserName, Roles = user.Roles, Groups = user.Groups }
            : null);

    private LocalUser? User(string objectId) =>
        Config.LocalUsers.Find(u => string.Equals(u.ObjectId, objectId, StringComparison.OrdinalIgnoreCase));

    private string EmailOf(LocalUser user) =>
        string.IsNullOrWhiteSpace(user.Email) ? $"{user.UserName}@{people.Value.LocalMailDomain}" : user.Email;

    private IEnumerable<DirectoryEntry> All()
    {
        foreach (var user in Config.LocalUsers.Where(u => !string.IsNullOrEmpty(u.ObjectId)))
        {
            var email = EmailOf(user);
            yield return new DirectoryEntry(Caller.UserPrincipal(user.ObjectId), user.Name, EntryKinds.User, email, $"{user.Name} <{email}>");
        }

        foreach (var (id, name) in Config.Groups)
        {
            yield return new DirectoryEntry(Caller.GroupPrincipal(id), name, EntryKinds.Group, "", name);
        }
    }

    private string? UserNameOf(DirectoryEntry entry) =>
        entry.Kind == EntryKinds.User ? User(entry.Principal["user:".Length..])?.UserName : null;

    private bool Matches(DirectoryEntry entry, string term) =>
        entry.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(entry.Name).Append(entry.Detail).Append(UserNameOf(entry) ?? "")
            .Any(part => part.StartsWith(term, StringComparison.CurrentCultureIgnoreCase));

    private static bool Same(string? a, string b) => !string.IsNullOrEmpty(a) && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

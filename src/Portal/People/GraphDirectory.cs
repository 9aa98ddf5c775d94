using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace KnowledgeHub.Portal.People;

/// <summary>
/// Microsoft Entra ID through Microsoft Graph: <c>/users</c> and <c>/groups</c> with <c>startswith</c> filters for the
/// pickers (permission <c>User.ReadBasic.All</c>), <c>/users/{id}/transitiveMemberOf</c> and
/// <c>/groups/{id}/transitiveMembers</c> for memberships (<c>GroupMember.Read.All</c>) — delegated for a signed-in user,
/// application for background work (<see cref="GraphAuthentication"/>). A Graph failure, or a user token that cannot be
/// had, is logged and answers "not known" (an empty list, null): the portal then falls back to what the token says, never
/// to more access.
/// </summary>
public sealed partial class GraphDirectory(GraphServiceClient graph, IOptions<PeopleOptions> options, ILogger<GraphDirectory> logger) : IDirectory
{
    private const int PageSize = 999;
    private static readonly string[] UserFields = ["id", "displayName", "mail", "userPrincipalName", "preferredLanguage"];
    private static readonly string[] GroupFields = ["id", "displayName", "mail", "description"];

    public async Task<IReadOnlyList<DirectoryEntry>> SearchAsync(string text, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var term = Quote(text.Trim());
        if (term.Length == 0 || max <= 0)
        {
            return [];
        }

        return await GuardAsync("search", async () =>
        {
            var users = await graph.Users.GetAsync(r =>
            {
                r.QueryParameters.Filter = $"startswith(displayName,'{term}') or startswith(mail,'{term}') or startswith(userPrincipalName,'{term}')";
                r.QueryParameters.Select = UserFields;
                r.QueryParameters.Top = max;
            }, cancellationToken);
            var groups = await graph.Groups.GetAsync(r =>
            {
                r.QueryParameters.Filter = $"startswith(displayName,'{term}')";
                r.QueryParameters.Select = GroupFields;
                r.QueryParameters.Top = max;
            }, cancellationToken);
            IReadOnlyList<DirectoryEntry> found =
            [
                .. (users?.Value ?? []).Select(ToEntry).OfType<DirectoryEntry>(),
                .. (groups?.Value ?? []).Select(ToEntry).OfType<DirectoryEntry>(),
            ];
            return found.Take(max).ToList();
        }, []);
    }

    public async Task<DirectoryEntry?> FindAsync(string principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (Id(principal, "user:") is { } userId)
        {
            return await GuardAsync("user", async () => ToEntry(await graph.Users[userId].GetAsync(r => r.QueryParameters.Select = UserFields, cancellationToken)), null);
        }

        return Id(principal, "group:") is { } groupId
            ? await GuardAsync("group", async () => ToEntry(await graph.Groups[groupId].GetAsync(r => r.QueryParameters.Select = GroupFields, cancellationToken)), null)
            : null;
    }

    public async Task<IReadOnlyList<DirectoryEntry>> ResolveAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var term = text.Trim();
        var candidates = await SearchAsync(term, 25, cancellationToken);
        return candidates.Where(e => Same(e.Name, term) || Same(e.Detail, term)).ToList();
    }

    public async Task<IReadOnlyList<string>?> GroupsOfAsync(string userObjectId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(userObjectId, out var id))
        {
            return null;
        }

        return await GuardAsync<IReadOnlyList<string>?>("transitiveMemberOf", async () =>
        {
            var groups = new List<string>();
            var page = await graph.Users[id.ToString("D")].TransitiveMemberOf.GetAsync(r =>
            {
                r.QueryParameters.Select = ["id"];
                r.QueryParameters.Top = PageSize;
            }, cancellationToken);
            while (page is not null)
            {
                groups.AddRange((page.Value ?? []).OfType<Group>().Select(g => g.Id).OfType<string>());
                page = page.OdataNextLink is { } next
                    ? await graph.Users[id.ToString("D")].TransitiveMemberOf.WithUrl(next).GetAsync(cancellationToken: cancellationToken)
                    : null;
            }

            return groups.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }, null);
    }

    public async Task<IReadOnlyList<string>> MembersOfAsync(string groupObjectId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(groupObjectId, out var id))
        {
            return [];
        }

        return await GuardAsync<IReadOnlyList<string>>("transitiveMembers", async () =>
        {
            var users = new List<string>();
            var page = await graph.Groups[id.ToString("D")].TransitiveMembers.GetAsync(r =>
            {
                r.QueryParameters.Select = ["id"];
                r.QueryParameters.Top = PageSize;
            }, cancellationToken);
            while (page is not null)
            {
                users.AddRange((page.Value ?? []).OfType<User>().Select(u => u.Id).OfType<string>());
                page = page.OdataNextLink is { } next
                    ? await graph.Groups[id.ToString("D")].TransitiveMembers.WithUrl(next).GetAsync(cancellationToken: cancellationToken)
                    : null;
            }

            return users;
        }, []);
    }

    public Task<IReadOnlyList<string>> UsersInRoleAsync(string role, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(options.Value.RoleMembers.TryGetValue(role, out var members) ? members : []);

    public async Task<IReadOnlyList<DirectoryEntry>> TeamsAsync(CancellationToken cancellationToken)
    {
        var teams = new List<DirectoryEntry>();
        foreach (var id in options.Value.Teams)
        {
            if (await FindAsync(Caller.GroupPrincipal(id), cancellationToken) is { } team)
            {
                teams.Add(team);
            }
        }

        return teams;
    }

    public async Task<DirectoryContact?> ContactAsync(string userObjectId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(userObjectId, out var id))
        {
            return null;
        }

        var user = await GuardAsync("user", () => graph.Users[id.ToString("D")].GetAsync(r => r.QueryParameters.Select = UserFields, cancellationToken), null);
        var email = user?.Mail ?? user?.UserPrincipalName;
        return user?.Id is null || string.IsNullOrEmpty(email)
            ? null
            : new DirectoryContact(Caller.UserPrincipal(user.Id), user.DisplayName ?? email, email, Language(user.PreferredLanguage));
    }

    public async Task<Caller?> CallerAsync(string userObjectId, CancellationToken cancellationToken)
    {
        if (await ContactAsync(userObjectId, cancellationToken) is not { } contact)
        {
            return null;
        }

        var roles = options.Value.RoleMembers.Where(r => r.Value.Contains(userObjectId, StringComparer.OrdinalIgnoreCase)).Select(r => r.Key).ToList();
        return new Caller
        {
            ObjectId = userObjectId,
            Name = contact.Name,
            Roles = roles,
            Groups = await GroupsOfAsync(userObjectId, cancellationToken) ?? [],
        };
    }

    private static DirectoryEntry? ToEntry(User? user)
    {
        var email = user?.Mail ?? user?.UserPrincipalName ?? "";
        return user?.Id is null
            ? null
            : new DirectoryEntry(Caller.UserPrincipal(user.Id), user.DisplayName ?? email, EntryKinds.User, email,
                email.Length > 0 ? $"{user.DisplayName} <{email}>" : Caller.UserPrincipal(user.Id));
    }

    private static DirectoryEntry? ToEntry(Group? group) =>
        group?.Id is null
            ? null
            : new DirectoryEntry(Caller.GroupPrincipal(group.Id), group.DisplayName ?? group.Id, EntryKinds.Group, group.Mail ?? "",
                $"{group.DisplayName} <{Caller.GroupPrincipal(group.Id)}>");

    private static string Language(string? preferred) =>
        preferred?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en" : PortalLocalization.DefaultCulture;

    private static string? Id(string principal, string prefix) =>
        principal.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && Guid.TryParse(principal[prefix.Length..], out var id)
            ? id.ToString("D")
            : null;

    /// <summary>OData string literal: a quote is doubled; control characters are dropped; at most 100 characters.</summary>
    private static string Quote(string text) =>
        new string([.. text.Where(c => !char.IsControl(c)).Take(100)]).Replace("'", "''", StringComparison.Ordinal);

    private static bool Same(string? a, string b) => !string.IsNullOrEmpty(a) && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private async Task<T> GuardAsync<T>(string call, Func<Task<T>> run, T fallback)
    {
        try
        {
            return await run();
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            return fallback;
        }
        catch (Exception error) when (error is ODataError or HttpRequestException or TaskCanceledException or Microsoft.Kiota.Abstractions.ApiException
            or Microsoft.Identity.Client.MsalException or Microsoft.Identity.Web.MicrosoftIdentityWebChallengeUserException
            or Azure.Identity.AuthenticationFailedException)
        {
            LogGraphFailed(logger, call, error.Message);
            return fallback;
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Microsoft Graph call {Call} failed: {Reason}")]
    private static partial void LogGraphFailed(ILogger logger, string call, string reason);
}

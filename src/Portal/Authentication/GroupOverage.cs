using System.Security.Claims;
using KnowledgeHub.Portal.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Authentication;

/// <summary>
/// Group overage: when a user is in too many groups, Entra ID leaves the <c>groups</c> claim out and says so with
/// <c>_claim_names</c> (<c>{"groups": "src1"}</c>) or <c>hasgroups: true</c>. That never means "no restriction":
/// <see cref="GroupOverageResolver"/> reads the user's groups from the directory (Microsoft Graph), and while it cannot,
/// <see cref="CallerClaims"/> treats such a user as in no groups. Each sign-in or token with overage is logged here.
/// </summary>
public sealed partial class GroupOverage(ILogger<GroupOverage> logger)
{
    /// <summary>Logs a warning (with a hash of the oid) when <paramref name="user"/>'s token reports group overage; true when it does.</summary>
    public bool Check(ClaimsPrincipal? user, string scheme)
    {
        if (user is null || !CallerClaims.HasGroupOverage(user))
        {
            return false;
        }

        // The log names the user by a hash of the oid (enough to match repeated warnings), not by the oid itself.
        LogOverage(logger, CallerClaims.ToCaller(user)?.ObjectId is { } oid ? UserHash(oid) : "(no oid)", scheme);
        return true;
    }

    [LoggerMessage(
        EventId = 3101,
        Level = LogLevel.Warning,
        Message = "Group overage for user {UserHash} ({Scheme}): the token lists no groups because the user is in too many; " +
            "they are read from the directory (People:Directory=Graph). Until the directory answers, the user is " +
            "treated as in no groups, so group-shared documents stay hidden.")]
    private static partial void LogOverage(ILogger logger, string userHash, string scheme);

    /// <summary>The first 12 hex digits of the SHA-256 of an oid: the same user gives the same hash, and nothing else.</summary>
    public static string UserHash(string objectId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(objectId.ToLowerInvariant())))[..12];
}

/// <summary>
/// Gives a user whose token reports group overage the groups the directory knows (<see cref="IDirectory.GroupsOfAsync"/>,
/// Graph's <c>transitiveMemberOf</c>), cached per user for <see cref="PeopleOptions.GroupCacheDuration"/>. When the
/// directory cannot tell (an unknown user, Graph unreachable), the principal is left as it was: in no groups.
/// </summary>
public sealed partial class GroupOverageResolver(
    IDirectory directory, IMemoryCache cache, IOptions<PeopleOptions> options, ILogger<GroupOverageResolver> logger) : IClaimsTransformation
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true || !CallerClaims.HasGroupOverage(principal)
            || CallerClaims.ToCaller(principal)?.ObjectId is not { } oid)
        {
            return principal;
        }

        var groups = await cache.GetOrCreateAsync(("overage-groups", oid.ToUpperInvariant()), async entry =>
        {
            using var asUser = GraphAuthentication.For(principal); // a session's sign-in: Graph is asked as this user
            var found = await directory.GroupsOfAsync(oid, CancellationToken.None);
            entry.AbsoluteExpirationRelativeToNow = found is null ? RetryAfterFailure : options.Value.GroupCacheDuration;
            return found;
        });
        if (groups is null)
        {
            return principal;
        }

        var resolved = principal.Clone();
        foreach (var identity in resolved.Identities)
        {
            foreach (var claim in identity.Claims
                .Where(c => c.Type is CallerClaims.HasGroups or CallerClaims.ClaimNames or CallerClaims.Groups).ToList())
            {
                identity.TryRemoveClaim(claim);
            }
        }

        var first = resolved.Identities.First();
        first.AddClaims(groups.Select(g => new Claim(CallerClaims.Groups, g)));
        LogResolved(logger, GroupOverage.UserHash(oid), groups.Count);
        return resolved;
    }

    [LoggerMessage(EventId = 3102, Level = LogLevel.Debug, Message = "Group overage of user {UserHash}: {Count} groups read from the directory")]
    private static partial void LogResolved(ILogger logger, string userHash, int count);
}

using System.Security.Claims;

namespace KnowledgeHub.Portal.Authentication;

/// <summary>
/// Group overage: when a user is in too many groups, Entra ID leaves the <c>groups</c> claim out and says so with
/// <c>_claim_names</c> (<c>{"groups": "src1"}</c>) or <c>hasgroups: true</c>. That never means "no restriction":
/// <see cref="CallerClaims"/> treats such a user as in no groups, and each sign-in or token is logged here.
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
            "the user is treated as in no groups, so group-shared documents stay hidden. Assign access by app role or fewer groups.")]
    private static partial void LogOverage(ILogger logger, string userHash, string scheme);

    /// <summary>The first 12 hex digits of the SHA-256 of an oid: the same user gives the same hash, and nothing else.</summary>
    public static string UserHash(string objectId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(objectId.ToLowerInvariant())))[..12];
}

using System.Security.Claims;
using System.Text.Json;
using KnowledgeHub.Documents;

namespace KnowledgeHub.Portal.Authentication;

/// <summary>
/// The one place a signed-in user's claims become a <see cref="Caller"/>. Claims are Entra-shaped
/// (oid, tid, name, preferred_username, roles, groups); the long URI forms that Microsoft's token
/// handlers map them to are accepted too. A token that reports group overage (see <see cref="GroupOverage"/>)
/// gives a caller in no groups, whatever else it says.
/// </summary>
public static class CallerClaims
{
    public const string ObjectId = "oid";
    public const string TenantId = "tid";
    public const string Name = "name";
    public const string PreferredUserName = "preferred_username";
    public const string Roles = "roles";
    public const string Groups = "groups";
    public const string ClaimNames = "_claim_names";
    public const string HasGroups = "hasgroups";

    private const string ObjectIdUri = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private const string TenantIdUri = "http://schemas.microsoft.com/identity/claims/tenantid";
    private const string GroupsUri = "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups";

    /// <summary>The caller of this request; throws when nobody is signed in (pages are authorized by folder).</summary>
    public static Caller GetCaller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ToCaller(context.User)
            ?? throw new InvalidOperationException("The request has no signed-in user with an oid claim; is the page authorized?");
    }

    /// <summary>The caller, or null when the principal is not signed in or has no object id.</summary>
    public static Caller? ToCaller(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var oid = First(user, ObjectId, ObjectIdUri);
        if (string.IsNullOrEmpty(oid))
        {
            return null;
        }

        var userName = First(user, PreferredUserName, ClaimTypes.Upn) ?? "";
        return new Caller
        {
            ObjectId = oid,
            Name = First(user, Name, ClaimTypes.Name) ?? userName,
            UserName = userName,
            Roles = All(user, Roles, ClaimTypes.Role),
            Groups = HasGroupOverage(user) ? [] : All(user, Groups, GroupsUri),
        };
    }

    /// <summary>True when the token says groups were left out (<c>_claim_names</c> naming groups, or <c>hasgroups</c>).</summary>
    public static bool HasGroupOverage(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Claims.Any(c => c.Type == HasGroups && string.Equals(c.Value, "true", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return user.FindAll(ClaimNames).Any(c => NamesGroups(c.Value));
    }

    private static bool NamesGroups(string claimNames)
    {
        try
        {
            using var json = JsonDocument.Parse(claimNames);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(Groups, out _);
        }
        catch (JsonException)
        {
            // Not JSON: a mention of groups is still overage (fail closed).
            return claimNames.Contains(Groups, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The claims the local sign-in issues for a demo user: the same shape Entra ID gives.</summary>
    public static ClaimsPrincipal ForLocalUser(LocalUser user, string tenantId, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(ObjectId, user.ObjectId),
            new(TenantId, tenantId),
            new(Name, user.Name),
            new(PreferredUserName, user.UserName),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(Roles, r)));
        claims.AddRange(user.Groups.Select(g => new Claim(Groups, g)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, Name, Roles));
    }

    /// <summary>The tenant of the signed-in user, when the token named one.</summary>
    public static string? TenantOf(ClaimsPrincipal user) => First(user, TenantId, TenantIdUri);

    private static string? First(ClaimsPrincipal user, params string[] types)
    {
        foreach (var type in types)
        {
            var value = user.FindFirst(type)?.Value;
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        return null;
    }

    private static string[] All(ClaimsPrincipal user, params string[] types) =>
        user.Claims.Where(c => types.Contains(c.Type, StringComparer.Ordinal))
            .Select(c => c.Value)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
}

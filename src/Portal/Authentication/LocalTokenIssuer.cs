using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeHub.Portal.Authentication;

/// <summary>A bearer token for scripts, issued by the local sign-in: the user's Entra-shaped claims, signed with the install's key.</summary>
public sealed record LocalToken(string Value, DateTimeOffset ExpiresUtc, string Id = "");

/// <summary>
/// Issues local API tokens (issuer <see cref="Issuer"/>, audience <see cref="Audience"/>, <see cref="Lifetime"/>), each
/// with its own id (<c>jti</c>) listed in <see cref="ApiTokenRegistry"/>, where its owner can see and revoke it.
/// </summary>
public sealed class LocalTokenIssuer(LocalTokenKeyStore keys, TimeProvider time, ApiTokenRegistry registry)
{
    public const string Issuer = "knowledgehub-local";
    public const string Audience = "api://knowledgehub-local";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>Claims copied into the token; anything else the cookie holds stays out.</summary>
    private static readonly HashSet<string> Copied = new(StringComparer.Ordinal)
    {
        CallerClaims.ObjectId, CallerClaims.TenantId, CallerClaims.Name, CallerClaims.PreferredUserName,
        CallerClaims.Roles, CallerClaims.Groups,
    };

    public async Task<LocalToken> IssueAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (CallerClaims.ToCaller(user) is null)
        {
            throw new InvalidOperationException("Only a signed-in user with an oid claim can be issued a token.");
        }

        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var claims = user.Claims.Where(c => Copied.Contains(c.Type)).Select(c => new Claim(c.Type, c.Value))
            .Append(new Claim(JwtRegisteredClaimNames.Jti, id));
        var now = time.GetUtcNow();
        var expires = now.Add(Lifetime);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(await keys.GetAsync(cancellationToken), SecurityAlgorithms.HmacSha256),
        };
        var value = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);

        // Listed before it is shown: a token the registry does not know is refused.
        await registry.AddAsync(CallerClaims.ToCaller(user)!.ObjectId, new ApiTokenRecord(id, now, expires, null), cancellationToken);
        return new LocalToken(value, expires, id);
    }
}

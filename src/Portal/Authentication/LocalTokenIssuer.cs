using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeHub.Portal.Authentication;

/// <summary>A bearer token for scripts, issued by the local sign-in: the user's Entra-shaped claims, signed with the install's key.</summary>
public sealed record LocalToken(string Value, DateTimeOffset ExpiresUtc);

/// <summary>Issues local API tokens (issuer <see cref="Issuer"/>, audience <see cref="Audience"/>, <see cref="Lifetime"/>).</summary>
public sealed class LocalTokenIssuer(LocalTokenKeyStore keys, TimeProvider time)
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

        var claims = user.Claims.Where(c => Copied.Contains(c.Type)).Select(c => new Claim(c.Type, c.Value));
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
        return new LocalToken(new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor), expires);
    }
}

using System.Collections.Concurrent;
using System.Security.Claims;
using Azure.Core;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;

namespace KnowledgeHub.Portal.Tests.People;

/// <summary>
/// What Microsoft.Identity.Web's token cache hands out after an Entra sign-in, for the stand-in Graph: a delegated token
/// for the user asked about (<c>oid</c> from their claims, <c>scp</c> the scopes asked for). The test's identity
/// provider cannot run the authorization-code flow, so this stands where the cache would be; users in
/// <see cref="WithoutToken"/> get what a user whose session predates the cache gets (MSAL's "sign in again").
/// </summary>
public sealed class StandInTokenAcquisition : ITokenAcquisition
{
    private static readonly JsonWebTokenHandler Handler = new();

    public ConcurrentQueue<(string? ObjectId, IReadOnlyList<string> Scopes)> Asked { get; } = new();

    public ConcurrentDictionary<string, bool> WithoutToken { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task<string> GetAccessTokenForUserAsync(
        IEnumerable<string> scopes, string? authenticationScheme = null, string? tenantId = null, string? userFlow = null,
        ClaimsPrincipal? user = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null)
    {
        var oid = user?.FindFirst("oid")?.Value;
        var asked = scopes.ToList();
        Asked.Enqueue((oid, asked));
        if (oid is not null && WithoutToken.ContainsKey(oid))
        {
            throw new MicrosoftIdentityWebChallengeUserException(new MsalUiRequiredException("user_null", "No account in the cache."), [.. asked]);
        }

        var scp = string.Join(' ', asked.Select(s => s[(s.LastIndexOf('/') + 1)..]));
        return Task.FromResult(Handler.CreateToken($$"""{"aud":"https://graph.microsoft.com","oid":"{{oid}}","scp":"{{scp}}"}"""));
    }

    public Task<AuthenticationResult> GetAuthenticationResultForUserAsync(
        IEnumerable<string> scopes, string? authenticationScheme = null, string? tenantId = null, string? userFlow = null,
        ClaimsPrincipal? user = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) => throw new NotSupportedException();

    public Task<string> GetAccessTokenForAppAsync(
        string scope, string? authenticationScheme = null, string? tenant = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) =>
        throw new NotSupportedException("The portal's app-only calls go through its GraphAppCredential.");

    public Task<AuthenticationResult> GetAuthenticationResultForAppAsync(
        string scope, string? authenticationScheme = null, string? tenant = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) =>
        throw new NotSupportedException();

    public string GetEffectiveAuthenticationScheme(string? authenticationScheme) => authenticationScheme ?? "OpenIdConnect";

    public void ReplyForbiddenWithWwwAuthenticateHeader(
        IEnumerable<string> scopes, MsalUiRequiredException msalServiceException, string? authenticationScheme = null,
        Microsoft.AspNetCore.Http.HttpResponse? httpResponse = null) => throw new NotSupportedException();

    public Task ReplyForbiddenWithWwwAuthenticateHeaderAsync(
        IEnumerable<string> scopes, MsalUiRequiredException msalServiceException, Microsoft.AspNetCore.Http.HttpResponse? httpResponse = null) =>
        throw new NotSupportedException();
}

/// <summary>The app registration's credential for the stand-in: an app token holding application permissions (<c>roles</c>).</summary>
public sealed class StandInAppCredential : TokenCredential
{
    private static readonly JsonWebTokenHandler Handler = new();

    public ConcurrentQueue<string> Scopes { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        foreach (var scope in requestContext.Scopes)
        {
            Scopes.Enqueue(scope);
        }

        var token = Handler.CreateToken("""{"aud":"https://graph.microsoft.com","roles":["User.Read.All","GroupMember.Read.All"]}""");
        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}

using System.Security.Claims;
using Azure.Core;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;

namespace KnowledgeHub.Portal.People;

/// <summary>The Microsoft Graph permissions the portal asks for.</summary>
public static class GraphScopes
{
    /// <summary>Delegated, consented at sign-in: the signed-in user's own view of the directory (pickers, names, their groups).</summary>
    public static readonly IReadOnlyList<string> Delegated =
        ["https://graph.microsoft.com/User.ReadBasic.All", "https://graph.microsoft.com/GroupMember.Read.All"];

    /// <summary>Application (app-only), for the work that has no signed-in user: notifications, the digest, API tokens' group overage.</summary>
    public const string Application = "https://graph.microsoft.com/.default";

    /// <summary>True when the configuration asks for the Graph directory (then Entra mode acquires delegated tokens at sign-in).</summary>
    public static bool UsesGraph(IConfiguration configuration) =>
        configuration.GetSection(PeopleOptions.SectionName).GetValue(nameof(PeopleOptions.Directory), DirectoryProvider.Local) == DirectoryProvider.Graph;
}

/// <summary>The app registration's own credential for Graph (client secret or managed identity): app-only calls.</summary>
public sealed record GraphAppCredential(TokenCredential Credential);

/// <summary>
/// Signs each Microsoft Graph request. A request made for a signed-in user of a browser session carries that user's
/// delegated token (<see cref="GraphScopes.Delegated"/>), acquired through Microsoft.Identity.Web's
/// <see cref="ITokenAcquisition"/> from its token cache, so Graph answers with what that user may see. Work without a
/// user session — the notification follower, the digest, and the group overage of an API bearer token — signs with the
/// app registration (<see cref="GraphScopes.Application"/>). When a user's token cannot be had (their session predates
/// the cache, consent is missing), the call fails and the directory answers "unknown"; it never falls back to the
/// app's wider permission on a user's behalf. The local sign-in has no user tokens (no ITokenAcquisition): there the
/// app signs every call.
/// </summary>
public sealed class GraphAuthentication(IHttpContextAccessor http, IServiceProvider services, GraphAppCredential app, Uri graphBase)
    : IAuthenticationProvider
{
    private static readonly AsyncLocal<ClaimsPrincipal?> Signing = new();

    private readonly AzureIdentityAuthenticationProvider appOnly = new(
        app.Credential, allowedHosts: [graphBase.Host], observabilityOptions: null, isCaeEnabled: false, scopes: [GraphScopes.Application]);

    /// <summary>
    /// Within the returned scope, Graph calls are made for <paramref name="user"/> (a principal being authenticated, before
    /// it is the request's user: the group overage of a session's sign-in).
    /// </summary>
    public static IDisposable For(ClaimsPrincipal user)
    {
        var previous = Signing.Value;
        Signing.Value = user;
        return new Restore(previous);
    }

    public async Task AuthenticateRequestAsync(
        RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (SessionUser() is { } user && services.GetService<ITokenAcquisition>() is { } tokens)
        {
            var token = await tokens.GetAccessTokenForUserAsync(
                [.. GraphScopes.Delegated], user: user, tokenAcquisitionOptions: new TokenAcquisitionOptions { CancellationToken = cancellationToken });
            request.Headers.Add("Authorization", "Bearer " + token);
            return;
        }

        await appOnly.AuthenticateRequestAsync(request, additionalAuthenticationContext, cancellationToken);
    }

    /// <summary>The signed-in user of a browser session this call is made for; null for background work and bearer-token API calls.</summary>
    private ClaimsPrincipal? SessionUser()
    {
        var context = http.HttpContext;
        if (context is null || context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var user = Signing.Value ?? context.User;
        return user.Identity?.IsAuthenticated == true ? user : null;
    }

    private sealed class Restore(ClaimsPrincipal? previous) : IDisposable
    {
        public void Dispose() => Signing.Value = previous;
    }
}

namespace KnowledgeHub.Portal.RateLimits;

/// <summary>The kinds of request the rate limits tell apart; null for requests that are not limited.</summary>
public static class RequestKinds
{
    public const string SignIn = "sign-in";
    public const string TokenMinting = "token-minting";
    public const string Search = "search";
    public const string Api = "api";
    public const string Writes = "writes";

    public static string? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var path = request.Path;
        var write = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        if (path.StartsWithSegments("/Status", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/Error", StringComparison.OrdinalIgnoreCase))
        {
            // The answers themselves (re-executed after a 429 or 503) are never limited.
            return null;
        }

        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return Api;
        }

        if ((write && path.StartsWithSegments("/Account/SignIn", StringComparison.OrdinalIgnoreCase))
            || path.StartsWithSegments("/signin-oidc", StringComparison.OrdinalIgnoreCase))
        {
            return SignIn;
        }

        if (write && path.StartsWithSegments("/Account/Token", StringComparison.OrdinalIgnoreCase))
        {
            // Revoking is a write too, but minting is what a flood would do; both count here.
            return TokenMinting;
        }

        if (path.StartsWithSegments("/Search", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/Lessons", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/Actions", StringComparison.OrdinalIgnoreCase))
        {
            return Search;
        }

        return write && !path.StartsWithSegments("/Account/SignOut", StringComparison.OrdinalIgnoreCase) ? Writes : null;
    }
}

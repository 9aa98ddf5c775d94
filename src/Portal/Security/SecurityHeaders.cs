namespace KnowledgeHub.Portal.Security;

/// <summary>
/// Security headers on every response — pages, API, static files, status pages, health: a strict
/// Content-Security-Policy (no inline script or style anywhere), nosniff, a referrer policy, and no framing.
/// An endpoint may relax framing with <see cref="AllowSameOriginFramingAttribute"/> (e.g. a sandboxed preview frame);
/// an endpoint that set a <c>sandbox</c> policy itself keeps it.
/// HSTS is added outside Development by <c>UseHsts</c>.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicyHeader = "Content-Security-Policy";

    private const string PolicyWithoutFraming =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors ";

    /// <summary>The policy of every response that does not allow framing.</summary>
    public const string ContentSecurityPolicy = PolicyWithoutFraming + "'none'";

    /// <summary>The policy of an endpoint marked <see cref="AllowSameOriginFramingAttribute"/>.</summary>
    public const string SameOriginFramingPolicy = PolicyWithoutFraming + "'self'";

    /// <param name="app">The pipeline.</param>
    /// <param name="signInOrigin">
    /// The identity provider's origin (Entra ID mode), allowed in <c>form-action</c>: signing out is a form POST
    /// answered with a redirect to the provider's end-session endpoint, which browsers check against form-action.
    /// </param>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? signInOrigin = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var policies = signInOrigin is null
            ? (ContentSecurityPolicy, SameOriginFramingPolicy)
            : (AllowFormAction(ContentSecurityPolicy, signInOrigin), AllowFormAction(SameOriginFramingPolicy, signInOrigin));
        return app.Use((context, next) =>
        {
            // Set just before the headers go out, when routing has chosen the endpoint (and on error and status pages too).
            context.Response.OnStarting(() =>
            {
                Apply(context, policies);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>True when <paramref name="policy"/> has a <c>sandbox</c> directive (with or without flags).</summary>
    public static bool IsSandboxed(string? policy) =>
        !string.IsNullOrEmpty(policy)
        && policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(d => d.Equals("sandbox", StringComparison.OrdinalIgnoreCase) || d.StartsWith("sandbox ", StringComparison.OrdinalIgnoreCase));

    private static string AllowFormAction(string policy, string origin) =>
        policy.Replace("form-action 'self'", "form-action 'self' " + origin, StringComparison.Ordinal);

    private static void Apply(HttpContext context, (string Default, string SameOriginFraming) policies)
    {
        var framing = context.GetEndpoint()?.Metadata.GetMetadata<AllowSameOriginFramingAttribute>() is not null;
        var headers = context.Response.Headers;
        // An endpoint that sandboxes its response (the attachment preview) keeps its own, stricter policy: replacing it
        // would serve the file inline without the sandbox when its URL is opened directly.
        if (!IsSandboxed(headers[ContentSecurityPolicyHeader].ToString()))
        {
            headers[ContentSecurityPolicyHeader] = framing ? policies.SameOriginFraming : policies.Default;
        }

        headers.XFrameOptions = framing ? "SAMEORIGIN" : "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
    }
}

/// <summary>
/// Lets pages of this site frame the endpoint (<c>frame-ancestors 'self'</c>, <c>X-Frame-Options: SAMEORIGIN</c>);
/// for a sandboxed preview. On a PageModel, or <c>.WithMetadata(new AllowSameOriginFramingAttribute())</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class AllowSameOriginFramingAttribute : Attribute;

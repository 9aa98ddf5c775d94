namespace KnowledgeHub.Portal.Authentication;

/// <summary>
/// The sign-in cookie is Secure everywhere except in Development, where the portal may run over plain http on a
/// laptop (there it is Secure whenever the request is https). Behind a TLS-terminating proxy, set
/// ASPNETCORE_FORWARDEDHEADERS_ENABLED=true so the portal sees the https scheme.
/// </summary>
public static class CookiePolicy
{
    public static CookieSecurePolicy SecurePolicy(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    }
}

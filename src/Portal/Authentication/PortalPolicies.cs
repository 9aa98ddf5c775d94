using KnowledgeHub.Documents;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace KnowledgeHub.Portal.Authentication;

/// <summary>
/// The authorization policies. <see cref="Api"/> authenticates with the bearer scheme only, so a page's sign-in
/// cookie never authorizes an API call and a call without a token answers 401, not a redirect.
/// </summary>
public static class PortalPolicies
{
    /// <summary>Every <c>/api</c> endpoint: a valid bearer token naming a user (oid).</summary>
    public const string Api = "Api";

    /// <summary>Pages under <c>/Admin</c>: the app role Admin.</summary>
    public const string Admin = "Admin";

    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Api, ApiPolicy(JwtBearerDefaults.AuthenticationScheme))
            .AddPolicy(Admin, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => CallerClaims.ToCaller(context.User)?.IsInRole(AppRoles.Admin) == true));
        return services;
    }

    /// <summary>The API policy over <paramref name="schemes"/> (tests swap in their own scheme, keeping the requirements).</summary>
    public static AuthorizationPolicy ApiPolicy(params string[] schemes) =>
        new AuthorizationPolicyBuilder(schemes)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => CallerClaims.ToCaller(context.User) is not null)
            .Build();
}

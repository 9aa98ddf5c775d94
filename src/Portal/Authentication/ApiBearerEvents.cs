using KnowledgeHub.Portal.Resources;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.IdentityModel.JsonWebTokens;

namespace KnowledgeHub.Portal.Authentication;

/// <summary>
/// What the bearer scheme adds in both modes: group-overage logging; a token naming no user (no <c>oid</c>) refused;
/// revocation (<see cref="ApiTokenRegistry"/>: a local token must be listed and not revoked, and no token issued before
/// the user's last sign-out is accepted); and a 401 that explains itself.
/// </summary>
public static class ApiBearerEvents
{
    public const string MissingToken =
        "This API needs a bearer token: send 'Authorization: Bearer <token>'. 需要持有者令牌。";

    public const string InvalidToken =
        "The bearer token was refused (expired, tampered with, or issued for another audience or by another issuer). 令牌无效。";

    private const string RefusalKey = "KnowledgeHub.TokenRefusal";

    private static void Refuse(TokenValidatedContext context, string textKey)
    {
        var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<ServiceText>>();
        var reason = text[textKey].Value;
        context.HttpContext.Items[RefusalKey] = reason;
        context.Fail(reason);
    }

    public static void Attach(JwtBearerEvents events, GroupOverage overage)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(overage);
        var validated = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            overage.Check(context.Principal, JwtBearerDefaults.AuthenticationScheme);
            await validated(context);
            if (context.Result is not null)
            {
                return;
            }

            if (CallerClaims.ToCaller(context.Principal) is not { } caller)
            {
                Refuse(context, "TokenNoUser");
                return;
            }

            var registry = context.HttpContext.RequestServices.GetRequiredService<ApiTokenRegistry>();
            var token = context.SecurityToken as JsonWebToken;
            var local = string.Equals(token?.Issuer, LocalTokenIssuer.Issuer, StringComparison.Ordinal);
            var issued = token is { IssuedAt: var iat } && iat != DateTime.MinValue ? new DateTimeOffset(iat, TimeSpan.Zero) : (DateTimeOffset?)null;
            var tokenId = token is not null && token.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Jti, out var jti) ? jti : null;
            if (!await registry.AcceptsAsync(caller.ObjectId, tokenId, issued, mustBeListed: local, context.HttpContext.RequestAborted))
            {
                Refuse(context, "TokenRevokedApi");
            }
        };

        var challenge = events.OnChallenge;
        events.OnChallenge = async context =>
        {
            await challenge(context);
            if (context.Handled || context.Response.HasStarted)
            {
                return;
            }

            context.HandleResponse();
            var refused = context.AuthenticateFailure is not null;
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = refused ? "Bearer error=\"invalid_token\"" : "Bearer";
            await context.Response.WriteAsJsonAsync(
                new ProblemDetails
                {
                    Status = StatusCodes.Status401Unauthorized,
                    Title = "Unauthorized",
                    Detail = context.HttpContext.Items[RefusalKey] is string reason ? reason : refused ? InvalidToken : MissingToken,
                },
                options: null,
                contentType: "application/problem+json",
                context.HttpContext.RequestAborted);
        };
    }
}

using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeHub.Portal.Authentication;

/// <summary>What the bearer scheme adds in both modes: group-overage logging, and a 401 that explains itself.</summary>
public static class ApiBearerEvents
{
    public const string MissingToken =
        "This API needs a bearer token: send 'Authorization: Bearer <token>'. 需要持有者令牌。";

    public const string InvalidToken =
        "The bearer token was refused (expired, tampered with, or issued for another audience or by another issuer). 令牌无效。";

    public static void Attach(JwtBearerEvents events, GroupOverage overage)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(overage);
        var validated = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            overage.Check(context.Principal, JwtBearerDefaults.AuthenticationScheme);
            await validated(context);
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
                    Detail = refused ? InvalidToken : MissingToken,
                },
                options: null,
                contentType: "application/problem+json",
                context.HttpContext.RequestAborted);
        };
    }
}

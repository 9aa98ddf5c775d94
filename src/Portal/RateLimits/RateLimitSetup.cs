using System.Globalization;
using System.Threading.RateLimiting;
using KnowledgeHub.Portal.Api;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Resources;
using KnowledgeHub.Telemetry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.RateLimits;

/// <summary>
/// ASP.NET Core rate limiting over the whole portal: each request is sorted into a kind (<see cref="RequestKinds"/>),
/// then counted against two fixed windows — its user (oid; the address when nobody is signed in) and its client
/// address. A request over either gets 429 with <c>Retry-After</c> and a sentence: ProblemDetails on the API, the
/// status page in the user's language elsewhere. Requests of no kind (reading pages, static files, health) are not limited.
/// </summary>
public static class RateLimitSetup
{
    public static IServiceCollection AddKnowledgeHubRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => Rules(o).All(r => r.Rule is { PerUser: > 0, PerAddress: > 0, WindowSeconds: > 0 }),
                "Every RateLimits rule needs PerUser, PerAddress and WindowSeconds greater than 0.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, limits) =>
        {
            var settings = limits.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, cancellationToken) => RejectAsync(context, settings, cancellationToken);
            if (!settings.Enabled)
            {
                return;
            }

            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings, byUser: true)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings, byUser: false)));
        });
        return services;
    }

    /// <summary>
    /// The rate-limiting middleware, only when limits are on: ASP.NET Core's middleware always builds a partitioned
    /// limiter for endpoint policies, whose 100 ms timer would wake an idle portal ten times a second for nothing.
    /// </summary>
    public static IApplicationBuilder UseKnowledgeHubRateLimits(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled ? app.UseRateLimiter() : app;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions settings, bool byUser)
    {
        if (RequestKinds.Of(context) is not { } kind)
        {
            return RateLimitPartition.GetNoLimiter("none");
        }

        var rule = Rule(settings, kind);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "local";
        var who = byUser && CallerClaims.ToCaller(context.User) is { } caller ? "user:" + caller.ObjectId : "addr:" + address;
        var limit = byUser ? rule.PerUser : rule.PerAddress;
        return RateLimitPartition.GetFixedWindowLimiter($"{kind}|{(byUser ? "u" : "a")}|{who}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromSeconds(rule.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static RateLimitRule Rule(RateLimitOptions settings, string kind) => kind switch
    {
        RequestKinds.SignIn => settings.SignIn,
        RequestKinds.TokenMinting => settings.TokenMinting,
        RequestKinds.Search => settings.Search,
        RequestKinds.Api => settings.Api,
        _ => settings.Writes,
    };

    private static IEnumerable<(string Name, RateLimitRule? Rule)> Rules(RateLimitOptions o) =>
        [("SignIn", o.SignIn), ("TokenMinting", o.TokenMinting), ("Search", o.Search), ("Api", o.Api), ("Writes", o.Writes)];

    private static async ValueTask RejectAsync(OnRejectedContext rejected, RateLimitOptions settings, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var kind = RequestKinds.Of(context) ?? "other";
        KnowledgeHubTelemetry.RateLimitRejections.Add(1, new KeyValuePair<string, object?>("policy", kind));
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : settings.DefaultRetryAfterSeconds;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        if (!context.Request.IsApiRequest())
        {
            // An empty body: the status page (re-executed, in the user's language) says it with the wait.
            return;
        }

        var text = context.RequestServices.GetRequiredService<IStringLocalizer<ServiceText>>();
        await context.Response.WriteAsJsonAsync(
            new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = text["RateLimitTitle"],
                Detail = text["RateLimitSentence", seconds],
            },
            options: null,
            contentType: "application/problem+json",
            cancellationToken);
    }
}

using KnowledgeHub.Portal.Api;
using KnowledgeHub.Portal.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KnowledgeHub.Portal.Outage;

/// <summary>
/// Storage unreachable (<see cref="StorageFaults.IsStorageOutage"/>) is not a bug: the request gets 503 with
/// <c>Retry-After</c> — ProblemDetails on the API, the status page in the user's language elsewhere (re-executed by
/// status code pages) — in every environment, so Development's exception page is kept for real bugs. Nothing about
/// the failure (SDK text, endpoint, path) reaches the answer; the log has the kind of failure only.
/// </summary>
public sealed partial class OutageAnswers(RequestDelegate next, ILogger<OutageAnswers> logger)
{
    public const int RetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (KnowledgeHub.Documents.UseCases.WriteNotConfirmedException exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            await SlowWriteAnswer.AnswerAsync(context, exception.Limit);
        }
        catch (Exception exception) when (StorageFaults.IsStorageOutage(exception) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogOutage(logger, context.Request.Method, StorageFaults.Kind(exception));
            await AnswerAsync(context);
        }
    }

    /// <summary>503 with Retry-After: ProblemDetails on the API; an empty body elsewhere, which the status page fills.</summary>
    public static async Task AnswerAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        if (!context.Request.IsApiRequest())
        {
            return;
        }

        var text = context.RequestServices.GetRequiredService<IStringLocalizer<ServiceText>>();
        await context.Response.WriteAsJsonAsync(
            new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = text["OutageTitle"],
                Detail = text["OutageApi"],
            },
            options: null,
            contentType: "application/problem+json",
            context.RequestAborted);
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Storage is unreachable ({Kind}); a {Method} request was answered 503")]
    private static partial void LogOutage(ILogger logger, string method, string kind);
}

using System.Globalization;
using KnowledgeHub.Portal.Api;
using KnowledgeHub.Portal.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KnowledgeHub.Portal.Outage;

/// <summary>
/// The answer to a write storage did not confirm within <c>Following:WriteTimeout</c>
/// (<see cref="KnowledgeHub.Documents.UseCases.WriteNotConfirmedException"/>): 503 with Retry-After and a sentence that says
/// the write may still complete — ProblemDetails on the API, the status page elsewhere (which reads <see cref="ItemKey"/>).
/// Storage is not marked unavailable: it answers, only slowly.
/// </summary>
public static class SlowWriteAnswer
{
    /// <summary>Set in <see cref="HttpContext.Items"/> (to the seconds waited) for the status page.</summary>
    public const string ItemKey = "KnowledgeHub.WriteNotConfirmed";

    public static async Task AnswerAsync(HttpContext context, TimeSpan waited)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seconds = Math.Max(1, (int)Math.Round(waited.TotalSeconds));
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = OutageAnswers.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        context.Items[ItemKey] = seconds;
        if (!context.Request.IsApiRequest())
        {
            return;
        }

        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SlowWriteText>>();
        await context.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = text["Title"], Detail = text["Sentence", seconds] },
            options: null,
            contentType: "application/problem+json",
            context.RequestAborted);
    }
}

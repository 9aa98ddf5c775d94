using System.Globalization;
using KnowledgeHub.Portal.Outage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages;

/// <summary>
/// The friendly page for 4xx/5xx responses without a body (re-executed by status code pages); its text is in
/// AccountText (ServiceText for 429 and 503, which always say when to come back).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>Seconds until a 429 or 503 may be retried (the <c>Retry-After</c> the answer carries).</summary>
    public int RetryAfterSeconds { get; private set; } = OutageAnswers.RetryAfterSeconds;

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        // Reached directly (not re-executed), the page reports the code it describes.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound;
        }

        // 503 (storage unreachable) and 429 (a rate limit) always say when to come back.
        if (code is StatusCodes.Status503ServiceUnavailable or StatusCodes.Status429TooManyRequests)
        {
            if (!Response.Headers.ContainsKey("Retry-After"))
            {
                Response.Headers.RetryAfter = OutageAnswers.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            }

            RetryAfterSeconds = int.TryParse(Response.Headers.RetryAfter.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? seconds
                : OutageAnswers.RetryAfterSeconds;
        }

        Code = code;
    }
}

using System.Globalization;
using KnowledgeHub.Portal.Outage;
using KnowledgeHub.Portal.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KnowledgeHub.Portal.Pages;

/// <summary>The friendly page for 4xx/5xx responses without a body (re-executed by status code pages).</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<ServiceText> text) : PageModel
{
    public string Heading { get; private set; } = "";

    public string Sentence { get; private set; } = "";

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
        if (code is StatusCodes.Status503ServiceUnavailable or StatusCodes.Status429TooManyRequests
            && !Response.Headers.ContainsKey("Retry-After"))
        {
            Response.Headers.RetryAfter = OutageAnswers.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        (Heading, Sentence) = code switch
        {
            StatusCodes.Status503ServiceUnavailable => (text["OutageTitle"].Value, text["OutageSentence"].Value),
            StatusCodes.Status429TooManyRequests => (text["RateLimitTitle"].Value,
                text["RateLimitSentence", RetryAfter(Response.Headers.RetryAfter.ToString())].Value),
            StatusCodes.Status404NotFound => ("找不到 Not found",
                "We could not find that page or document; it may have been moved, or you may not have access to it. 找不到该页面或文档。"),
            StatusCodes.Status403Forbidden => ("无权限 Not allowed",
                "You are signed in, but you do not have permission to do that. 您没有执行此操作的权限。"),
            StatusCodes.Status400BadRequest => ("请求无效 Bad request",
                "The request could not be read; please go back and try again. 请求无效，请返回重试。"),
            _ => ("出错了 Something went wrong",
                $"The request could not be completed (status {code}). 请求未能完成。"),
        };
    }

    private static int RetryAfter(string header) =>
        int.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : OutageAnswers.RetryAfterSeconds;
}

using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Api;
using Microsoft.AspNetCore.Diagnostics;

namespace KnowledgeHub.Portal.Security;

/// <summary>
/// Refuses, before any page or endpoint sees it, a request whose path, query string or (URL-encoded) form holds a
/// C0 control character other than tab, CR and LF (<see cref="UnicodeControls.HasRefusedControl"/>): NUL and its
/// kin cannot be saved in front matter, indexed or shown. The answer is a 400 with a sentence — ProblemDetails for
/// the API, a small page for pages — and nothing is written. Multipart uploads are left to the upload code
/// (file names are cleaned there; file bytes are not text).
/// </summary>
public static class ControlCharacterGuard
{
    public static IApplicationBuilder UseControlCharacterGuard(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && await CheckAsync(context.Request) is { } refusal)
            {
                await RefuseAsync(context, refusal.Status, refusal.Sentence);
                return;
            }

            await next(context);
        });
    }

    /// <summary>Null when the request may go on; else the status and sentence of the refusal.</summary>
    private static async Task<(int Status, string Sentence)?> CheckAsync(HttpRequest request)
    {
        if (UnicodeControls.HasRefusedControl(request.Path.Value) || request.Query.Any(Refused))
        {
            return (StatusCodes.Status400BadRequest, UnicodeControls.RefusedSentence);
        }

        if (!request.HasFormContentType || request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        try
        {
            // Buffered and rewound: an endpoint that reads the body again with its own form options still sees it all.
            request.EnableBuffering();
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            request.Body.Position = 0;
            return form.Any(Refused) ? (StatusCodes.Status400BadRequest, UnicodeControls.RefusedSentence) : null;
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (StatusCodes.Status413PayloadTooLarge, "The form is larger than the portal accepts; shorten the text and try again. 表单内容过大。");
        }
        catch (InvalidDataException)
        {
            // The form reader refuses some encodings of control characters (%00) outright: the same sentence.
            return (StatusCodes.Status400BadRequest, UnicodeControls.RefusedSentence);
        }
    }

    private static bool Refused(KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> pair) =>
        UnicodeControls.HasRefusedControl(pair.Key) || pair.Value.Any(UnicodeControls.HasRefusedControl);

    private static async Task RefuseAsync(HttpContext context, int status, string sentence)
    {
        context.Response.StatusCode = status;
        if (context.Request.IsApiRequest())
        {
            await TypedResults.Problem(detail: sentence, statusCode: status, title: status == StatusCodes.Status400BadRequest ? "Bad request" : "Too large")
                .ExecuteAsync(context);
            return;
        }

        // A small page of its own: the status page cannot re-execute a POST whose form it cannot read.
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"zh-Hans\"><head><meta charset=\"utf-8\"><title>请求无效 Bad request</title>" +
            "<link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main><section class=\"status-page\"><h1>请求无效 Bad request</h1>" +
            $"<p class=\"status-sentence\">{System.Net.WebUtility.HtmlEncode(sentence)}</p><p><a href=\"/\">返回首页 Back to the home page</a></p></section></main></body></html>",
            context.RequestAborted);
    }
}

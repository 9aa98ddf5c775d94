using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Api;
using Microsoft.AspNetCore.Diagnostics;

namespace KnowledgeHub.Portal.Security;

/// <summary>
/// Refuses, before any page or endpoint sees it, a request whose path, query string or (URL-encoded) form holds a
/// C0 control character other than tab, CR and LF (<see cref="UnicodeControls.HasRefusedControl"/>): NUL and its
/// kin cannot be saved in front matter, indexed or shown. The answer is a 400 with a sentence — ProblemDetails for
/// the API, the status page for pages — and nothing is written. Multipart uploads are left to the upload code
/// (file names are cleaned there; file bytes are not text).
/// </summary>
public static class ControlCharacterGuard
{
    /// <summary>The <see cref="HttpContext.Items"/> key of a sentence the status page shows instead of its default.</summary>
    public const string StatusSentenceKey = "KnowledgeHub.StatusSentence";

    public static IApplicationBuilder UseControlCharacterGuard(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && await HasRefusedControlAsync(context.Request))
            {
                await RefuseAsync(context);
                return;
            }

            await next(context);
        });
    }

    private static async Task<bool> HasRefusedControlAsync(HttpRequest request)
    {
        if (UnicodeControls.HasRefusedControl(request.Path.Value) || request.Query.Any(Refused))
        {
            return true;
        }

        if (!request.HasFormContentType || request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            return false;
        }

        try
        {
            // Buffered and rewound: an endpoint that reads the body again with its own form options still sees it all.
            request.EnableBuffering();
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            request.Body.Position = 0;
            return form.Any(Refused);
        }
        catch (InvalidDataException)
        {
            // Over the form limits or unreadable: the endpoint's own form reading answers that (400/413).
            return false;
        }
    }

    private static bool Refused(KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> pair) =>
        UnicodeControls.HasRefusedControl(pair.Key) || pair.Value.Any(UnicodeControls.HasRefusedControl);

    private static async Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (context.Request.IsApiRequest())
        {
            await TypedResults.Problem(detail: UnicodeControls.RefusedSentence, statusCode: StatusCodes.Status400BadRequest, title: "Bad request")
                .ExecuteAsync(context);
            return;
        }

        // No body: the status page re-executes and shows this sentence.
        context.Items[StatusSentenceKey] = UnicodeControls.RefusedSentence;
    }
}

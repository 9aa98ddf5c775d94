using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// The API's refusals: ProblemDetails with a title for the status and a sentence (<c>detail</c>) a person can act on.
/// One place, so every endpoint words the same refusal the same way.
/// </summary>
public static class ApiProblems
{
    public const string NotFoundSentence = "There is no document with this id that you may read. 找不到该文档，或您没有权限阅读。";

    public static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: TitleOf(status));

    public static ProblemHttpResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, detail);

    public static ProblemHttpResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, detail);

    public static ProblemHttpResult NotFound(string detail = NotFoundSentence) => Problem(StatusCodes.Status404NotFound, detail);

    public static ProblemHttpResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, detail);

    public static string TitleOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Bad request",
        StatusCodes.Status401Unauthorized => "Unauthorized",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status412PreconditionFailed => "Precondition failed",
        StatusCodes.Status413PayloadTooLarge => "Payload too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status428PreconditionRequired => "Precondition required",
        StatusCodes.Status503ServiceUnavailable => "Service unavailable",
        _ => "Error",
    };
}

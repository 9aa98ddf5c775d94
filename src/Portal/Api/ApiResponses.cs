namespace KnowledgeHub.Portal.Api;

/// <summary>
/// Declares what an operation may answer besides success, for the OpenAPI document: the given statuses, plus 401
/// (every call needs a bearer token) and 429 (the rate limits), each as ProblemDetails with a sentence.
/// </summary>
public static class ApiResponses
{
    public static RouteHandlerBuilder Answers(this RouteHandlerBuilder builder, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses.Append(StatusCodes.Status401Unauthorized).Append(StatusCodes.Status429TooManyRequests).Distinct().Order())
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}

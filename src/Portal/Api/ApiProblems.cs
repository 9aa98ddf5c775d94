using System.Resources;
using KnowledgeHub.Portal.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// The API's refusals: ProblemDetails with a title for the status and a sentence (<c>detail</c>) a person can act on,
/// both from <see cref="ApiText"/> in the request's language (<see cref="ApiLanguage"/>: Accept-Language or the
/// language cookie, English when the client names none). One place, so every endpoint words a refusal the same way.
/// </summary>
public static class ApiProblems
{
    /// <summary>
    /// The API's text. A static localizer over the same resources <c>IStringLocalizer&lt;ApiText&gt;</c> reads: the
    /// refusals are made in static endpoint helpers, and the request's culture is already the thread's UI culture.
    /// </summary>
    public static IStringLocalizer Text { get; } = new ResourceManagerStringLocalizer(
        new ResourceManager(typeof(ApiText)), typeof(ApiText).Assembly, typeof(ApiText).FullName!, new ResourceNamesCache(), NullLogger.Instance);

    /// <summary>The domain's English sentences (a policy's refusal, a rule's complaint) in the request's language.</summary>
    private static readonly KnowledgeHub.Portal.Localization.DomainMessages Domain = new(new StringLocalizer<MessageText>(
        new ResourceManagerStringLocalizerFactory(Microsoft.Extensions.Options.Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    /// <summary>"There is no document with this id that you may read." in the request's language.</summary>
    public static string NotFoundSentence => Text["NotFound"];

    /// <summary>A refusal; <paramref name="detail"/> is a sentence of <see cref="Sentence"/> or one of the domain's, put in the request's language here.</summary>
    public static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(detail: Domain.Localize(detail), statusCode: status, title: TitleOf(status));

    public static ProblemHttpResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, detail);

    public static ProblemHttpResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, detail);

    public static ProblemHttpResult NotFound(string? detail = null) => Problem(StatusCodes.Status404NotFound, detail ?? NotFoundSentence);

    public static ProblemHttpResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, detail);

    /// <summary>The sentence <paramref name="key"/> of <see cref="ApiText"/>, with its arguments, in the request's language.</summary>
    public static string Sentence(string key, params object[] arguments) => Text[key, arguments];

    public static string TitleOf(int status) =>
        Text["Title_" + status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is { ResourceNotFound: false } title
            ? title
            : Text["Title_Other"];
}

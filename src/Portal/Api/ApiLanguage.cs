using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// The language of the API's answers. The pages fall back to Chinese, the team's language; an API client that names no
/// language (scripts, curl, integrations — most send no Accept-Language) gets English instead, the usual language of
/// API errors, of the OpenAPI description and of the logs they end up in. A client that sends Accept-Language, or a
/// browser carrying the portal's language cookie (the attachments page's script), gets that language, as the pages do.
/// </summary>
public sealed class ApiLanguage : IEndpointFilter
{
    public static readonly CultureInfo Fallback = CultureInfo.GetCultureInfo("en");

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        Apply(context.HttpContext);
        return next(context);
    }

    /// <summary>Switches the request to English when no provider (cookie, Accept-Language) chose its language.</summary>
    public static void Apply(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IRequestCultureFeature>() is { Provider: not null })
        {
            return;
        }

        CultureInfo.CurrentCulture = Fallback;
        CultureInfo.CurrentUICulture = Fallback;
    }
}

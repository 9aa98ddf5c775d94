using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace KnowledgeHub.Portal.Localization;

/// <summary>
/// One UI language per request: Simplified Chinese by default, English on request. The choice comes from the
/// culture cookie (set by the language switch) first, then the browser's Accept-Language.
/// Text lives in resx pairs under Resources/: <c>XText.resx</c> (zh-CN, the neutral language) and <c>XText.en.resx</c>.
/// </summary>
public static class PortalLocalization
{
    public const string DefaultCulture = "zh-CN";

    public static readonly IReadOnlyList<CultureInfo> SupportedCultures =
        [CultureInfo.GetCultureInfo(DefaultCulture), CultureInfo.GetCultureInfo("en")];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            o.SupportedCultures = [.. SupportedCultures];
            o.SupportedUICultures = [.. SupportedCultures];
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.ApplyCurrentCultureToResponseHeaders = true;

            // Cookie first (an explicit choice), then the browser; no query string, so links stay clean.
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>The value for the page's <c>lang</c> attribute: BCP 47 with the script for Chinese.</summary>
    public static string HtmlLang(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" ? "zh-Hans" : culture.TwoLetterISOLanguageName;
}

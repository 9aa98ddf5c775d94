using System.Globalization;
using KnowledgeHub.Portal.Resources;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Localization;

/// <summary>
/// One UI language per request: Simplified Chinese by default, English on request. The choice comes from the
/// culture cookie (set by the language switch) first, then the browser's Accept-Language.
/// Text lives in resx pairs under Resources/: <c>XText.resx</c> (zh-CN, the neutral language) and <c>XText.en.resx</c>.
/// Times are shown in the user's time zone (<see cref="PortalTime"/>).
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

        // Form labels ([Display(Name = "Title")]) and validation messages come from FormText.resx / FormText.en.resx.
        services.Configure<MvcDataAnnotationsLocalizationOptions>(o =>
            o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(FormText)));

        services.AddOptions<PortalTimeOptions>()
            .BindConfiguration(PortalTimeOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalTimeOptions>, PortalTimeOptionsValidator>();
        services.AddScoped<PortalTime>();
        services.AddHttpContextAccessor();

        // Time words in queries are read in the user's zone (registered after search, so it replaces the configured one).
        services.Replace(ServiceDescriptor.Singleton<KnowledgeHub.Search.Querying.ISearchTimeZone, RequestSearchTimeZone>());
        services.AddSingleton<DomainMessages>();
        return services;
    }

    /// <summary>The value for the page's <c>lang</c> attribute: BCP 47 with the script for Chinese.</summary>
    public static string HtmlLang(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" ? "zh-Hans" : culture.TwoLetterISOLanguageName;

    /// <summary>True when the request's UI language is English.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}

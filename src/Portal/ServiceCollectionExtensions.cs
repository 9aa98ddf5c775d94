using System.Text.Encodings.Web;
using System.Text.Unicode;
using KnowledgeHub.Documents.UseCases;
using KnowledgeHub.Portal.Api;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Dashboard;
using KnowledgeHub.Portal.Hosting;
using KnowledgeHub.Portal.Export;
using KnowledgeHub.Portal.Localization;
using KnowledgeHub.Portal.Notifications;
using KnowledgeHub.Portal.People;
using KnowledgeHub.Portal.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.WebEncoders;

namespace KnowledgeHub.Portal;

/// <summary>The portal's own services: sign-in, Razor Pages by feature folder, the API, page services, the health endpoint's checks.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddKnowledgeHubPortal(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Chinese stays readable UTF-8 in pages instead of &#x..; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddPortalHosting(configuration);
        services.AddPortalLocalization();
        services.AddPortalAuthentication(configuration);
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AuthorizeFolder("/Admin", PortalPolicies.Admin);
            o.Conventions.AllowAnonymousToPage("/Account/SignIn");
            o.Conventions.AllowAnonymousToPage("/Account/SignedOut");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToPage("/Status");

            // Razor Pages validate antiforgery on POST already; said once more for every page, explicitly.
            o.Conventions.ConfigureFilter(new AutoValidateAntiforgeryTokenAttribute());

            // A route id that cannot be a document, or a POST to no handler: 404 before any handler runs.
            o.Conventions.ConfigureFilter(new Security.PageGuardFilter());
        });
        services.AddSingleton<IHtmlGenerator, CspSafeHtmlGenerator>();
        services.AddAntiforgery(o =>
        {
            // Secure whenever the request is https. Not "Always": antiforgery then refuses to render any form over
            // http, which would break every page behind a TLS-terminating proxy that does not forward the scheme.
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddProblemDetails();
        services.AddKnowledgeHubOpenApi();
        services.AddScoped<TypeLabels>();
        services.AddScoped<DocumentReader>();
        services.AddHttpContextAccessor();
        services.AddScoped<SearchNotice>();
        services.RemoveAll<IWriteNotice>();
        services.AddScoped<IWriteNotice>(provider => provider.GetRequiredService<SearchNotice>());
        services.AddSingleton<HomeView>();
        services.AddPortalAccess();
        services.AddPortalWorkflow();
        services.AddPortalPeople(configuration).AddPortalNotifications(configuration).AddPortalDashboard();
        services.AddKnowledgeHubServiceRunning(configuration);
        services.AddPortalImportExport();

        // The "storage" and "index" checks are registered by AddKnowledgeHubStorage and AddKnowledgeHubSearch.
        services.AddHealthChecks();
        return services;
    }
}

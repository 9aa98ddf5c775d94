using System.Text.Encodings.Web;
using System.Text.Unicode;
using KnowledgeHub.Portal.Authentication;
using Microsoft.Extensions.WebEncoders;

namespace KnowledgeHub.Portal;

/// <summary>The portal's own services: sign-in, Razor Pages by feature folder, page services, the health endpoint's checks.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddKnowledgeHubPortal(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Chinese stays readable UTF-8 in pages instead of &#x..; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddPortalAuthentication(configuration);
        services.AddAuthorization();
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Account/SignIn");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToPage("/Status");
        });
        services.AddProblemDetails();
        services.AddScoped<TypeLabels>();
        services.AddScoped<DocumentReader>();
        services.AddScoped<DocumentWriter>();

        // The "storage" and "index" checks are registered by AddKnowledgeHubStorage and AddKnowledgeHubSearch.
        services.AddHealthChecks();
        return services;
    }
}

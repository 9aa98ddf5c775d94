using KnowledgeHub.Portal.Api;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Hosting;
using KnowledgeHub.Portal.People;
using KnowledgeHub.Portal.Outage;
using KnowledgeHub.Portal.RateLimits;
using KnowledgeHub.Portal.Security;
using Microsoft.AspNetCore.Diagnostics;

namespace KnowledgeHub.Portal;

/// <summary>The portal's request pipeline.</summary>
public static class WebApplicationExtensions
{
    public static WebApplication UseKnowledgeHubPortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // The proxy's X-Forwarded-* first: everything after sees the client's scheme and host.
        app.UsePortalForwardedHeaders();

        // Then, so every response gets the headers: pages, API, static files, errors, status pages, health.
        app.UseSecurityHeaders(PortalAuthenticationOptions.Read(app.Configuration).SignInOrigin);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        // Unknown routes, unknown documents, 403s: a friendly page, never an empty body or a stack trace.
        // The API answers in JSON (ProblemDetails) instead.
        app.UseStatusCodePagesWithReExecute("/Status/{0}");
        app.Use((context, next) =>
        {
            if (context.Request.IsApiRequest() && context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }

            return next(context);
        });
        // NUL and other C0 controls in the path, query or form: a 400 with a sentence before any page sees them.
        app.UseControlCharacterGuard();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseKnowledgeHubOutageAnswers();
        app.UseRouting();
        app.UseAuthentication();
        app.UseKnowledgeHubRateLimits();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealth();
        app.MapKnowledgeHubOpenApi();
        app.MapKnowledgeHubApi();
        app.MapPortalPeople();
        app.MapRazorPages();
        return app;
    }
}

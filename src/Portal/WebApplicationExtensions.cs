using KnowledgeHub.Portal.Hosting;

namespace KnowledgeHub.Portal;

/// <summary>The portal's request pipeline.</summary>
public static class WebApplicationExtensions
{
    public static WebApplication UseKnowledgeHubPortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        // Unknown routes, unknown documents, 403s: a friendly page, never an empty body or a stack trace.
        app.UseStatusCodePagesWithReExecute("/Status/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthz();
        app.MapRazorPages();
        return app;
    }
}

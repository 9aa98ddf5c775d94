using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace KnowledgeHub.Portal.Hosting;

/// <summary>
/// <c>X-Forwarded-For</c>/<c>-Proto</c>/<c>-Host</c> from the proxy in front of the portal (YARP, Azure Container Apps
/// ingress, App Service front ends), so redirects, the OpenID Connect callback, secure cookies and HSTS see the
/// client's scheme and host. Trusted from loopback by default; <c>ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR) add more; <c>ForwardedHeaders:TrustAllProxies=true</c> trusts any
/// sender — only where nothing but the platform's ingress can reach the app.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string SectionName = "ForwardedHeaders";

    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var proxies = Parse(section.GetSection("KnownProxies"), "KnownProxies", (string text, out IPAddress value) =>
        {
            var ok = IPAddress.TryParse(text, out var parsed);
            value = parsed ?? IPAddress.None;
            return ok;
        });
        var networks = Parse(section.GetSection("KnownNetworks"), "KnownNetworks", (string text, out System.Net.IPNetwork value) => System.Net.IPNetwork.TryParse(text, out value));
        var trustAll = section.GetValue<bool>("TrustAllProxies");
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            if (trustAll)
            {
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
                o.ForwardLimit = null;
                return;
            }

            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        return services;
    }

    /// <summary>First in the pipeline: everything after sees the client's scheme, host and address.</summary>
    public static IApplicationBuilder UsePortalForwardedHeaders(this IApplicationBuilder app) => app.UseForwardedHeaders();

    private delegate bool TryParse<T>(string text, out T value);

    private static List<T> Parse<T>(IConfigurationSection section, string key, TryParse<T> parse)
    {
        var values = new List<T>();
        // One value ("10.0.0.1, 10.0.0.2", as an environment variable gives it) or an array in appsettings.json.
        var texts = section.Value is { } one ? one.Split(',', ';') : section.Get<string[]>() ?? [];
        foreach (var text in texts.Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            values.Add(parse(text, out var value)
                ? value
                : throw new InvalidOperationException($"The setting {SectionName}:{key} holds '{text}', which is not an IP {(key == "KnownProxies" ? "address" : "network such as 10.0.0.0/8")}."));
        }

        return values;
    }
}

using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Hostile;

/// <summary>
/// One way in for user text: a method, a route template, the route parameters to fill, the query or form fields it
/// binds, and the page handler (<c>?handler=</c>) that selects it.
/// </summary>
public sealed record Surface(string Method, RoutePattern Route, IReadOnlyList<string> Fields, string? Handler, bool IsApi)
{
    public IReadOnlyList<string> RouteParameters => [.. Route.Parameters.Where(p => !p.IsCatchAll).Select(p => p.Name)];

    public string Name => $"{Method} /{Route.RawText}{(Handler is null ? "" : "?handler=" + Handler)}";

    /// <summary>The path with route values filled: <paramref name="value"/> where given, else the defaults.</summary>
    public string Path(IReadOnlyDictionary<string, string> defaults, string? parameter = null, string? value = null)
    {
        var path = "/" + Route.RawText!.TrimStart('/');
        foreach (var p in Route.Parameters)
        {
            var filled = p.Name == parameter ? value! : defaults.GetValueOrDefault(p.Name, "x");
            var token = path[path.IndexOf("{" + p.Name, StringComparison.Ordinal)..];
            token = token[..(token.IndexOf('}', StringComparison.Ordinal) + 1)];
            path = path.Replace(token, Uri.EscapeDataString(filled), StringComparison.Ordinal);
        }

        return path;
    }
}

/// <summary>
/// Every surface of the running portal, read from its endpoints (not listed by hand): each Razor Page handler with
/// the names it binds (handler parameters, [BindProperty] properties and their members), each API endpoint with its
/// query and route parameters (ApiExplorer), plus the field names the pages' own forms and links carry (dictionary
/// keys such as <c>Fields[period]</c>, facet keys read from the query string).
/// </summary>
public static class HostileSurfaces
{
    public static async Task<IReadOnlyList<Surface>> EnumerateAsync(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var loader = services.GetRequiredService<PageLoader>();
        var surfaces = new List<Surface>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // A page answers on several routes ("/Actions" and "/Actions/Index"): the shortest stands for it.
        foreach (var endpoint in endpoints.OrderBy(e => e.RoutePattern.RawText?.Length ?? 0))
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page || !seen.Add(page.ViewEnginePath))
            {
                continue;
            }

            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            // Only GET and POST reach a page from a browser; other verbs are refused by the framework or the page.
            foreach (var handler in compiled.HandlerMethods.Where(h => h.HttpMethod is "GET" or "POST" or "Get" or "Post"))
            {
                var isGet = handler.HttpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase);
                var fields = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var parameter in handler.Parameters.Where(p => !IsRouteParameter(endpoint.RoutePattern, p.Name)))
                {
                    AddNames(fields, parameter.BindingInfo?.BinderModelName ?? parameter.Name, parameter.ParameterType, 0);
                }

                foreach (var property in compiled.BoundProperties.OfType<PageBoundPropertyDescriptor>())
                {
                    var bind = property.Property.GetCustomAttribute<BindPropertyAttribute>();
                    if (!isGet || bind?.SupportsGet == true)
                    {
                        AddNames(fields, bind?.Name ?? property.BindingInfo?.BinderModelName ?? property.Name, property.ParameterType, 0);
                    }
                }

                surfaces.Add(new Surface(handler.HttpMethod.ToUpperInvariant(), endpoint.RoutePattern, [.. fields], handler.Name, IsApi: false));
            }
        }

        var api = services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items.SelectMany(g => g.Items);
        foreach (var description in api)
        {
            var route = RoutePatternFactory.Parse("/" + description.RelativePath!.Split('?')[0]);
            var fields = description.ParameterDescriptions
                .Where(p => p.Source.Id is "Query" or "Form" or "ModelBinding" && !route.Parameters.Any(r => r.Name == p.Name))
                .Select(p => p.Name)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            surfaces.Add(new Surface(description.HttpMethod ?? "GET", route, fields, null, IsApi: true));
        }

        return surfaces;
    }

    /// <summary>Adds the field names found in a page's forms (matching method) and same-page links to <paramref name="surface"/>.</summary>
    public static Surface WithPageNames(Surface surface, IEnumerable<string> names) =>
        surface with { Fields = [.. surface.Fields.Union(names.Where(n => n != "__RequestVerificationToken" && n != "handler"), StringComparer.Ordinal).Order(StringComparer.Ordinal)] };

    private static bool IsRouteParameter(RoutePattern route, string name) => route.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static void AddNames(ISet<string> names, string name, Type type, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (IsSimple(t) || (t.IsGenericType && t.GetGenericArguments() is [var item] && IsSimple(item) && typeof(System.Collections.IEnumerable).IsAssignableFrom(t)))
        {
            names.Add(name);
            return;
        }

        if (depth > 1 || typeof(System.Collections.IDictionary).IsAssignableFrom(t) || typeof(IFormFile).IsAssignableFrom(t) || typeof(IFormFileCollection).IsAssignableFrom(t))
        {
            return;
        }

        foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            AddNames(names, name + "." + property.Name, property.PropertyType, depth + 1);
        }
    }

    private static bool IsSimple(Type t) =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(Guid);
}

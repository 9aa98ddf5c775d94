using System.Buffers;
using System.Text.Json;
using KnowledgeHub.Portal.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeHub.Portal.Hosting;

/// <summary>
/// Health without side effects. <c>/health/live</c>: the process answers (no check, no I/O). <c>/health/ready</c>
/// (and <c>/healthz</c>, its older name): the read-only checks — storage reachable, the index open and following the
/// change log, rebuild progress — 200 when Healthy or Degraded (the node can answer), 503 when Unhealthy. Anonymous
/// callers get <c>{"status": "..."}</c> only; admins get each check's description and data.
/// </summary>
public static class HealthResponse
{
    /// <summary>Registered check name → the property it is reported under.</summary>
    private static readonly Dictionary<string, string> PropertyNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["storage"] = "storage", // AddKnowledgeHubStorage
        ["search-index"] = "index", // AddKnowledgeHubSearch
    };

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = WriteAsync,
        }).AllowAnonymous();
        foreach (var path in new[] { "/health/ready", "/healthz" })
        {
            endpoints.MapHealthChecks(path, new HealthCheckOptions
            {
                ResponseWriter = WriteAsync,
                ResultStatusCodes =
                {
                    [HealthStatus.Healthy] = StatusCodes.Status200OK,
                    [HealthStatus.Degraded] = StatusCodes.Status200OK,
                    [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
                },
            }).AllowAnonymous();
        }

        return endpoints;
    }

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var detail = await IsAdminAsync(context);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(json, report, detail);
        }

        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    private static async Task<bool> IsAdminAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(context.User, PortalPolicies.Admin)).Succeeded;
    }

    private static void Write(Utf8JsonWriter json, HealthReport report, bool detail)
    {
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        if (detail)
        {
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject(PropertyNames.GetValueOrDefault(name, name));
                json.WriteString("status", entry.Status.ToString());
                if (entry.Description is not null)
                {
                    json.WriteString("description", entry.Description);
                }

                foreach (var (key, value) in entry.Data)
                {
                    json.WritePropertyName(key);
                    JsonSerializer.Serialize(json, value, value?.GetType() ?? typeof(object));
                }

                json.WriteEndObject();
            }
        }

        json.WriteEndObject();
    }
}

using KnowledgeHub.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KnowledgeHub.Portal.Telemetry;

/// <summary>
/// OpenTelemetry: traces (ASP.NET Core, HttpClient, the <c>KnowledgeHub</c> source: search, save, storage calls) and
/// metrics (ASP.NET Core, HttpClient, .NET runtime, the <c>KnowledgeHub</c> meter), exported over OTLP only when an
/// endpoint is configured (<c>Telemetry:OtlpEndpoint</c> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>). Query strings never
/// reach a span: search words are personal enough to keep out.
/// </summary>
public static class TelemetrySetup
{
    public static IServiceCollection AddKnowledgeHubTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TelemetryOptions>()
            .BindConfiguration(TelemetryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var settings = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var endpoint = string.IsNullOrWhiteSpace(settings.OtlpEndpoint) ? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] : settings.OtlpEndpoint;
        var export = !string.IsNullOrWhiteSpace(endpoint);

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(KnowledgeHubTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
                        o.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                    })
                    .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, _) => activity.SetTag("url.query", null));
                if (export)
                {
                    tracing.AddOtlpExporter(o => Configure(o, settings, endpoint!, "/v1/traces"));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(KnowledgeHubTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (export)
                {
                    metrics.AddOtlpExporter(o => Configure(o, settings, endpoint!, "/v1/metrics"));
                }
            });
        services.AddSingleton<IndexLagProbe>();
        services.AddHostedService(provider => provider.GetRequiredService<IndexLagProbe>());
        return services;
    }

    /// <summary>gRPC takes the collector's address as is; OTLP over HTTP takes one path per signal.</summary>
    private static void Configure(OtlpExporterOptions options, TelemetryOptions settings, string endpoint, string signalPath)
    {
        if (settings.OtlpProtocol == "http/protobuf")
        {
            options.Protocol = OtlpExportProtocol.HttpProtobuf;
            options.Endpoint = new Uri(endpoint.TrimEnd('/') + signalPath);
            return;
        }

        options.Endpoint = new Uri(endpoint);
    }
}

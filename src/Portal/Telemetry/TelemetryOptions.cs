using System.ComponentModel.DataAnnotations;

namespace KnowledgeHub.Portal.Telemetry;

/// <summary>
/// The <c>Telemetry</c> section. Traces and metrics are always collected in process; they leave it only through OTLP,
/// when <see cref="OtlpEndpoint"/> or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>The OTLP collector, e.g. <c>http://localhost:4317</c> (gRPC) or <c>http://localhost:4318</c> with <see cref="OtlpProtocol"/> <c>http/protobuf</c>.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
    [RegularExpression("^(grpc|http/protobuf)$", ErrorMessage = "Telemetry:OtlpProtocol must be 'grpc' or 'http/protobuf'.")]
    public string? OtlpProtocol { get; set; }

    /// <summary>The service.name resource attribute.</summary>
    public string ServiceName { get; set; } = "knowledgehub-portal";

    /// <summary>How often the index lag is measured.</summary>
    [Range(1, 3600, ErrorMessage = "Telemetry:LagIntervalSeconds must be from 1 to 3600.")]
    public int LagIntervalSeconds { get; set; } = 15;
}

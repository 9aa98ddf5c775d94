using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Transforms;

namespace KnowledgeHub.Cluster;

/// <summary>
/// YARP in front of the nodes: round robin, no session affinity, active health checks on <c>/health/ready</c> every
/// second and passive ones on transport failures, so a node that dies or is not ready is routed around within seconds.
/// Every response says which node answered in <see cref="NodeHeader"/>. Destinations can be added while it runs.
/// </summary>
public sealed class ClusterProxy : IAsyncDisposable
{
    public const string NodeHeader = "X-Cluster-Node";
    private const string ClusterId = "portal";

    private readonly WebApplication app;
    private readonly InMemoryConfigProvider config;
    private readonly Dictionary<string, Uri> destinations;

    private ClusterProxy(WebApplication app, InMemoryConfigProvider config, Dictionary<string, Uri> destinations, Uri address)
    {
        this.app = app;
        this.config = config;
        this.destinations = destinations;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ClusterProxy> StartAsync(int port, IReadOnlyDictionary<string, Uri> nodes, CancellationToken cancellationToken)
    {
        var destinations = new Dictionary<string, Uri>(nodes, StringComparer.Ordinal);
        var builder = WebApplication.CreateSlimBuilder();

        // Over the appsettings.json of whatever folder it runs in (a test's holds the portal's): warnings only, and a dead
        // node's failed probes (that is how it is routed around) as one line each, without a stack trace.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Yarp.ReverseProxy.Health"] = "Error",
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        builder.Services.AddReverseProxy()
            .LoadFromMemory([Route()], [Cluster(destinations)])
            .AddTransforms(context => context.AddResponseTransform(transform =>
            {
                if (transform.HttpContext.GetReverseProxyFeature().ProxiedDestination is { } destination)
                {
                    transform.HttpContext.Response.Headers[NodeHeader] = destination.DestinationId;
                }

                return ValueTask.CompletedTask;
            }));
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync(cancellationToken);
        var config = app.Services.GetRequiredService<InMemoryConfigProvider>();
        return new ClusterProxy(app, config, destinations, new Uri($"http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/"));
    }

    /// <summary>Adds a node; the proxy sends it requests once its active health check passes.</summary>
    public void Add(string name, Uri address)
    {
        lock (destinations)
        {
            destinations[name] = address;
            config.Update([Route()], [Cluster(destinations)]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static RouteConfig Route() => new()
    {
        RouteId = "all",
        ClusterId = ClusterId,
        Match = new RouteMatch { Path = "{**catch-all}" },
    };

    private static ClusterConfig Cluster(IReadOnlyDictionary<string, Uri> nodes) => new()
    {
        ClusterId = ClusterId,
        LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
        SessionAffinity = new SessionAffinityConfig { Enabled = false },
        HealthCheck = new HealthCheckConfig
        {
            AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = TimeSpan.FromSeconds(1),
                Timeout = TimeSpan.FromSeconds(2),
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                Path = "/health/ready",
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                ReactivationPeriod = TimeSpan.FromSeconds(5),
            },
        },
        Metadata = new Dictionary<string, string>
        {
            // One failed check marks a node unhealthy: a dead node costs a second, not two.
            ["ConsecutiveFailuresHealthPolicy.Threshold"] = "1",
        },
        Destinations = nodes.ToDictionary(n => n.Key, n => new DestinationConfig { Address = n.Value.ToString() }, StringComparer.Ordinal),
    };
}

namespace KnowledgeHub.Cluster;

/// <summary>
/// One Azurite, N portal nodes on loopback against it (each its own process and index), and YARP in front. The first
/// node starts alone (it imports the samples into the empty store and writes the first keys); the others then start
/// together. Everything is stopped and the temp data deleted on dispose.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    public const string ContainerName = "knowledgehub";

    private readonly ClusterOptions options;
    private readonly List<PortalNode> nodes = [];
    private readonly bool ownsData;

    private LocalCluster(ClusterOptions options, string dataFolder, bool ownsData)
    {
        this.options = options;
        DataFolder = dataFolder;
        this.ownsData = ownsData;
    }

    public string DataFolder { get; }

    public AzuriteProcess Storage { get; private set; } = null!;

    public ClusterProxy Proxy { get; private set; } = null!;

    public IReadOnlyList<PortalNode> Nodes => nodes;

    /// <summary>The settings every node runs with (storage, environment and the options' own).</summary>
    public IReadOnlyDictionary<string, string> NodeSettings { get; private set; } = new Dictionary<string, string>();

    public static async Task<LocalCluster> StartAsync(ClusterOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ownsData = options.DataFolder is null;
        var data = options.DataFolder ?? Path.Combine(Path.GetTempPath(), "kh-cluster", Guid.NewGuid().ToString("N"));
        var cluster = new LocalCluster(options, data, ownsData);
        try
        {
            await cluster.StartCoreAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more node against the same storage, waits until it is ready, then adds it to the proxy.</summary>
    public async Task<PortalNode> AddNodeAsync(IReadOnlyDictionary<string, string>? extraSettings, CancellationToken cancellationToken)
    {
        var node = CreateNode(nodes.Count + 1, extraSettings);
        nodes.Add(node);
        node.Start();
        await node.WaitUntilReadyAsync(options.ReadyTimeout, cancellationToken);
        Proxy.Add(node.Name, node.Address);
        return node;
    }

    /// <summary>Starts a node again (after <see cref="PortalNode.KillAsync"/>) on its port and index, and waits until it is ready.</summary>
    public async Task RestartAsync(PortalNode node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        await node.KillAsync();
        node.Start();
        await node.WaitUntilReadyAsync(options.ReadyTimeout, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        if (Storage is not null)
        {
            await Storage.DisposeAsync();
        }

        if (ownsData)
        {
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        Storage = await AzuriteProcess.StartAsync(Path.Combine(DataFolder, "azurite"), ChildProcess.FreePort(), options.AzuriteInMemory, options.Echo, cancellationToken);
        if (options.BeforeNodesStart is { } before)
        {
            await before(Storage, cancellationToken);
        }

        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = options.Environment,
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:AzureBlob:ConnectionString"] = Storage.ConnectionString,
            ["Storage:AzureBlob:ContainerName"] = ContainerName,
            ["Documents:ContentRoot"] = RepositoryLayout.Content,

            // The SDK logs every expected 404 (a blob not there yet) as a warning with its headers: too loud for N nodes.
            ["Logging:LogLevel:Azure.Core"] = "Error",
        };
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        NodeSettings = settings;
        for (var i = 1; i <= options.Nodes; i++)
        {
            nodes.Add(CreateNode(i, null));
        }

        nodes[0].Start();
        await nodes[0].WaitUntilReadyAsync(options.ReadyTimeout, cancellationToken);
        foreach (var node in nodes.Skip(1))
        {
            node.Start();
        }

        await Task.WhenAll(nodes.Skip(1).Select(n => n.WaitUntilReadyAsync(options.ReadyTimeout, cancellationToken)));
        var port = options.ProxyPort == 0 ? ChildProcess.FreePort() : options.ProxyPort;
        Proxy = await ClusterProxy.StartAsync(port, nodes.ToDictionary(n => n.Name, n => n.Address, StringComparer.Ordinal), cancellationToken);
    }

    private PortalNode CreateNode(int number, IReadOnlyDictionary<string, string>? extraSettings)
    {
        var settings = new Dictionary<string, string>(NodeSettings, StringComparer.Ordinal);
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var name = $"node{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return new PortalNode(name, ChildProcess.FreePort(), Path.Combine(DataFolder, name), options.PortalAssembly, settings, options.Echo);
    }
}

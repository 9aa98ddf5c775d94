using System.Globalization;

namespace KnowledgeHub.Cluster;

/// <summary>What the local cluster starts: how many nodes, on which ports, from which portal build, with which settings.</summary>
public sealed record ClusterOptions
{
    public const string Usage = """
        dotnet run --project tools/Cluster -- [--nodes 3] [--port 5090] [--portal path/KnowledgeHub.Portal.dll] [--data folder] [--quiet]
          --nodes   portal nodes to start (default 3)
          --port    the proxy's loopback port (default 5090); Azurite and the nodes take free ports
          --portal  the portal to run (default: src/Portal's build in the same configuration as this tool)
          --data    where Azurite and each node's index keep their files (default: a new temp folder, deleted at exit)
          --quiet   do not echo the nodes' logs
        """;

    public int Nodes { get; init; } = 3;

    /// <summary>The proxy's port; 0 takes a free one.</summary>
    public int ProxyPort { get; init; }

    public string PortalAssembly { get; init; } = RepositoryLayout.PortalAssembly;

    /// <summary>Azurite's data and the nodes' index folders; null: a new temp folder, deleted on dispose.</summary>
    public string? DataFolder { get; init; }

    /// <summary>The nodes' ASP.NET Core environment (Development: local sign-in and the sample documents).</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Settings every node gets on top of the storage ones (configuration keys, e.g. <c>Following:PollInterval</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Runs once Azurite listens and before any node starts (e.g. to import documents into the empty store).</summary>
    public Func<AzuriteProcess, CancellationToken, Task>? BeforeNodesStart { get; init; }

    /// <summary>Azurite keeps everything in memory (see <see cref="AzuriteProcess.StartAsync(string, int, bool, TextWriter?, CancellationToken)"/>); not with a kept data folder.</summary>
    public bool AzuriteInMemory { get; init; }

    /// <summary>How long a node may take to be ready.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Where the child processes' output is echoed, line by line with the node's name; null: kept only.</summary>
    public TextWriter? Echo { get; init; }

    /// <summary>Parses the command line; null (after writing why) when it is wrong.</summary>
    public static ClusterOptions? Parse(IReadOnlyList<string> args, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(errors);
        var options = new ClusterOptions { ProxyPort = 5090, Echo = Console.Out };
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--nodes" when int.TryParse(value, CultureInfo.InvariantCulture, out var nodes) && nodes is >= 1 and <= 16:
                    options = options with { Nodes = nodes };
                    i++;
                    break;
                case "--port" when int.TryParse(value, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535:
                    options = options with { ProxyPort = port };
                    i++;
                    break;
                case "--portal" when value is not null:
                    options = options with { PortalAssembly = Path.GetFullPath(value) };
                    i++;
                    break;
                case "--data" when value is not null:
                    options = options with { DataFolder = Path.GetFullPath(value) };
                    i++;
                    break;
                case "--quiet":
                    options = options with { Echo = null };
                    break;
                default:
                    errors.WriteLine($"Not understood: {args[i]} (--nodes takes 1 to 16, --port 0 to 65535).");
                    return null;
            }
        }

        return options;
    }
}

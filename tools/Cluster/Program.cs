// A local cluster of the portal: one Azurite (npm), N portal nodes on loopback against it, YARP round robin in front.
//   dotnet run --project tools/Cluster -- --nodes 3            then open http://127.0.0.1:5090 (Ctrl+C stops everything)
namespace KnowledgeHub.Cluster;

/// <summary>The command line (a class, not top-level statements, so test projects can reference this assembly and the portal's).</summary>
public static class ClusterCommand
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["-h" or "--help"])
        {
            Console.WriteLine(ClusterOptions.Usage);
            return 0;
        }

        if (ClusterOptions.Parse(args, Console.Error) is not { } options)
        {
            Console.Error.WriteLine(ClusterOptions.Usage);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            // kill (SIGTERM) stops the nodes and Azurite too, not only this process.
            context.Cancel = true;
            stop.Cancel();
        });

        Console.WriteLine($"Starting Azurite and {options.Nodes} portal nodes ({options.PortalAssembly})...");
        await using var cluster = await LocalCluster.StartAsync(options, stop.Token);
        Console.WriteLine();
        Console.WriteLine($"Azurite      {cluster.Storage.ConnectionString}");
        foreach (var node in cluster.Nodes)
        {
            Console.WriteLine($"{node.Name,-12} {node.Address}  (index {node.IndexPath})");
        }

        Console.WriteLine($"proxy (YARP) {cluster.Proxy.Address}  round robin, health checks on /health/ready");
        Console.WriteLine("Ctrl+C stops the cluster.");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("Stopping...");
        }

        return 0;
    }
}

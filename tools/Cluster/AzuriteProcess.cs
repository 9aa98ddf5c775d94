using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KnowledgeHub.Cluster;

/// <summary>One Azurite blob service (npm) on a loopback port, keeping its data in a folder; killed on dispose.</summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly ChildProcess process;

    private AzuriteProcess(ChildProcess process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The development account's connection string for this Azurite.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public string Output => process.Output;

    public static Task<AzuriteProcess> StartAsync(string dataFolder, int port, TextWriter? echo, CancellationToken cancellationToken) =>
        StartAsync(dataFolder, port, inMemory: false, echo, cancellationToken);

    /// <summary>
    /// Starts Azurite; with <paramref name="inMemory"/> it keeps everything in memory (nothing survives it) and never
    /// writes its metadata file — at 20k documents that file is ~60 MB, serialized every 5 s while anything changes,
    /// which stalls every request for a second or more on a shared machine (real Azure Storage has no such pause).
    /// </summary>
    public static async Task<AzuriteProcess> StartAsync(string dataFolder, int port, bool inMemory, TextWriter? echo, CancellationToken cancellationToken)
    {
        var bin = RepositoryLayout.AzuriteBlob;
        if (!File.Exists(bin))
        {
            throw new InvalidOperationException($"Azurite is not installed ({bin} is missing): run scripts/install-test-tools.sh (npm ci at the repository root).");
        }

        Directory.CreateDirectory(dataFolder);
        var start = new ProcessStartInfo(bin) { WorkingDirectory = dataFolder };
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in inMemory ? ["--inMemoryPersistence"] : new[] { "--location", dataFolder })
        {
            start.ArgumentList.Add(argument);
        }

        var azurite = new AzuriteProcess(ChildProcess.Start(start, "[azurite]", echo), port);
        try
        {
            await azurite.WaitUntilListeningAsync(TimeSpan.FromSeconds(120), cancellationToken);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();

    private async Task WaitUntilListeningAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(cancellationToken);
                throw new InvalidOperationException($"Azurite exited before listening on port {Port}:\n{process.Output}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {Port} within {timeout}:\n{process.Output}");
    }
}

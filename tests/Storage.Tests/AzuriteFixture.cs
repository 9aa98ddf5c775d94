using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;

namespace KnowledgeHub.Storage.Tests;

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

/// <summary>One Azurite blob emulator for the whole test assembly, on a free loopback port, in memory.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly TempFolder workspace = new();
    private readonly List<string> output = [];
    private Process? azurite;
    private string? problem;

    public string ConnectionString { get; private set; } = "";

    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    /// <summary>A client for the emulator; fails the calling test when Azurite could not start.</summary>
    public BlobServiceClient CreateClient()
    {
        if (problem is not null)
        {
            throw new InvalidOperationException(problem);
        }

        return new BlobServiceClient(ConnectionString, StorageClientOptions.Create());
    }

    public async Task InitializeAsync()
    {
        var bin = Path.Combine(RepositoryRoot.Path, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-blob.cmd" : "azurite-blob");
        if (!File.Exists(bin))
        {
            problem = $"Azurite is not installed: run scripts/install-test-tools.sh (npm install at the repository root). Looked for {bin}.";
            return;
        }

        var port = FreePort();
        ConnectionString = ConnectionStringFor(port);
        var start = new ProcessStartInfo(bin)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workspace.Path,
        };
        foreach (var arg in new[] { "--blobHost", "127.0.0.1", "--blobPort", $"{port}", "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry" })
        {
            start.ArgumentList.Add(arg);
        }

        azurite = Process.Start(start)!;
        azurite.OutputDataReceived += (_, e) => Record(e.Data);
        azurite.ErrorDataReceived += (_, e) => Record(e.Data);
        azurite.BeginOutputReadLine();
        azurite.BeginErrorReadLine();
        problem = await WaitUntilListeningAsync(port);
    }

    public async Task DisposeAsync()
    {
        if (azurite is { HasExited: false })
        {
            azurite.Kill(entireProcessTree: true);
            await azurite.WaitForExitAsync();
        }

        azurite?.Dispose();
        workspace.Dispose();
    }

    /// <summary>A loopback port nothing listens on (for "unreachable endpoint" tests too).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<string?> WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (azurite!.HasExited)
            {
                return $"Azurite exited with code {azurite.ExitCode} before listening on port {port}: {Output()}";
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return null;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        return $"Azurite did not listen on port {port} within 30 s: {Output()}";
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.Add(line);
            }
        }
    }

    private string Output()
    {
        lock (output)
        {
            return string.Join(Environment.NewLine, output);
        }
    }
}

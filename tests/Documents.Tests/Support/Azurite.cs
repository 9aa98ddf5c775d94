using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;
using KnowledgeHub.Storage;

namespace KnowledgeHub.Documents.Tests.Support;

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<Azurite>
{
    public const string Name = "Azurite";
}

/// <summary>One Azurite blob emulator (in memory, on a free loopback port) for the Azure tests of this assembly.</summary>
public sealed class Azurite : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string workspace = Path.Combine(Path.GetTempPath(), "kh-tests", $"azurite-{Guid.NewGuid():N}");
    private Process? process;
    private string? problem;
    private int port;

    /// <summary>A store over a fresh container; fails the calling test with a sentence when Azurite could not start.</summary>
    public AzureBlobStore NewStore()
    {
        if (problem is not null)
        {
            throw new InvalidOperationException(problem);
        }

        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        return new AzureBlobStore(new BlobServiceClient(connection, StorageClientOptions.Create()).GetBlobContainerClient($"t{Guid.NewGuid():N}"));
    }

    public async Task InitializeAsync()
    {
        var bin = Path.Combine(RepositoryRoot(), "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-blob.cmd" : "azurite-blob");
        if (!File.Exists(bin))
        {
            problem = $"Azurite is not installed: run scripts/install-test-tools.sh. Looked for {bin}.";
            return;
        }

        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        Directory.CreateDirectory(workspace);
        var start = new ProcessStartInfo(bin) { UseShellExecute = false, WorkingDirectory = workspace, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--blobHost", "127.0.0.1", "--blobPort", $"{port}", "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry" })
        {
            start.ArgumentList.Add(arg);
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (process.HasExited)
            {
                problem = $"Azurite exited with code {process.ExitCode} before listening on port {port}.";
                return;
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
            }
        }

        problem = $"Azurite did not listen on port {port} within 30 s.";
    }

    public async Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        try
        {
            Directory.Delete(workspace, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "KnowledgeHub.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No KnowledgeHub.sln above {AppContext.BaseDirectory}.");
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KnowledgeHub.Portal.Tests.Outage;

/// <summary>
/// The test's own Azurite blob emulator on a fixed loopback port, keeping its data in a folder, so it can be stopped
/// (killed, as a lost storage account looks to the portal) and started again with everything still there.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kh-tests", $"azurite-{Guid.NewGuid():N}");
    private readonly int port;
    private Process? process;

    public AzuriteProcess()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    public async Task StartAsync()
    {
        var bin = Path.Combine(RepositoryRoot(), "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-blob.cmd" : "azurite-blob");
        if (!File.Exists(bin))
        {
            throw new InvalidOperationException($"This test needs Azurite: run scripts/install-test-tools.sh (npm ci) at the repository root. Looked for {bin}.");
        }

        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo(bin) { UseShellExecute = false, WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--blobHost", "127.0.0.1", "--blobPort", $"{port}", "--location", folder, "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry" })
        {
            start.ArgumentList.Add(arg);
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening on port {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
        }

        throw new InvalidOperationException($"Azurite did not listen on port {port} within 60 s.");
    }

    /// <summary>
    /// Stops the emulator (this test's own process, by its id): SIGTERM first, so it saves its metadata as a storage
    /// account keeps what it acknowledged, then a kill if it is still there after 15 s.
    /// </summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            if (!OperatingSystem.IsWindows())
            {
                using var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
                await term!.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process?.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held; the temp folder is cleaned some other day.
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KnowledgeHub.sln was not found above the test folder.");
    }
}

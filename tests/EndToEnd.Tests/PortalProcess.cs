using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// The real portal as a separate process on a free loopback port, with its own storage folder and
/// index, the local sign-in and the repository's sample content: what a newcomer gets from `dotnet run`.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataRoot;

    private PortalProcess(Process process, Uri baseAddress, string dataRoot)
    {
        _process = process;
        BaseAddress = baseAddress;
        _dataRoot = dataRoot;
    }

    public Uri BaseAddress { get; }

    public TimeSpan StartupTime { get; private set; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="settings">Configuration keys (<c>AzureAd:ClientId</c>) passed as environment variables.</param>
    /// <param name="port">The loopback port to listen on; a free one when null (pass one when another party must know it first).</param>
    public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null, int? port = null)
    {
        port ??= FreePort();
        var dataRoot = Path.Combine(Path.GetTempPath(), "kh-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataRoot);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "src", "Portal"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(RepositoryPaths.PortalAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Storage__FileSystem__RootPath"] = Path.Combine(dataRoot, "blobs");
        start.Environment["Search__IndexPath"] = Path.Combine(dataRoot, "index");
        start.Environment["Documents__ContentRoot"] = Path.Combine(RepositoryPaths.Root, "content");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var portal = new PortalProcess(process, new Uri($"http://127.0.0.1:{port}/"), dataRoot);
        process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await portal.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        portal.StartupTime = clock.Elapsed;
        return portal;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataRoot, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the next run uses a new one.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(); // the last lines (the reason it stopped) are still being read
                throw new InvalidOperationException($"The portal exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The portal did not become healthy within {timeout}:\n{Output}");
    }

    /// <summary>A loopback port nobody listens on now (to know the portal's address before it starts).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

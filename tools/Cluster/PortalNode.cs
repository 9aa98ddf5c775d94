using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace KnowledgeHub.Cluster;

/// <summary>
/// One portal node: <c>dotnet KnowledgeHub.Portal.dll --urls http://127.0.0.1:PORT</c> as its own process, with its own
/// index folder and the shared storage settings. Can be killed (SIGKILL) and started again on the same port and index.
/// </summary>
public sealed class PortalNode : IAsyncDisposable
{
    private readonly string portalAssembly;
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly TextWriter? echo;
    private ChildProcess? process;

    public PortalNode(string name, int port, string dataFolder, string portalAssembly, IReadOnlyDictionary<string, string> settings, TextWriter? echo)
    {
        Name = name;
        Port = port;
        DataFolder = dataFolder;
        this.portalAssembly = portalAssembly;
        this.settings = settings;
        this.echo = echo;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>The node's own folder: its index is <c>index/</c> in it.</summary>
    public string DataFolder { get; }

    public string IndexPath => Path.Combine(DataFolder, "index");

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => process is { HasExited: false };

    /// <summary>The process id while it runs (for kill -9 from outside, or the benchmark's measurements).</summary>
    public int? ProcessId => IsRunning ? process!.Process.Id : null;

    public string Output => process?.Output ?? "";

    /// <summary>Starts the process (not waiting for it to be ready).</summary>
    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is already running.");
        }

        if (!File.Exists(portalAssembly))
        {
            throw new InvalidOperationException($"The portal is not built at {portalAssembly}: run `dotnet build src/Portal -c Release` (or pass --portal).");
        }

        Directory.CreateDirectory(DataFolder);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(portalAssembly)! };
        start.ArgumentList.Add(portalAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");
        start.Environment["Search__IndexPath"] = IndexPath;
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        process = ChildProcess.Start(start, $"[{Name}]", echo);
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200; fails with the node's output when it exits or the time is up.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (!IsRunning)
            {
                await process!.WaitForExitAsync(cancellationToken);
                throw new InvalidOperationException($"{Name} exited before it was ready:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Not answering yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}:\n{Output}");
    }

    /// <summary>kill -9: the process stops at once, mid-request, without flushing anything.</summary>
    public async Task KillAsync()
    {
        if (process is not null)
        {
            await process.KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
        }
    }
}

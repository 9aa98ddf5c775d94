using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>
/// The real portal as a separate process (<c>dotnet KnowledgeHub.Portal.dll</c> of the Release build, working folder
/// src/Portal, no launch profile) on a loopback port, with local sign-in (Development), the given store and index
/// folders and warnings-only logging (so per-request logs do not load the console). Its output goes to a log file.
/// Always killed on dispose, whatever happened before.
/// </summary>
public sealed partial class PortalProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly Process process;
    private readonly StreamWriter log;
    private readonly Queue<string> tail = new();

    private PortalProcess(Process process, Uri baseAddress, StreamWriter log)
    {
        this.process = process;
        BaseAddress = baseAddress;
        this.log = log;
    }

    public Uri BaseAddress { get; }

    public int Pid => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the portal wrote, for error messages.</summary>
    public string Tail
    {
        get
        {
            lock (tail)
            {
                return string.Join('\n', tail);
            }
        }
    }

    public static string AssemblyPath(string repositoryRoot)
    {
        var path = Path.Combine(repositoryRoot, "src", "Portal", "bin", "Release", "net10.0", "KnowledgeHub.Portal.dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The portal is not built at {path}: run `dotnet build src/Portal -c Release` first.");
    }

    public static PortalProcess Start(string repositoryRoot, string storeRoot, string indexPath, int port, string logPath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(repositoryRoot, "src", "Portal"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(AssemblyPath(repositoryRoot));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Storage__Provider"] = "FileSystem";
        start.Environment["Storage__FileSystem__RootPath"] = storeRoot;
        start.Environment["Search__IndexPath"] = indexPath;

        // The load generator is one user at one address sending far more than any person: no rate limits here.
        start.Environment["RateLimits__Enabled"] = "false";
        start.Environment["Documents__ContentRoot"] = Path.Combine(repositoryRoot, "content");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var writer = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var portal = new PortalProcess(process, new Uri($"http://127.0.0.1:{port}/"), writer);
        process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return portal;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Polls the health path until it answers 200 and returns the path used. With <paramref name="healthPath"/> "auto":
    /// <c>/health/ready</c>, or <c>/healthz</c> once the portal answers 404 for it (builds without the new endpoints).
    /// </summary>
    public async Task<string> WaitUntilReadyAsync(string healthPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = healthPath == "auto" ? "/health/ready" : healthPath;
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(cancellationToken); // the last lines (the reason it stopped) are still being read
                throw new InvalidOperationException($"The portal exited with code {process.ExitCode} while starting:\n{Tail}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return path;
                }

                if (response.StatusCode == HttpStatusCode.NotFound && healthPath == "auto" && path != "/healthz")
                {
                    path = "/healthz";
                    continue;
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

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"The portal was not ready ({path}) within {timeout}:\n{Tail}");
    }

    /// <summary>The first number named "documents" anywhere in the health answer (the index's count), or null.</summary>
    public async Task<long?> IndexedDocumentsAsync(string healthPath, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            var text = await http.GetStringAsync(new Uri(healthPath, UriKind.Relative), cancellationToken);
            using var json = JsonDocument.Parse(text);
            return Find(json.RootElement);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
        {
            return null;
        }

        static long? Find(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "documents" && property.Value.ValueKind == JsonValueKind.Number)
                {
                    return property.Value.GetInt64();
                }

                if (Find(property.Value) is { } found)
                {
                    return found;
                }
            }

            return null;
        }
    }

    /// <summary>SIGTERM (a graceful ASP.NET Core shutdown), then a kill when it takes longer than <paramref name="grace"/>.</summary>
    public async Task<TimeSpan> StopAsync(TimeSpan grace)
    {
        var started = Stopwatch.GetTimestamp();
        if (!process.HasExited)
        {
            _ = Kill(process.Id, SigTerm);
            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine($"  the portal did not stop within {grace.TotalSeconds:0} s of SIGTERM; killing it");
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }

        return Stopwatch.GetElapsedTime(started);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        await log.DisposeAsync();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (tail)
        {
            log.WriteLine(line);
            tail.Enqueue(line);
            if (tail.Count > 40)
            {
                tail.Dequeue();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}

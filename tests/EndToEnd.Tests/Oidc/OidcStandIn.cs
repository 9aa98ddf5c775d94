using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace KnowledgeHub.EndToEnd.Tests.Oidc;

/// <summary>
/// tests/tools/oidc/server.mjs as a real process: oidc-provider standing in for Microsoft Entra ID on
/// loopback, with the issuer shaped like Entra's (<c>http://127.0.0.1:PORT/{tenant}/v2.0</c>), one
/// registered client (the portal) and the demo users. Started on a free port; killed with its tree on dispose.
/// </summary>
public sealed class OidcStandIn : IAsyncDisposable
{
    public const string TenantId = "7e4a0000-0000-4000-8000-0000000000aa";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private OidcStandIn(Process process, string clientId, string clientSecret)
    {
        _process = process;
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>What <c>AzureAd:Instance</c> is set to: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Instance { get; private set; } = null!;

    /// <summary><c>{Instance}{TenantId}/v2.0</c>, the <c>iss</c> of every token the stand-in signs.</summary>
    public Uri Issuer { get; private set; } = null!;

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

    /// <summary>Starts the stand-in with the portal at <paramref name="portal"/> as its one client.</summary>
    public static async Task<OidcStandIn> StartAsync(Uri portal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var node = NodeExecutable();
        var clientId = Guid.NewGuid().ToString();
        var clientSecret = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            ServerScript(), "--port", "0", "--exit-with-stdin", "--client-id", clientId, "--client-secret", clientSecret,
            "--redirect-uri", new Uri(portal, "signin-oidc").ToString(),
            "--post-logout-redirect-uri", new Uri(portal, "signout-callback-oidc").ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var standIn = new OidcStandIn(process, clientId, clientSecret);
        process.OutputDataReceived += (_, e) => standIn.Append(e.Data);
        process.ErrorDataReceived += (_, e) => standIn.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await standIn.WaitUntilReadyAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch
        {
            await standIn.DisposeAsync();
            throw;
        }

        return standIn;
    }

    /// <summary>A signed access token from the stand-in's test-only route (valid unless the request says otherwise).</summary>
    public async Task<string> MintAccessTokenAsync(AccessTokenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await _http.PostAsJsonAsync(new Uri(Instance, "test/token"), request.ToJson(), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The stand-in refused to mint a token ({(int)response.StatusCode}): {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>A loopback port nobody listens on right now (the portal's, chosen before the stand-in registers it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var exited = _process.WaitForExitAsync(cancellationToken);
        var finished = await Task.WhenAny(_ready.Task, exited, Task.Delay(timeout, cancellationToken));
        if (finished != _ready.Task)
        {
            var why = finished == exited ? $"exited with code {_process.ExitCode}" : $"was not ready within {timeout}";
            throw new InvalidOperationException($"The oidc-provider stand-in (tests/tools/oidc/server.mjs) {why}:\n{Output}");
        }

        using var ready = JsonDocument.Parse(await _ready.Task);
        Instance = new Uri(ready.RootElement.GetProperty("instance").GetString()!);
        Issuer = new Uri(ready.RootElement.GetProperty("issuer").GetString()!);
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

        if (line.StartsWith("{\"ready\":true", StringComparison.Ordinal))
        {
            _ready.TrySetResult(line);
        }
    }

    private static string ServerScript()
    {
        var provider = Path.Combine(RepositoryPaths.Root, "node_modules", "oidc-provider", "package.json");
        if (!File.Exists(provider))
        {
            throw new InvalidOperationException(
                $"oidc-provider is not installed ({provider} is missing): run scripts/install-test-tools.sh.");
        }

        return Path.Combine(RepositoryPaths.Root, "tests", "tools", "oidc", "server.mjs");
    }

    private static string NodeExecutable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, "node"))
                .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "Node.js (node) is not on PATH; the oidc-provider stand-in for Entra ID needs it: run scripts/install-test-tools.sh.");
    }
}

using KnowledgeHub.Documents;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Portal.Tests.Infrastructure;

/// <summary>
/// The real portal in memory: its own temp storage folder and index, environment Development, the real
/// local sign-in, and the small content set under TestContent imported at start. Every log entry is kept in
/// <see cref="Logs"/>; <see cref="TestSignInPortalFactory"/> signs requests in with a test header instead.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    /// <summary>
    /// File watchers poll instead of taking an inotify instance each: a test run starts many hosts at once, and the
    /// machine's limit (128 per user, shared with every other process) is otherwise reached — a 500 from
    /// asp-append-version's watcher, not from the code under test.
    /// </summary>
    static PortalFactory() => System.Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    public PortalFactory()
        : this("Development", null)
    {
    }

    protected PortalFactory(string environment, IReadOnlyDictionary<string, string>? settings, Action<IServiceCollection>? configureServices = null)
    {
        Environment = environment;
        _configureServices = configureServices;
        Root = Path.Combine(Path.GetTempPath(), "kh-tests", Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "FileSystem",
            ["Storage:FileSystem:RootPath"] = Path.Combine(Root, "blobs"),
            ["Search:IndexPath"] = Path.Combine(Root, "index"),
            ["Documents:ContentRoot"] = TestContentRoot,

            // A node publishes its first index snapshot within seconds of starting (Search/Snapshots): a one-node test
            // portal has nobody to hand it to, and its upload would land in the middle of the tests that check a page
            // or a thousand health calls write nothing. The cluster tests publish and restore snapshots for real.
            ["Search:Snapshots:Enabled"] = "false",

            // Likewise an idle index merges the small segments of saves 10 s after the last one (LuceneIndex): those files
            // would land in the tests that count what a page writes. The search tests compact for real, and the cluster
            // tests' nodes (portal processes) and the scale benchmark's portal run with it on.
            ["Search:CompactAfterIdle"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>A portal in another environment or with settings changed (xunit fixtures need the one public constructor).</summary>
    public static PortalFactory With(string environment, IReadOnlyDictionary<string, string>? settings = null) => new(environment, settings);

    /// <summary>
    /// The error with which a portal of <paramref name="environment"/> and <paramref name="settings"/> refuses to start (null
    /// when it starts). WebApplicationFactory races a host that fails to start (dotnet/aspnetcore#33494): once in a while
    /// the start error is hidden behind an <see cref="ObjectDisposedException"/> of the disposed service provider (seen once
    /// in six full runs). Such an attempt is made again with a new factory, three at most, so the error asserted is the
    /// portal's own.
    /// </summary>
    public static async Task<Exception?> StartErrorAsync(string environment, IReadOnlyDictionary<string, string> settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var portal = With(environment, settings);
            var error = Record.Exception(() => portal.CreatePortalClient());
            if (error is not ObjectDisposedException || attempt == 3)
            {
                return error;
            }
        }
    }

    /// <summary>As <see cref="With(string, IReadOnlyDictionary{string, string}?)"/>, with services replaced after the portal registered its own.</summary>
    public static PortalFactory With(string environment, IReadOnlyDictionary<string, string>? settings, Action<IServiceCollection> configureServices) =>
        new(environment, settings, configureServices);

    /// <summary>Every log entry the portal wrote (all levels), for tests that assert a warning was logged.</summary>
    public CapturedLogs Logs { get; } = new();

    public static string TestContentRoot { get; } = Path.Combine(AppContext.BaseDirectory, "TestContent");

    /// <summary>How many samples TestContent holds.</summary>
    public const int SampleCount = 5;

    public string Environment { get; }

    public string Root { get; }

    /// <summary>
    /// A client that keeps cookies and does not follow redirects, so tests see each 302. It asks for English pages
    /// (<c>Accept-Language: en</c>) unless <paramref name="language"/> says otherwise (null: the portal's default, Chinese).
    /// </summary>
    public HttpClient CreatePortalClient(string? language = "en")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    /// <summary>
    /// A client once the portal reports healthy: the index follows the change log in the background,
    /// so a search right after start could otherwise run before the imported documents are indexed.
    /// </summary>
    public async Task<HttpClient> CreateReadyClientAsync(string? language = "en")
    {
        var client = CreatePortalClient(language);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var health = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (health.StatusCode == System.Net.HttpStatusCode.OK)
            {
                return client;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The portal did not become healthy: " + await health.Content.ReadAsStringAsync());
            }

            await Task.Delay(50);
        }
    }

    public async Task<int> CountDocumentsAsync()
    {
        var repository = Services.GetRequiredService<DocumentRepository>();
        var count = 0;
        await foreach (var _ in repository.ListAsync(CancellationToken.None))
        {
            count++;
        }

        return count;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            // UseSetting reaches the configuration before Program reads it at registration time.
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DeleteRoot();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteRoot();
    }

    private void DeleteRoot()
    {
        try
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }
        }
        catch (IOException)
        {
            // The index may still be closing on another thread; the next run uses a new folder.
        }
    }
}

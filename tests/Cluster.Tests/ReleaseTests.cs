using System.Net;
using Azure.Storage.Blobs;
using KnowledgeHub.Cluster.Tests.Support;
using KnowledgeHub.EndToEnd.Tests.Oidc;

namespace KnowledgeHub.Cluster.Tests;

/// <summary>
/// The release (<c>dotnet publish src/Portal -c Release</c>, made by this project's build) copied to a folder outside the
/// repository and started in Production with Entra ID settings (the oidc-provider stand-in) and Azurite.
/// </summary>
public sealed class ReleaseTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kh-release", Guid.NewGuid().ToString("N"));
    private AzuriteProcess? azurite;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Release, "KnowledgeHub.Portal.dll")), $"No release at {RepositoryPaths.Release}: build tests/Cluster.Tests.");
        Copy(RepositoryPaths.Release, Path.Combine(folder, "app"));
        azurite = await AzuriteProcess.StartAsync(Path.Combine(folder, "azurite"), ChildProcess.FreePort(), null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    [Fact]
    public async Task The_published_portal_runs_outside_the_repository_imports_its_templates_and_refuses_local_sign_in()
    {
        var port = ChildProcess.FreePort();
        await using var standIn = await OidcStandIn.StartAsync(new Uri($"http://127.0.0.1:{port}/"), CancellationToken.None);
        await using var portal = Node(port, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["AzureAd:Instance"] = standIn.Instance.ToString(),
            ["AzureAd:TenantId"] = OidcStandIn.TenantId,
            ["AzureAd:ClientId"] = standIn.ClientId,
            ["AzureAd:ClientSecret"] = standIn.ClientSecret,
            ["AzureAd:RequireHttpsMetadata"] = "false",
            ["AzureAd:ValidIssuer"] = standIn.Issuer.ToString(),
        });
        portal.Start();
        await portal.WaitUntilReadyAsync(TimeSpan.FromSeconds(90), CancellationToken.None);

        using var browser = Browser.Create(portal.Address);
        using var signIn = await browser.GetAsync(new Uri("/Account/SignIn", UriKind.Relative));
        using var localPost = await browser.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "alice" }));
        using var proxied = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live", UriKind.Relative));
        proxied.Headers.Add("X-Forwarded-Proto", "https");
        proxied.Headers.Add("X-Forwarded-Host", "kb.example.com");
        using var behindProxy = await browser.SendAsync(proxied);
        var container = new BlobServiceClient(azurite!.ConnectionString).GetBlobContainerClient("knowledgehub");
        var templates = new List<string>();
        var documents = 0;
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "templates/", CancellationToken.None))
        {
            templates.Add(blob.Name);
        }

        await foreach (var _ in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "docs/", CancellationToken.None))
        {
            documents++;
        }

        Assert.Equal(RepositoryPaths.TemplateCount, templates.Count);
        Assert.Equal(0, documents);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith(standIn.Instance.ToString(), signIn.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.False(localPost.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("KnowledgeHub.Auth=", StringComparison.Ordinal)), "A local sign-in was accepted.");
        Assert.Equal(HttpStatusCode.OK, behindProxy.StatusCode);
        Assert.True(behindProxy.Headers.Contains("Strict-Transport-Security"), "Behind a TLS proxy (X-Forwarded-Proto: https) the portal sends HSTS.");
    }

    [Fact]
    public async Task The_published_portal_refuses_to_start_with_local_sign_in_in_Staging_and_says_why()
    {
        await using var portal = Node(ChildProcess.FreePort(), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["Authentication:Mode"] = "Local",
        });
        portal.Start();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => portal.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), CancellationToken.None));

        Assert.Contains("Local sign-in is for development only", failure.Message, StringComparison.Ordinal);
    }

    private PortalNode Node(int port, Dictionary<string, string> settings)
    {
        settings["Storage:Provider"] = "AzureBlob";
        settings["Storage:AzureBlob:ConnectionString"] = azurite!.ConnectionString;
        settings["Storage:AzureBlob:ContainerName"] = "knowledgehub";
        settings["Logging:LogLevel:Azure.Core"] = "Error";
        return new PortalNode("release", port, Path.Combine(folder, "node"), Path.Combine(folder, "app", "KnowledgeHub.Portal.dll"), settings, null);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

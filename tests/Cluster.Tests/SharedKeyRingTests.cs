using System.Net;
using KnowledgeHub.Cluster.Tests.Support;
using KnowledgeHub.Storage.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace KnowledgeHub.Cluster.Tests;

/// <summary>Two portals over one store share one Data Protection key ring: what one signs or encrypts, the other reads.</summary>
public sealed class SharedKeyRingTests : IDisposable
{
    private readonly string store = Path.Combine(Path.GetTempPath(), "kh-cluster-tests", Guid.NewGuid().ToString("N"), "blobs");

    [Fact]
    public async Task A_cookie_and_an_antiforgery_token_issued_by_one_portal_are_accepted_by_another_over_the_same_store()
    {
        await using var first = new PortalHost(store);
        await using var second = new PortalHost(store);
        var browser = new CookieContainer();
        using var one = Client(first, browser);
        using var two = Client(second, browser);

        await one.SignInAsync("alice");
        using var home = await two.GetAsync(new Uri("/", UriKind.Relative));
        var form = await one.GetDocumentAsync("/Documents/New?type=retrospective");
        using var created = await two.CreateDocumentAsync(form, "Keyring quokka retrospective");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.StartsWith("/Documents/", created.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains(Directory.EnumerateFiles(Path.Combine(store, "keys", "dataprotection")), f => f.EndsWith(".xml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_portal_over_another_store_refuses_the_cookie_and_the_token()
    {
        var otherStore = Path.Combine(Path.GetDirectoryName(store)!, "other-blobs");
        await using var first = new PortalHost(store);
        await using var stranger = new PortalHost(otherStore);
        var browser = new CookieContainer();
        using var one = Client(first, browser);
        using var other = Client(stranger, browser);

        await one.SignInAsync("alice");
        using var home = await other.GetAsync(new Uri("/", UriKind.Relative));
        var form = await one.GetDocumentAsync("/Documents/New?type=retrospective");
        using var created = await other.CreateDocumentAsync(form, "Stranger quokka retrospective");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/Account/SignIn", home.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(
            created.StatusCode == HttpStatusCode.Redirect && created.Headers.Location!.OriginalString.StartsWith("/Documents/", StringComparison.Ordinal),
            "The stranger saved a document with a token it cannot have issued.");
    }

    [Fact]
    public void Key_ring_elements_get_blob_names_made_of_safe_characters_only()
    {
        Assert.Equal("keys/dataprotection/key-0f8e.xml", BlobXmlRepository.BlobName("key-0f8e"));
        Assert.Equal("keys/dataprotection/keyetcpasswd.xml", BlobXmlRepository.BlobName("key/../etc/passwd"));
        Assert.Matches("^keys/dataprotection/[0-9a-f]{32}\\.xml$", BlobXmlRepository.BlobName("/"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(store)!, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static HttpClient Client(WebApplicationFactory<Program> portal, CookieContainer browser)
    {
        var client = portal.CreateDefaultClient(new CookieContainerHandler(browser));
        return client;
    }
}

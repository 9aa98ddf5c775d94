using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KnowledgeHub.Cluster.Tests.Support;
using KnowledgeHub.Documents;
using Microsoft.Extensions.Hosting.Internal;

namespace KnowledgeHub.Cluster.Tests;

/// <summary>Settings that keep a deployment safe: samples only in Development, keys encrypted at rest, proxies named exactly.</summary>
public sealed class SafeDefaultsTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "kh-cluster-tests", Guid.NewGuid().ToString("N"));

    public static TheoryData<bool?, string, bool> SampleImports => new()
    {
        { null, "Development", true },
        { null, "Staging", false },
        { null, "Production", false },
        { true, "Production", true },
        { false, "Development", false },
    };

    [Theory]
    [MemberData(nameof(SampleImports))]
    public void Samples_are_imported_in_Development_only_unless_the_setting_says_otherwise(bool? setting, string environment, bool imported)
    {
        var decided = ContentImportService.ImportsSamples(new DocumentsOptions { ImportSamples = setting }, new HostingEnvironment { EnvironmentName = environment });

        Assert.Equal(imported, decided);
    }

    [Fact]
    public async Task With_a_certificate_the_key_ring_in_the_store_is_encrypted_and_still_shared()
    {
        var settings = new Dictionary<string, string>
        {
            ["DataProtection:CertificatePath"] = WriteCertificate("right password"),
            ["DataProtection:CertificatePassword"] = "right password",
        };
        var store = Path.Combine(root, "blobs");
        await using var first = new PortalHost(store, settings);
        await using var second = new PortalHost(store, settings);
        var browser = new CookieContainer();
        using var one = first.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(browser));
        using var two = second.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(browser));

        await one.SignInAsync("dave");
        using var home = await two.GetAsync(new Uri("/", UriKind.Relative));
        var keys = Directory.GetFiles(Path.Combine(store, "keys", "dataprotection"), "*.xml").Select(File.ReadAllText).ToList();

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("EncryptedData", xml, StringComparison.Ordinal));
        Assert.All(keys, xml => Assert.DoesNotContain("unencrypted form", xml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_certificate_with_the_wrong_password_stops_the_portal_with_a_sentence_naming_the_setting()
    {
        await using var portal = new PortalHost(Path.Combine(root, "blobs"), new Dictionary<string, string>
        {
            ["DataProtection:CertificatePath"] = WriteCertificate("right password"),
            ["DataProtection:CertificatePassword"] = "wrong password",
        });

        var error = Record.Exception(() => portal.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("DataProtection:CertificatePassword", Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forwarded_headers_proxy_that_is_not_an_address_stops_the_portal_with_a_sentence_naming_the_setting()
    {
        await using var portal = new PortalHost(Path.Combine(root, "blobs"), new Dictionary<string, string> { ["ForwardedHeaders:KnownProxies"] = "10.0.0.1, proxy.internal" });

        var error = Record.Exception(() => portal.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("ForwardedHeaders:KnownProxies holds 'proxy.internal'", Messages(error), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private string WriteCertificate(string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=KnowledgeHub Data Protection test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(root, Guid.NewGuid().ToString("N") + ".pfx");
        Directory.CreateDirectory(root);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    private static string Messages(Exception error)
    {
        var all = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            all.Add(e.Message);
        }

        return string.Join("\n", all);
    }
}

using System.Net;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Pages;

/// <summary>A manifest damaged in storage leaves its document out of the lists that show it; it never fails the page.</summary>
public sealed class DamagedManifestTests
{
    [Fact]
    public async Task Search_and_home_answer_without_the_document_whose_manifest_is_damaged()
    {
        await using var portal = new PortalFactory();
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("carol");
        var before = await client.GetDocumentAsync("/Search?q=checkout");
        Assert.NotNull(before.QuerySelector(".hit a[href='/Documents/retro-2026-checkout-latency']"));

        await File.WriteAllTextAsync(Path.Combine(portal.Root, "blobs", "docs", "retro-2026-checkout-latency", "manifest.json"), "not json");
        var search = await client.GetAsync(new Uri("/Search?q=checkout", UriKind.Relative));
        var home = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.DoesNotContain("/Documents/retro-2026-checkout-latency\"", await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

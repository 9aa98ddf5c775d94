using System.Net;
using KnowledgeHub.Cluster.Tests.Support;

namespace KnowledgeHub.Cluster.Tests;

/// <summary>Three portal processes on one Azurite behind YARP round robin, no sticky sessions.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterTests(ClusterFixture fixture)
{
    private LocalCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_user_signed_in_through_the_proxy_stays_signed_in_whichever_node_answers()
    {
        using var browser = Browser.Create(Cluster.Proxy.Address);
        await browser.SignInAsync("alice");

        var nodes = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            using var home = await browser.GetAsync(new Uri("/", UriKind.Relative));
            Assert.True(home.StatusCode == HttpStatusCode.OK, $"{Browser.Node(home)} answered {(int)home.StatusCode} {home.Headers.Location}");
            nodes.Add(Browser.Node(home));
        }

        Assert.True(nodes.Count >= 2, $"Only {string.Join(", ", nodes)} answered: the proxy does not spread the requests.");
    }

    [Fact]
    public async Task Form_posts_through_the_proxy_are_accepted_by_a_node_other_than_the_one_that_made_the_form()
    {
        using var browser = Browser.Create(Cluster.Proxy.Address);
        await browser.SignInAsync("bob");

        var crossings = 0;
        for (var i = 0; i < 4; i++)
        {
            using var formResponse = await browser.GetAsync(new Uri("/Documents/New?type=retrospective", UriKind.Relative));
            var form = await KnowledgeHub.Portal.Tests.Infrastructure.HtmlHelpers.GetDocumentAsync(formResponse);
            using var saved = await browser.CreateDocumentAsync(form, $"Crossing wallaby {i}");

            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"{Browser.Node(saved)} answered {(int)saved.StatusCode}");
            Assert.StartsWith("/Documents/", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
            crossings += Browser.Node(formResponse) != Browser.Node(saved) ? 1 : 0;
        }

        Assert.True(crossings > 0, "Round robin never sent a post to another node than its form's.");
    }

    [Fact]
    public async Task A_document_saved_on_one_node_is_found_by_search_on_the_others()
    {
        var (writer, readers) = (Cluster.Nodes[0], Cluster.Nodes.Skip(1).Where(n => n.IsRunning).ToList());
        using var author = Browser.Create(writer.Address);
        await author.SignInAsync("alice");
        var word = "numbat" + Guid.NewGuid().ToString("N")[..6];
        using var saved = await author.CreateDocumentAsync(await author.GetDocumentAsync("/Documents/New?type=retrospective"), $"Searchable {word} retrospective");
        var path = saved.Headers.Location!.OriginalString;

        foreach (var reader in readers)
        {
            using var client = Browser.Create(reader.Address);
            await client.SignInAsync("alice");
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (!await client.FindsAsync(word, path))
            {
                Assert.True(DateTime.UtcNow < deadline, $"{reader.Name} did not find {path} within 15 s.");
                await Task.Delay(100);
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using KnowledgeHub.Cluster.Tests.Support;

namespace KnowledgeHub.Cluster.Tests;

/// <summary>A node killed (SIGKILL) while users write through the proxy: no acknowledged write is lost, the rest routes around it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class NodeFailureTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Killing_a_node_under_load_loses_no_acknowledged_write_and_the_proxy_routes_around_it()
    {
        var cluster = fixture.Cluster;
        var victim = cluster.Nodes[2];
        var acknowledged = new ConcurrentBag<string>();
        var outcomes = new ConcurrentQueue<(DateTime At, bool Ok)>();
        using var stop = new CancellationTokenSource();
        var killedAt = DateTime.MaxValue;

        async Task WriteAsync(int writer)
        {
            using var browser = Browser.Create(cluster.Proxy.Address);
            await browser.SignInAsync("alice");
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    using var formResponse = await browser.GetAsync(new Uri("/Documents/New?type=retrospective", UriKind.Relative));
                    if (formResponse.StatusCode != HttpStatusCode.OK)
                    {
                        outcomes.Enqueue((DateTime.UtcNow, false));
                        continue;
                    }

                    var form = await KnowledgeHub.Portal.Tests.Infrastructure.HtmlHelpers.GetDocumentAsync(formResponse);
                    using var saved = await browser.CreateDocumentAsync(form, $"Under load {writer}-{i}");
                    var ok = saved.StatusCode == HttpStatusCode.Redirect && saved.Headers.Location!.OriginalString.StartsWith("/Documents/", StringComparison.Ordinal);
                    if (ok)
                    {
                        acknowledged.Add(saved.Headers.Location!.OriginalString);
                    }

                    outcomes.Enqueue((DateTime.UtcNow, ok));
                }
                catch (HttpRequestException)
                {
                    outcomes.Enqueue((DateTime.UtcNow, false));
                }
            }
        }

        var writers = Enumerable.Range(1, 3).Select(WriteAsync).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await victim.KillAsync();
        killedAt = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(6));
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        // Every write the portal acknowledged is there, on the surviving nodes.
        using var reader = Browser.Create(cluster.Proxy.Address);
        await reader.SignInAsync("alice");
        foreach (var path in acknowledged)
        {
            using var page = await reader.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{path} was acknowledged but {Browser.Node(page)} answers {(int)page.StatusCode}.");
        }

        // Once the health checks have caught up (a few seconds), every request succeeds again.
        var afterKill = outcomes.Where(o => o.At > killedAt.AddSeconds(3)).ToList();
        Assert.True(acknowledged.Count > 5, $"Only {acknowledged.Count} writes were acknowledged.");
        Assert.NotEmpty(afterKill);
        Assert.All(afterKill, o => Assert.True(o.Ok, "A request failed more than 3 s after the node died."));

        await cluster.RestartAsync(victim, CancellationToken.None);
    }
}

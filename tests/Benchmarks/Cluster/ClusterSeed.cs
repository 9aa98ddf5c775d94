using System.Diagnostics;
using KnowledgeHub.Cluster;
using KnowledgeHub.Documents;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Benchmarks.Cluster;

/// <summary>Bilingual documents created through the real repository into Azurite before any node starts.</summary>
public static class ClusterSeed
{
    private static readonly string[] Words =
    [
        "复盘", "转化率", "会员", "活动", "预算", "渠道", "用户研究", "竞品", "留存", "拉新", "直播", "优惠券",
        "campaign", "retention", "budget", "channel", "funnel", "signup", "coupon", "survey", "pricing", "launch",
    ];

    public static async Task<(List<string> Ids, double DocsPerSecond)> ImportAsync(AzuriteProcess azurite, int count, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:AzureBlob:ConnectionString"] = azurite.ConnectionString,
            ["Storage:AzureBlob:ContainerName"] = LocalCluster.ContainerName,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddKnowledgeHubStorage(configuration).AddKnowledgeHubDocuments(configuration);
        await using var provider = services.BuildServiceProvider();
        var repository = provider.GetRequiredService<DocumentRepository>();
        var owner = new Caller { ObjectId = "a11ce000-0000-4000-8000-000000000001", Name = "王丽 Alice Wang", UserName = "alice" };
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var random = new Random(i);
            var text = string.Join(' ', Enumerable.Range(0, 120).Select(_ => Words[random.Next(Words.Length)]));
            var manifest = await repository.CreateAsync(
                new NewDocument
                {
                    Type = i % 2 == 0 ? "weekly-report" : "retrospective",
                    Title = $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {i}",
                    Markdown = $"# Report {i}\n\n## 本周 This week\n\n{text}\n\n## 经验教训 Lessons\n\n- {Words[random.Next(Words.Length)]} {i}\n",
                    Metadata = new Dictionary<string, string> { ["project"] = "cluster bench" },
                },
                owner,
                token);
            ids.Add(manifest.Id);
            if (ids.Count % 2000 == 0)
            {
                Console.WriteLine($"  imported {ids.Count} of {count}");
            }
        });
        return ([.. ids], count / clock.Elapsed.TotalSeconds);
    }
}

using Azure.Storage.Blobs;
using KnowledgeHub.Documents;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Cluster.Tests.Support;

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}

/// <summary>
/// One local cluster for the cluster tests: Azurite seeded with <see cref="SeededDocuments"/> documents, three portal
/// nodes (separate processes, Development: local sign-in and the samples) and YARP in front. Snapshots are published
/// every few seconds, so a node added later restores one.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int SeededDocuments = 300;

    private LocalCluster? cluster;
    private string? problem;

    public LocalCluster Cluster => cluster ?? throw new InvalidOperationException(problem ?? "The cluster did not start.");

    public async Task InitializeAsync()
    {
        var options = new ClusterOptions
        {
            Nodes = 3,
            ReadyTimeout = TimeSpan.FromSeconds(120),
            Settings = new Dictionary<string, string>
            {
                ["Search:Snapshots:Interval"] = "00:00:03",
                ["Following:PollInterval"] = "00:00:00.250",
            },
            BeforeNodesStart = SeedAsync,
        };
        try
        {
            cluster = await LocalCluster.StartAsync(options, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // A missing tool (Azurite: scripts/install-test-tools.sh) or a node that would not start fails every test with the sentence.
            problem = exception.Message;
        }
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary>A client of the container the nodes share.</summary>
    public BlobContainerClient Container() =>
        new BlobServiceClient(Cluster.Storage.ConnectionString).GetBlobContainerClient(LocalCluster.ContainerName);

    /// <summary>Documents created through the real repository before any node starts (a store that exists already).</summary>
    private static async Task SeedAsync(AzuriteProcess azurite, CancellationToken cancellationToken)
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
        await Parallel.ForEachAsync(Enumerable.Range(1, SeededDocuments), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, token) =>
        {
            await repository.CreateAsync(
                new NewDocument
                {
                    Type = "weekly-report",
                    Title = $"Seeded weekly report {i} 周报",
                    Markdown = $"# Seeded weekly report {i}\n\n本周完成了第 {i} 项工作。 Seeded text number {i}.\n",
                },
                owner,
                token);
        });
    }
}

using Azure.Storage.Blobs;

namespace KnowledgeHub.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobStoreTests(AzuriteFixture azurite) : BlobStoreContract
{
    private BlobContainerClient? container;

    protected override Task<IBlobStore> CreateStoreAsync()
    {
        container = azurite.CreateClient().GetBlobContainerClient($"t{Guid.NewGuid():N}");
        return Task.FromResult<IBlobStore>(new AzureBlobStore(container));
    }

    public override async Task DisposeAsync()
    {
        if (container is not null)
        {
            await container.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task A_blob_written_whole_cannot_be_appended_to_and_says_why()
    {
        await Store.WriteAsync("changes/log", Bytes("whole"), WriteCondition.None, None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AppendAsync("changes/log", Bytes("more"), None));

        Assert.Contains("cannot be appended to", error.Message);
        Assert.Equal("whole", Text(await Store.ReadAsync("changes/log", None)));
    }

    [Fact]
    public async Task The_first_write_creates_the_missing_container()
    {
        Assert.False((await container!.ExistsAsync()).Value);

        await Store.WriteAsync("docs/a/manifest.json", Bytes("{}"), WriteCondition.IfNotExists, None);

        Assert.True((await container.ExistsAsync()).Value);
    }
}

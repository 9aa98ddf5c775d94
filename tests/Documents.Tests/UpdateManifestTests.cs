using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Documents.Tests;

public sealed class UpdateManifestTests : IDisposable
{
    private readonly TestStore store = new();

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task A_status_change_is_stored_stamped_and_logged_without_a_new_version()
    {
        var manifest = await store.Repository.CreateAsync(People.Retro(), People.Alice, CancellationToken.None);
        var end = await store.ChangeLog.EndAsync(CancellationToken.None);
        store.Clock.Advance(TimeSpan.FromMinutes(5));

        var updated = await store.Repository.UpdateManifestAsync(manifest.Id, m => m with { Status = DocumentStatus.Published }, People.Bob, CancellationToken.None);

        Assert.Equal(DocumentStatus.Published, updated!.Status);
        Assert.Equal(People.Bob.Principal, updated.UpdatedBy);
        Assert.Equal(store.Clock.GetUtcNow(), updated.UpdatedUtc);
        Assert.Equal(DocumentStatus.Published, (await store.Repository.GetManifestAsync(manifest.Id, CancellationToken.None))!.Status);
        Assert.Single(await store.Repository.ListVersionsAsync(manifest.Id, CancellationToken.None));
        var change = Assert.Single((await store.ChangeLog.ReadSinceAsync(end, CancellationToken.None)).Changes);
        Assert.Equal((manifest.Id, 1, ChangeKinds.ManifestChanged), (change.DocumentId, change.Version, change.Kind));
    }

    [Fact]
    public async Task A_change_that_returns_the_manifest_unchanged_writes_nothing()
    {
        var manifest = await store.Repository.CreateAsync(People.Retro(), People.Alice, CancellationToken.None);
        var end = await store.ChangeLog.EndAsync(CancellationToken.None);
        var before = await store.Blobs.ReadAsync($"docs/{manifest.Id}/manifest.json", CancellationToken.None);
        store.Clock.Advance(TimeSpan.FromMinutes(5));

        var same = await store.Repository.UpdateManifestAsync(manifest.Id, m => m with { Tags = [.. m.Tags] }, People.Bob, CancellationToken.None);

        Assert.Equal(manifest.UpdatedUtc, same!.UpdatedUtc);
        Assert.Equal(before!.ETag, (await store.Blobs.ReadAsync($"docs/{manifest.Id}/manifest.json", CancellationToken.None))!.ETag);
        Assert.Empty((await store.ChangeLog.ReadSinceAsync(end, CancellationToken.None)).Changes);
    }

    [Fact]
    public async Task A_change_may_not_move_the_current_version_or_the_id()
    {
        var manifest = await store.Repository.CreateAsync(People.Retro(), People.Alice, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Repository.UpdateManifestAsync(manifest.Id, m => m with { CurrentVersion = 5 }, People.Bob, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Repository.UpdateManifestAsync(manifest.Id, m => m with { Id = "other-id" }, People.Bob, CancellationToken.None));
        Assert.Equal(1, (await store.Repository.GetManifestAsync(manifest.Id, CancellationToken.None))!.CurrentVersion);
    }
}

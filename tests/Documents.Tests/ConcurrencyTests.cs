using System.Text;
using KnowledgeHub.Documents.Tests.Support;
using KnowledgeHub.Storage;

namespace KnowledgeHub.Documents.Tests;

public sealed class ConcurrencyTests : IDisposable
{
    private readonly TestStore store = new();

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task Two_saves_from_the_same_base_at_once_give_exactly_one_saved_and_one_conflict()
    {
        for (var round = 0; round < 5; round++)
        {
            var manifest = await store.Repository.CreateAsync(People.Retro(), People.Alice, CancellationToken.None);
            using var start = new SemaphoreSlim(0);
            var alice = SaveAfter(start, manifest.Id, "Alice's text", People.Alice);
            var bob = SaveAfter(start, manifest.Id, "Bob's text", People.Bob);
            start.Release(2);
            var results = await Task.WhenAll(alice, bob);

            var saved = Assert.Single(results.OfType<SaveResult.Saved>());
            var conflict = Assert.Single(results.OfType<SaveResult.Conflict>());
            Assert.Equal(2, saved.Manifest.CurrentVersion);
            var winner = await store.Repository.GetVersionAsync(manifest.Id, 2, CancellationToken.None);
            Assert.Equal(winner!.Markdown, conflict.Current.Markdown);
            Assert.NotEqual(winner.Markdown, conflict.Attempted.Markdown);
            Assert.Equal([2, 1], (await store.Repository.ListVersionsAsync(manifest.Id, CancellationToken.None)).Select(v => v.Number));
            Assert.Equal(2, (await store.BlobNamesAsync($"docs/{manifest.Id}/v/")).Count);
        }
    }

    [Fact]
    public async Task A_version_blob_left_by_a_crash_does_not_block_later_saves_and_is_never_served()
    {
        var manifest = await store.Repository.CreateAsync(People.Retro(), People.Alice, CancellationToken.None);
        await store.Blobs.WriteAsync($"docs/{manifest.Id}/v/2.md", Encoding.UTF8.GetBytes("---\ntitle: crashed\n---\norphan"), WriteCondition.IfNotExists, CancellationToken.None);
        Assert.Null(await store.Repository.GetVersionAsync(manifest.Id, 2, CancellationToken.None));

        var result = await store.Repository.SaveAsync(new DocumentEdit { Id = manifest.Id, BaseVersion = 1, Title = "after the crash", Markdown = "new text" }, People.Alice, CancellationToken.None);

        var saved = Assert.IsType<SaveResult.Saved>(result);
        Assert.Equal(3, saved.Manifest.CurrentVersion);
        Assert.Equal("new text", (await store.Repository.GetVersionAsync(manifest.Id, 3, CancellationToken.None))!.Markdown);
        Assert.Null(await store.Repository.GetVersionAsync(manifest.Id, 2, CancellationToken.None));
        Assert.Equal([3, 1], (await store.Repository.ListVersionsAsync(manifest.Id, CancellationToken.None)).Select(v => v.Number));

        var next = await store.Repository.SaveAsync(new DocumentEdit { Id = manifest.Id, BaseVersion = 3, Title = "again", Markdown = "v4" }, People.Alice, CancellationToken.None);
        Assert.Equal(4, Assert.IsType<SaveResult.Saved>(next).Manifest.CurrentVersion);
    }

    [Fact]
    public async Task Concurrent_manifest_updates_all_land()
    {
        var manifest = await store.Repository.CreateAsync(People.Retro(), People.Alice, CancellationToken.None);

        var tags = Enumerable.Range(0, 6).Select(i => $"tag{i}").ToList();
        await Task.WhenAll(tags.Select(tag => Task.Run(() => store.Repository.UpdateManifestAsync(
            manifest.Id, m => m with { Tags = [.. m.Tags, tag] }, People.Bob, CancellationToken.None))));

        var after = await store.Repository.GetManifestAsync(manifest.Id, CancellationToken.None);
        Assert.Equal(tags.Order(), after!.Tags.Where(t => t.StartsWith("tag", StringComparison.Ordinal)).Order());
    }

    private async Task<SaveResult> SaveAfter(SemaphoreSlim start, string id, string text, Caller who)
    {
        await start.WaitAsync();
        return await Task.Run(() => store.Repository.SaveAsync(new DocumentEdit { Id = id, BaseVersion = 1, Title = text, Markdown = text }, who, CancellationToken.None));
    }
}

using KnowledgeHub.Documents.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Documents.Tests;

/// <summary>Races forced at exact points of a save, to show every path ends with one winner and no leftovers.</summary>
public sealed class RaceTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly InterleavingBlobStore blobs;
    private readonly DocumentRepository repository;

    public RaceTests()
    {
        blobs = new InterleavingBlobStore(store.Blobs);
        repository = new DocumentRepository(blobs, store.ChangeLog, store.Clock, NullLogger<DocumentRepository>.Instance);
    }

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task A_save_that_meets_an_uncommitted_version_of_a_faster_save_becomes_a_conflict_without_writing()
    {
        var id = (await repository.CreateAsync(People.Retro(), People.Alice, CancellationToken.None)).Id;
        var bobRefused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<SaveResult>? bob = null;
        var fired = 0;
        blobs.WriteRefused = name => { if (name.EndsWith("/v/2.md", StringComparison.Ordinal)) { bobRefused.TrySetResult(); } };
        blobs.BeforeWrite = async name =>
        {
            if (name.EndsWith("manifest.json", StringComparison.Ordinal) && Interlocked.Exchange(ref fired, 1) == 0)
            {
                bob = Task.Run(() => repository.SaveAsync(Edit(id, "Bob's text"), People.Bob, CancellationToken.None));
                await bobRefused.Task;
            }
        };

        var alice = await repository.SaveAsync(Edit(id, "Alice's text"), People.Alice, CancellationToken.None);
        var bobResult = await bob!;

        Assert.Equal(2, Assert.IsType<SaveResult.Saved>(alice).Manifest.CurrentVersion);
        var conflict = Assert.IsType<SaveResult.Conflict>(bobResult);
        Assert.Equal("Alice's text", conflict.Current.Markdown);
        Assert.Equal("Bob's text", conflict.Attempted.Markdown);
        Assert.Equal([$"docs/{id}/v/1.md", $"docs/{id}/v/2.md"], await store.BlobNamesAsync($"docs/{id}/v/"));
    }

    [Fact]
    public async Task A_save_that_loses_the_manifest_race_leaves_nothing_behind_and_the_winner_keeps_a_clean_history()
    {
        var id = (await repository.CreateAsync(People.Retro(), People.Alice, CancellationToken.None)).Id;
        SaveResult? bob = null;
        var fired = 0;
        blobs.BeforeWrite = async name =>
        {
            if (name.EndsWith("manifest.json", StringComparison.Ordinal) && Interlocked.Exchange(ref fired, 1) == 0)
            {
                // Alice has written v/2 and is about to commit; Bob saves from the same base in between.
                bob = await repository.SaveAsync(Edit(id, "Bob's text"), People.Bob, CancellationToken.None);
            }
        };

        var alice = await repository.SaveAsync(Edit(id, "Alice's text"), People.Alice, CancellationToken.None);

        var conflict = Assert.IsType<SaveResult.Conflict>(alice);
        Assert.Equal("Bob's text", conflict.Current.Markdown);
        var saved = Assert.IsType<SaveResult.Saved>(bob);
        Assert.Equal(3, saved.Manifest.CurrentVersion);
        Assert.Equal([$"docs/{id}/v/1.md", $"docs/{id}/v/3.md"], await store.BlobNamesAsync($"docs/{id}/v/"));
        Assert.Equal([3, 1], (await repository.ListVersionsAsync(id, CancellationToken.None)).Select(v => v.Number));
        Assert.Null(await repository.GetVersionAsync(id, 2, CancellationToken.None));
    }

    [Fact]
    public async Task A_save_that_meets_an_access_change_in_between_still_saves_and_keeps_the_access_change()
    {
        var id = (await repository.CreateAsync(People.Retro(), People.Alice, CancellationToken.None)).Id;
        var fired = 0;
        blobs.BeforeWrite = async name =>
        {
            if (name.EndsWith("manifest.json", StringComparison.Ordinal) && Interlocked.Exchange(ref fired, 1) == 0)
            {
                // Alice has written v/2; before she commits, Bob changes only who may read the document.
                await repository.UpdateManifestAsync(id, m => m with { Readers = ["group:research"] }, People.Bob, CancellationToken.None);
            }
        };

        var alice = await repository.SaveAsync(Edit(id, "Alice's text"), People.Alice, CancellationToken.None);

        var saved = Assert.IsType<SaveResult.Saved>(alice).Manifest;
        Assert.Equal(2, saved.CurrentVersion);
        Assert.Equal(["group:research"], saved.Readers);
        Assert.Equal("Alice's text", (await repository.GetVersionAsync(id, 2, CancellationToken.None))!.Markdown);
    }

    private static DocumentEdit Edit(string id, string text) => new() { Id = id, BaseVersion = 1, Title = text, Markdown = text };
}

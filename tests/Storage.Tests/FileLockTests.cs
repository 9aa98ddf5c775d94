namespace KnowledgeHub.Storage.Tests;

/// <summary>
/// The lock file's identity check. A process may open a lock file, have its holder delete it and let go, and then
/// take the OS lock on that nameless file while a third process locks a new file at the same path. The check must
/// tell the two apart, or both would hold "the" lock.
/// </summary>
public sealed class FileLockTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_lock_on_a_file_its_holder_already_deleted_is_not_the_lock_at_the_path()
    {
        var path = Path.Combine(folder.Path, ".blob.lock");
        using var stale = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        File.Delete(path);
        using var current = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);

        Assert.False(FileLock.StillAtPath(stale, path));
        Assert.True(FileLock.StillAtPath(current, path));
        Assert.False(FileLock.StillAtPath(stale, path));
    }

    [Fact]
    public void A_lock_whose_file_was_deleted_and_not_replaced_is_not_the_lock_at_the_path()
    {
        var path = Path.Combine(folder.Path, ".blob.lock");
        using var handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        Assert.True(FileLock.StillAtPath(handle, path));

        File.Delete(path);

        Assert.False(FileLock.StillAtPath(handle, path));
    }

    [Fact]
    public async Task Waiters_queued_on_one_lock_each_hold_it_alone_and_no_lock_file_remains()
    {
        var path = FileLock.PathFor(folder.Path, "docs/a/manifest.json");
        var inside = 0;
        var most = 0;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await using var held = await FileLock.AcquireAsync(path, CancellationToken.None);
            Assert.True(File.Exists(path));
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            await Task.Delay(2);
            Interlocked.Decrement(ref inside);
        })));

        Assert.Equal(1, most);
        Assert.Empty(FileSystemFootprintTests.Entries(folder.Path));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

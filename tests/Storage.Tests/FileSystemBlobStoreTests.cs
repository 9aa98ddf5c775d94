namespace KnowledgeHub.Storage.Tests;

public sealed class FileSystemBlobStoreTests : BlobStoreContract
{
    private readonly TempFolder folder = new();

    protected override Task<IBlobStore> CreateStoreAsync() => Task.FromResult<IBlobStore>(new FileSystemBlobStore(folder.Path));

    public override Task DisposeAsync()
    {
        folder.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/../../x")]
    public async Task A_name_that_would_leave_the_root_writes_nothing_outside_it(string name)
    {
        var root = Path.Combine(folder.Path, "root");
        var store = new FileSystemBlobStore(root);

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(name, Bytes("x"), WriteCondition.None, None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(name, Bytes("x"), None));

        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task An_unchanged_blob_is_answered_from_a_stat_of_its_file_without_its_content()
    {
        var store = new FileSystemBlobStore(folder.Path);
        var etag = await store.WriteAsync("docs/a/manifest.json", Bytes("{\"v\":1}"), WriteCondition.None, None);
        Assert.Equal(etag, (await store.ReadAsync("docs/a/manifest.json", None))!.ETag);

        var unchanged = await store.ReadIfChangedAsync("docs/a/manifest.json", etag, None);

        // The stat's time and length give the ETag a read gives: the content is not read at all.
        Assert.Equal((etag, 0), (unchanged!.ETag, unchanged.Content.Length));
        await store.AppendAsync("docs/a/manifest.json", Bytes(" "), None);
        Assert.Equal("{\"v\":1} ", Text(await store.ReadIfChangedAsync("docs/a/manifest.json", etag, None)));
    }

    [Fact]
    public async Task Blobs_are_plain_files_under_the_root_and_lock_and_temporary_files_are_never_listed()
    {
        await Store.WriteAsync("docs/a/manifest.json", Bytes("{}"), WriteCondition.None, None);
        await Store.AppendAsync("changes/log", Bytes("x"), None);
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "docs", "a", ".manifest.json.abc.tmp"), "half");

        Assert.Equal("{}", await File.ReadAllTextAsync(Path.Combine(folder.Path, "docs", "a", "manifest.json")));
        Assert.Equal(["changes/log", "docs/a/manifest.json"], (await Store.ListAsync("", None).ToListAsync()).Select(i => i.Name));
    }

    [Fact]
    public async Task A_reader_never_sees_a_half_written_blob()
    {
        var versions = Enumerable.Range(0, 4).Select(v => Enumerable.Repeat((byte)('A' + v), (v + 1) * 256 * 1024).ToArray()).ToArray();
        await Store.WriteAsync("files/big", versions[0], WriteCondition.None, None);
        var reads = 0;
        var writes = 0;
        var deadline = DateTime.UtcNow.AddSeconds(30);

        // The writer keeps rewriting until the readers have read enough times while it was busy.
        var writer = Task.Run(async () =>
        {
            while ((Volatile.Read(ref reads) < 200 || writes < 50) && DateTime.UtcNow < deadline)
            {
                await Store.WriteAsync("files/big", versions[++writes % versions.Length], WriteCondition.None, None);
            }
        });
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!writer.IsCompleted)
            {
                var span = (await Store.ReadAsync("files/big", None))!.Content.Span;
                Assert.True(span.SequenceEqual(versions[span[0] - 'A']), $"read {span.Length} bytes that are not one whole version");
                Interlocked.Increment(ref reads);
            }
        }));
        await Task.WhenAll([writer, .. readers]);

        Assert.True(reads >= 200 && writes >= 50, $"only {reads} reads during {writes} writes in 30 s");
    }
}

using System.Security.Cryptography;
using System.Text;

namespace KnowledgeHub.Storage.Tests;

/// <summary>What the file store leaves on disk: blobs only, no lock files, no empty folders; appends in place; lazy listing.</summary>
public sealed class FileSystemFootprintTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Many_parallel_writes_appends_and_deletes_leave_no_lock_file_and_no_empty_folder()
    {
        var store = new FileSystemBlobStore(folder.Path);

        await Task.WhenAll(Enumerable.Range(0, 600).Select(i => Task.Run(async () =>
        {
            var name = $"docs/{i % 10}/b{i % 30}";
            switch (i % 4)
            {
                case 0:
                    await store.WriteAsync(name, Encoding.UTF8.GetBytes($"write {i}"), WriteCondition.None, None);
                    break;
                case 1:
                    try
                    {
                        await store.WriteAsync(name, Encoding.UTF8.GetBytes($"create {i}"), WriteCondition.IfNotExists, None);
                    }
                    catch (BlobConditionFailedException)
                    {
                        // Half of these find the blob there: a failed condition must leave nothing behind either.
                    }

                    break;
                case 2:
                    await store.AppendAsync($"changes/{i % 5}.log", Encoding.UTF8.GetBytes($"{i}\n"), None);
                    break;
                default:
                    await store.DeleteAsync(name, None);
                    break;
            }
        })));

        var files = Entries(folder.Path).Where(File.Exists).Select(f => Path.GetRelativePath(folder.Path, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var listed = (await store.ListAsync("", None).ToListAsync()).Select(i => i.Name).ToList();
        Assert.Contains("changes/0.log", listed);
        Assert.Equal(listed, files);
        Assert.Equal(150, (await store.ReadAsync("changes/0.log", None))!.Content.ToArray().Count(b => b == '\n') * 5);

        foreach (var name in listed)
        {
            Assert.True(await store.DeleteAsync(name, None));
        }

        Assert.Empty(Entries(folder.Path));
    }

    [Fact]
    public async Task A_lock_file_left_by_a_killed_process_goes_with_the_next_operation_on_its_blob()
    {
        var store = new FileSystemBlobStore(folder.Path);
        await store.WriteAsync("docs/a/manifest.json", Encoding.UTF8.GetBytes("{}"), WriteCondition.None, None);
        var stale = Path.Combine(folder.Path, $".{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("docs/a/manifest.json"))[..16])}.lock");
        await File.WriteAllTextAsync(stale, "");

        await store.WriteAsync("docs/a/manifest.json", Encoding.UTF8.GetBytes("{\"v\":2}"), WriteCondition.None, None);

        Assert.False(File.Exists(stale));
        Assert.Equal([Path.Combine(folder.Path, "docs"), Path.Combine(folder.Path, "docs", "a"), Path.Combine(folder.Path, "docs", "a", "manifest.json")], Entries(folder.Path));
    }

    [Fact]
    public async Task An_append_adds_to_the_same_file_instead_of_replacing_it()
    {
        var store = new FileSystemBlobStore(folder.Path);
        await store.AppendAsync("changes/log", Encoding.UTF8.GetBytes("one\n"), None);
        using var openedBefore = File.OpenHandle(Path.Combine(folder.Path, "changes", "log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        await store.AppendAsync("changes/log", Encoding.UTF8.GetBytes("two\n"), None);

        var buffer = new byte[64];
        var read = RandomAccess.Read(openedBefore, buffer, 0);
        Assert.Equal("one\ntwo\n", Encoding.UTF8.GetString(buffer, 0, read));
    }

    [Fact]
    public async Task A_listing_reads_a_folder_only_when_it_reaches_it()
    {
        var store = new FileSystemBlobStore(folder.Path);
        await store.WriteAsync("a/1", Encoding.UTF8.GetBytes("x"), WriteCondition.None, None);
        await store.WriteAsync("m/1", Encoding.UTF8.GetBytes("x"), WriteCondition.None, None);
        await using var listing = store.ListAsync("", None).GetAsyncEnumerator();
        Assert.True(await listing.MoveNextAsync());
        Assert.Equal("a/1", listing.Current.Name);

        // A blob written after the first item, in a folder the walk has not read yet, is still found: taking the first
        // item read only the folders on the way to it (a listing that read everything up front would miss "m/0").
        await store.WriteAsync("m/0", Encoding.UTF8.GetBytes("x"), WriteCondition.None, None);
        var rest = new List<string>();
        while (await listing.MoveNextAsync())
        {
            rest.Add(listing.Current.Name);
        }

        Assert.Equal(["m/0", "m/1"], rest);
    }

    [Fact]
    public async Task Deleting_the_last_blob_of_a_folder_removes_the_folder_and_a_later_write_there_still_works()
    {
        var store = new FileSystemBlobStore(folder.Path);
        await store.WriteAsync("docs/a/v/1.md", Encoding.UTF8.GetBytes("x"), WriteCondition.None, None);
        await store.WriteAsync("docs/b/manifest.json", Encoding.UTF8.GetBytes("x"), WriteCondition.None, None);

        await store.DeleteAsync("docs/a/v/1.md", None);

        Assert.False(Directory.Exists(Path.Combine(folder.Path, "docs", "a")));
        Assert.True(Directory.Exists(Path.Combine(folder.Path, "docs", "b")));
        await store.AppendAsync("docs/a/v/log", Encoding.UTF8.GetBytes("again"), None);
        Assert.Equal("again", Encoding.UTF8.GetString((await store.ReadAsync("docs/a/v/log", None))!.Content.Span));
    }

    [Fact]
    public async Task A_write_into_a_new_folder_that_fails_leaves_neither_a_temporary_file_nor_the_folder()
    {
        var store = new FileSystemBlobStore(folder.Path);
        await store.WriteAsync("docs/a/manifest.json", Encoding.UTF8.GetBytes("{}"), WriteCondition.None, None);
        var before = Entries(folder.Path);

        await Assert.ThrowsAsync<IOException>(() => store.WriteAsync("files/new/blob", new FailingStream(), WriteCondition.IfNotExists, None));

        Assert.Equal(before, Entries(folder.Path));
    }

    /// <summary>Every file and folder under <paramref name="root"/>, hidden ones included, sorted.</summary>
    public static List<string> Entries(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>A request body whose client goes away after the first bytes.</summary>
    private sealed class FailingStream : MemoryStream
    {
        private bool sent;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (sent)
            {
                throw new IOException("The client went away.");
            }

            sent = true;
            buffer.Span[0] = 42;
            return ValueTask.FromResult(1);
        }
    }
}

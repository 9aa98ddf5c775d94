using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace KnowledgeHub.Storage;

/// <summary>
/// The embedded blob store: each blob is a plain file under a root folder.
/// <list type="bullet">
/// <item>A write builds the new content in a hidden temporary file in the same folder (streamed, so
/// memory stays bounded), flushes it to disk and renames it over the blob, so a reader sees the old
/// file or the new one, never half of one.</item>
/// <item>An append writes only the new bytes at the end of the file and flushes them (cost ∝ bytes
/// appended). A crash in the middle of an append can leave a torn last line; readers of logs cope
/// with that. A reader running beside an append may see part of it beyond the length it was told.</item>
/// <item>The ETag is <c>"{stamp}-{length}"</c> (hex). The stamp is the file's last-write time, set
/// by the store on every write and append to a value strictly greater than the previous one, so the
/// ETag changes every time, even when the same bytes are written again.</item>
/// <item>Writes, appends and deletes of one blob hold an exclusive lock (<see cref="FileLock"/>),
/// and conditions are checked inside it, so two processes sharing the folder cannot both win a
/// conditional write. Lock files exist only while held.</item>
/// <item>Hidden entries (names starting with '.') are lock and temporary files; they are never
/// listed. A crash can leave a stale <c>.*.tmp</c> file behind; it is harmless.</item>
/// <item>Folders exist only while they hold blobs: deleting a folder's last blob removes the folder.
/// A name cannot be both a blob and a "folder" of other blobs ('a' and 'a/b'), unlike Azure.</item>
/// </list>
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    public FileSystemBlobStore(string rootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        RootPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootPath));
    }

    /// <summary>Reads of at most this many bytes run on the calling thread (<see cref="ReadAsync(string, long, CancellationToken)"/>).</summary>
    internal const int SmallRead = 64 * 1024;

    /// <summary>The absolute root folder, created by the first write.</summary>
    public string RootPath { get; }

    public Task<BlobContent?> ReadAsync(string name, CancellationToken cancellationToken) => ReadAsync(name, 0, cancellationToken);

    /// <summary>
    /// One <c>stat</c> of the path answers "unchanged" (no open, no read): a write replaces the file and an append
    /// changes its length, and the store stamps each with a new last-write time, so an equal pair is the same content.
    /// A pair taken in the middle of an append differs from any the store handed out, and the whole read sorts it out.
    /// </summary>
    public Task<BlobContent?> ReadIfChangedAsync(string name, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(etag);
        cancellationToken.ThrowIfCancellationRequested();
        var file = new FileInfo(BlobNames.ToPath(RootPath, name));
        return file.Exists && FileStamps.ETag(file.LastWriteTimeUtc, file.Length) == etag
            ? Task.FromResult<BlobContent?>(new BlobContent(ReadOnlyMemory<byte>.Empty, etag))
            : ReadAsync(name, 0, cancellationToken);
    }

    public async Task<BlobContent?> ReadAsync(string name, long offset, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        cancellationToken.ThrowIfCancellationRequested();
        var path = BlobNames.ToPath(RootPath, name);
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        using (handle)
        {
            var (length, stamp) = FileStamps.Snapshot(handle);
            var start = Math.Min(offset, length);
            if (length - start > Array.MaxLength)
            {
                throw new IOException($"The blob '{name}' is too large to read at once from offset {offset}: read it in ranges.");
            }

            var bytes = new byte[length - start];
            var read = 0;
            while (read < bytes.Length)
            {
                // A small blob (a manifest, most log segments) is read on the calling thread: on Linux and macOS an
                // asynchronous file read is this same pread on a thread-pool thread, and for a few KB, mostly in the page
                // cache, the hop there and back cost more than the read (a search page reads ten manifests).
                var n = bytes.Length - read <= SmallRead
                    ? RandomAccess.Read(handle, bytes.AsSpan(read), start + read)
                    : await RandomAccess.ReadAsync(handle, bytes.AsMemory(read), start + read, cancellationToken);
                if (n == 0)
                {
                    throw new IOException($"The blob file '{path}' was truncated while being read.");
                }

                read += n;
            }

            return new BlobContent(bytes, FileStamps.ETag(stamp, length));
        }
    }

    public Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken) =>
        WriteAsync(name, (file, token) => file.WriteAsync(content, token), condition, cancellationToken);

    public Task<string> WriteAsync(string name, Stream content, WriteCondition condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        return WriteAsync(name, (file, token) => new ValueTask(content.CopyToAsync(file, 81920, token)), condition, cancellationToken);
    }

    public async Task<long> AppendAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = BlobNames.ToPath(RootPath, name);
        await using var held = await FileLock.AcquireAsync(LockPath(name), cancellationToken);
        using var handle = InFolder(path, () => File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete));
        var length = RandomAccess.GetLength(handle);
        var previous = File.GetLastWriteTimeUtc(handle);
        await RandomAccess.WriteAsync(handle, content, length, cancellationToken);
        RandomAccess.FlushToDisk(handle);
        FileStamps.Stamp(handle, previous);
        return length + content.Length;
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var path = BlobNames.ToPath(RootPath, name);
        await using var held = await FileLock.AcquireAsync(LockPath(name), cancellationToken);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        RemoveEmptyFolders(Path.GetDirectoryName(path)!);
        return true;
    }

    public async IAsyncEnumerable<BlobItem> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        BlobNames.ValidatePrefix(prefix, nameof(prefix));
        foreach (var (name, path) in FileSystemListing.Walk(RootPath, prefix))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = new FileInfo(path);
            if (file.Exists)
            {
                yield return new BlobItem(name, file.Length, FileStamps.ETag(file.LastWriteTimeUtc, file.Length), new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
            }
        }
    }

    /// <summary>
    /// Proves the root folder can be read, reading at most one entry of it; when it does not exist yet, that the first
    /// write can create it (its nearest existing ancestor is a folder, not a file). Creates nothing.
    /// </summary>
    internal Task CheckReachableAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var folder = RootPath;
        while (!Directory.Exists(folder))
        {
            if (File.Exists(folder))
            {
                throw new IOException($"'{folder}' is a file, so the storage folder '{RootPath}' cannot exist.");
            }

            folder = Path.GetDirectoryName(folder) ?? throw new DirectoryNotFoundException($"No part of the storage folder '{RootPath}' exists.");
        }

        using var entries = Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = 0 }).GetEnumerator();
        entries.MoveNext();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Removes the <c>.locks</c> folder of earlier versions, which kept one lock file per blob forever (this version never
    /// uses it; do not run both versions on one folder). Returns false when there is none.
    /// </summary>
    internal bool RemoveLegacyLockFolder()
    {
        var legacy = Path.Combine(RootPath, ".locks");
        if (!Directory.Exists(legacy))
        {
            return false;
        }

        Directory.Delete(legacy, recursive: true);
        return true;
    }

    private string LockPath(string name) => FileLock.PathFor(RootPath, name);

    /// <summary>
    /// Streams the content into a hidden temporary file next to the blob and flushes it, then, under the blob's lock,
    /// checks the condition, stamps the file and renames it over the blob. Whatever fails, the temporary file goes.
    /// </summary>
    private async Task<string> WriteAsync(string name, Func<FileStream, CancellationToken, ValueTask> fill, WriteCondition condition, CancellationToken cancellationToken)
    {
        var path = BlobNames.ToPath(RootPath, name);

        // A condition that fails now cannot hold later (stamps only grow): say so before copying a large stream.
        ThrowIfConditionFails(name, path, condition);
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using var file = InFolder(path, () => new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16384, FileOptions.Asynchronous));
            await fill(file, cancellationToken);
            await file.FlushAsync(cancellationToken);
            RandomAccess.FlushToDisk(file.SafeFileHandle);
            await using var held = await FileLock.AcquireAsync(LockPath(name), cancellationToken);
            var current = ThrowIfConditionFails(name, path, condition);
            var stamp = FileStamps.Stamp(file.SafeFileHandle, current?.LastWriteTimeUtc);
            var length = file.Length;
            await file.DisposeAsync();
            File.Move(temp, path, overwrite: true);
            return FileStamps.ETag(stamp, length);
        }
        catch
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
                RemoveEmptyFolders(Path.GetDirectoryName(temp)!);
            }

            throw;
        }
    }

    /// <summary>Returns the blob's file as it is now, or throws when the condition does not hold for it.</summary>
    private static FileInfo? ThrowIfConditionFails(string name, string path, WriteCondition condition)
    {
        var info = new FileInfo(path);
        var current = info.Exists ? info : null;
        if ((condition.CreateOnly && current is not null) ||
            (condition.IfMatch is { } expected && (current is null || !string.Equals(FileStamps.ETag(current.LastWriteTimeUtc, current.Length), expected, StringComparison.Ordinal))))
        {
            throw new BlobConditionFailedException(name);
        }

        return current;
    }

    /// <summary>Opens a file in the blob's folder, creating the folder when it is missing (or was just removed as empty).</summary>
    private static T InFolder<T>(string path, Func<T> open)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return open();
            }
            catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException && attempt < 10)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            }
        }
    }

    /// <summary>Removes <paramref name="folder"/> and its parents up to the root while they are empty (folders are not blobs).</summary>
    private void RemoveEmptyFolders(string folder)
    {
        while (folder.Length > RootPath.Length && folder.StartsWith(RootPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            try
            {
                Directory.Delete(folder);
            }
            catch (IOException)
            {
                // Not empty (another blob, or a writer's temporary file) or already gone: either way, the folder stays as it is.
                return;
            }

            folder = Path.GetDirectoryName(folder)!;
        }
    }
}

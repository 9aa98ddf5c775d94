using System.Globalization;
using System.IO.Enumeration;
using System.Runtime.CompilerServices;

namespace KnowledgeHub.Storage;

/// <summary>
/// The embedded blob store: each blob is a plain file under a root folder.
/// <list type="bullet">
/// <item>Every write and append builds the new content in a hidden temporary file in the same
/// folder, flushes it to disk and renames it over the blob, so a reader sees the old file or the
/// new one, never half of one. Files are never changed in place.</item>
/// <item>The ETag is <c>"{stamp}-{length}"</c> (hex). The stamp is the file's last-write time, set
/// by the store on every write to a value strictly greater than the previous one, so the ETag
/// changes on every write, even when the same bytes are written again.</item>
/// <item>Writes, appends and deletes of one blob hold an exclusive lock (<see cref="FileLock"/>),
/// and conditions are checked inside it, so two processes sharing the folder cannot both win a
/// conditional write.</item>
/// <item>Hidden entries (names starting with '.') hold locks (<c>.locks/</c>) and temporary files;
/// they are never listed. A crash can leave a stale <c>.*.tmp</c> file behind; it is harmless.</item>
/// <item>A name cannot be both a blob and a "folder" of other blobs ('a' and 'a/b'), unlike Azure.</item>
/// <item>Appends copy the blob (O(size)): keep append-only blobs segmented, as Azure append blobs
/// (50,000 blocks at most) require anyway.</item>
/// </list>
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const string LockFolder = ".locks";

    public FileSystemBlobStore(string rootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        RootPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootPath));
    }

    /// <summary>The absolute root folder, created by the first write.</summary>
    public string RootPath { get; }

    public async Task<BlobContent?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        var path = BlobNames.ToPath(RootPath, name);
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
            var length = RandomAccess.GetLength(handle);
            var bytes = new byte[length];
            var read = 0;
            while (read < bytes.Length)
            {
                var n = await RandomAccess.ReadAsync(handle, bytes.AsMemory(read), read, cancellationToken);
                if (n == 0)
                {
                    throw new IOException($"The blob file '{path}' was truncated while being read.");
                }

                read += n;
            }

            return new BlobContent(bytes, ETagOf(File.GetLastWriteTimeUtc(handle), length));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async Task<BlobContent?> ReadAsync(string name, long offset, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var whole = await ReadAsync(name, cancellationToken);
        return whole is null ? null : whole with { Content = whole.Content[(int)Math.Min(offset, whole.Content.Length)..] };
    }

    public async Task<string> WriteAsync(string name, Stream content, WriteCondition condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return await WriteAsync(name, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), condition, cancellationToken);
    }

    public async Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken)
    {
        var path = BlobNames.ToPath(RootPath, name);
        await using var held = await FileLock.AcquireAsync(LockPath(name), cancellationToken);
        var current = Stat(path);
        if ((condition.CreateOnly && current is not null) ||
            (condition.IfMatch is { } expected && (current is null || !string.Equals(ETagOf(current.LastWriteTimeUtc, current.Length), expected, StringComparison.Ordinal))))
        {
            throw new BlobConditionFailedException(name);
        }

        return await ReplaceAsync(path, current, [content], cancellationToken);
    }

    public async Task<long> AppendAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = BlobNames.ToPath(RootPath, name);
        await using var held = await FileLock.AcquireAsync(LockPath(name), cancellationToken);
        var current = Stat(path);
        var existing = current is null ? ReadOnlyMemory<byte>.Empty : await File.ReadAllBytesAsync(path, cancellationToken);
        await ReplaceAsync(path, current, [existing, content], cancellationToken);
        return existing.Length + content.Length;
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var path = BlobNames.ToPath(RootPath, name);
        await using var held = await FileLock.AcquireAsync(LockPath(name), cancellationToken);
        if (Stat(path) is null)
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    public async IAsyncEnumerable<BlobItem> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        BlobNames.ValidatePrefix(prefix, nameof(prefix));
        var folderName = prefix.Contains('/', StringComparison.Ordinal) ? prefix[..prefix.LastIndexOf('/')] : "";
        var folder = folderName.Length == 0 ? RootPath : BlobNames.ToPath(RootPath, folderName);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        // Hidden entries (lock folder, temporary files) are neither listed nor descended into.
        var files = new FileSystemEnumerable<string>(folder, (ref FileSystemEntry entry) => entry.ToFullPath(), new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && entry.FileName[0] != '.',
            ShouldRecursePredicate = (ref FileSystemEntry entry) => entry.FileName[0] != '.',
        };
        var items = new List<BlobItem>();
        foreach (var path in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetRelativePath(RootPath, path).Replace(Path.DirectorySeparatorChar, '/');
            var file = new FileInfo(path);
            if (name.StartsWith(prefix, StringComparison.Ordinal) && file.Exists)
            {
                items.Add(new BlobItem(name, file.Length, ETagOf(file.LastWriteTimeUtc, file.Length), new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero)));
            }
        }

        items.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    private string LockPath(string name) =>
        Path.Combine(RootPath, LockFolder, name.Replace('/', Path.DirectorySeparatorChar) + ".lock");

    private static FileInfo? Stat(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? info : null;
    }

    private static string ETagOf(DateTime lastWriteUtc, long length) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{lastWriteUtc.Ticks:x}-{length:x}\"");

    /// <summary>Writes the parts to a temporary file next to <paramref name="path"/>, stamps it and renames it over the blob.</summary>
    private static async Task<string> ReplaceAsync(string path, FileInfo? current, ReadOnlyMemory<byte>[] parts, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            DateTime stamp;
            long length;
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                foreach (var part in parts)
                {
                    await stream.WriteAsync(part, cancellationToken);
                }

                stream.Flush(flushToDisk: true);
                length = stream.Length;
                stamp = Stamp(stream.SafeFileHandle, current?.LastWriteTimeUtc);
            }

            File.Move(temp, path, overwrite: true);
            return ETagOf(stamp, length);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>
    /// Sets the file's last-write time to now, or just after the previous write's stamp when the
    /// clock has not moved on (or the file system stores coarser times), and returns what was stored.
    /// </summary>
    private static DateTime Stamp(Microsoft.Win32.SafeHandles.SafeFileHandle handle, DateTime? previous)
    {
        var floor = previous?.Ticks ?? 0;
        var candidate = Math.Max(DateTime.UtcNow.Ticks, floor + 1);
        for (var step = 1L; ; step *= 10)
        {
            File.SetLastWriteTimeUtc(handle, new DateTime(candidate, DateTimeKind.Utc));
            var stored = File.GetLastWriteTimeUtc(handle);
            if (stored.Ticks > floor)
            {
                return stored;
            }

            if (step > TimeSpan.TicksPerSecond * 10)
            {
                throw new IOException("The file system does not store last-write times precisely enough for ETags.");
            }

            candidate = floor + step;
        }
    }
}

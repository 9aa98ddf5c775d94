using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace KnowledgeHub.Storage;

/// <summary>
/// An exclusive lock on one blob, held by this process and across processes: first an in-process
/// semaphore (so threads queue instead of spinning), then a lock file opened with
/// <see cref="FileShare.None"/> (an OS lock: flock on Linux and macOS, a share mode on Windows),
/// retried with backoff.
/// <para>
/// Lock files live only while held. The holder deletes its lock file before it lets go of it, so
/// a process that opened the same file while waiting can end up holding a lock on a file that no
/// longer has a name. After taking the OS lock every process therefore checks that the path
/// still names the file it locked, and starts over when it does not. Identity is checked without
/// native calls: the new holder stamps the handle's last-write time with a random value (something
/// only the holder of that file's lock ever does) and compares it with the time of the file at the
/// path. While a lock is held, its file stays at the path: only the holder deletes it, and an
/// opener only ever creates the file when the path is free.
/// </para>
/// <para>
/// Lock files are hidden files in the root (<c>.{hash}.lock</c>, the hash of the blob name), so no
/// folder is created per blob. On Windows, where a file cannot be deleted while it is open without
/// sharing, lock files are kept (as before). Setting the environment variable
/// DOTNET_SYSTEM_IO_DISABLEFILELOCKING turns .NET's file locking off and with it the cross-process
/// guarantee; so does a network share without lock support.
/// </para>
/// </summary>
internal sealed class FileLock : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> Gates = new(StringComparer.Ordinal);

    // Stamps come from a range no real write time falls in (1980–2015), so a fresh file never carries one by chance.
    private static readonly long StampMin = new DateTime(1980, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly long StampMax = new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private readonly string path;
    private readonly SemaphoreSlim gate;
    private SafeFileHandle? file;

    private FileLock(string path, SemaphoreSlim gate) => (this.path, this.gate) = (path, gate);

    /// <summary>The lock file of <paramref name="name"/> under <paramref name="root"/>: a hidden file named by a hash of the name.</summary>
    public static string PathFor(string root, string name)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        return Path.Combine(root, $".{Convert.ToHexStringLower(hash[..16])}.lock");
    }

    public static async Task<FileLock> AcquireAsync(string lockPath, CancellationToken cancellationToken)
    {
        var held = new FileLock(lockPath, Enter(lockPath));
        try
        {
            await held.gate.WaitAsync(cancellationToken);
            try
            {
                held.file = await OpenExclusiveAsync(lockPath, cancellationToken);
            }
            catch
            {
                held.gate.Release();
                throw;
            }
        }
        catch
        {
            Leave(lockPath);
            throw;
        }

        return held;
    }

    public ValueTask DisposeAsync()
    {
        if (file is not null)
        {
            try
            {
                if (!OperatingSystem.IsWindows())
                {
                    // Still holding the OS lock, so the path names our file: nobody else can have replaced it.
                    File.Delete(path);
                }
            }
            catch (DirectoryNotFoundException)
            {
                // The whole root was removed while we held the lock: there is no lock file left to delete.
            }
            finally
            {
                file.Dispose();
                file = null;
                gate.Release();
                Leave(path);
            }
        }

        return ValueTask.CompletedTask;
    }

    private static async Task<SafeFileHandle> OpenExclusiveAsync(string lockPath, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var delay = 1;
        while (true)
        {
            SafeFileHandle? handle = null;
            try
            {
                handle = File.OpenHandle(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                if (OperatingSystem.IsWindows() || StillAtPath(handle, lockPath))
                {
                    return handle;
                }

                // We locked a file its previous holder had already deleted: try again with the one at the path now.
                handle.Dispose();
                continue;
            }
            catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException)
            {
                // The root is missing (a store's first write), or the lock file vanished between our open and our check.
                handle?.Dispose();
                Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
                continue;
            }
            catch (IOException ex) when (ex is not PathTooLongException)
            {
                handle?.Dispose();
                if (DateTime.UtcNow - started > Timeout)
                {
                    throw new TimeoutException($"Could not lock '{lockPath}' within {Timeout.TotalSeconds:0} s: another process holds it.", ex);
                }
            }
            catch
            {
                handle?.Dispose();
                throw;
            }

            await Task.Delay(Random.Shared.Next(delay, delay * 2 + 1), cancellationToken);
            delay = Math.Min(delay * 2, 50);
        }
    }

    /// <summary>True when <paramref name="lockPath"/> still names the file behind <paramref name="handle"/> (see the class remarks).</summary>
    internal static bool StillAtPath(SafeFileHandle handle, string lockPath)
    {
        File.SetLastWriteTimeUtc(handle, new DateTime(Random.Shared.NextInt64(StampMin, StampMax), DateTimeKind.Utc));
        var stamped = File.GetLastWriteTimeUtc(handle);
        var atPath = new FileInfo(lockPath);
        return atPath.Exists && atPath.LastWriteTimeUtc == stamped;
    }

    private static SemaphoreSlim Enter(string key)
    {
        lock (Gates)
        {
            var entry = Gates.TryGetValue(key, out var found) ? found : (Gate: new SemaphoreSlim(1, 1), Users: 0);
            Gates[key] = (entry.Gate, entry.Users + 1);
            return entry.Gate;
        }
    }

    private static void Leave(string key)
    {
        lock (Gates)
        {
            var (gate, users) = Gates[key];
            if (users == 1)
            {
                Gates.Remove(key);
                gate.Dispose();
            }
            else
            {
                Gates[key] = (gate, users - 1);
            }
        }
    }
}

namespace KnowledgeHub.Storage;

/// <summary>
/// An exclusive lock on one blob, held by this process and across processes: first an in-process
/// semaphore (so threads queue instead of spinning), then a lock file opened with
/// <see cref="FileShare.None"/> (an OS lock: flock on Linux and macOS, a share mode on Windows),
/// retried with backoff. Lock files are never deleted: deleting a lock file while another process
/// waits to open it would let two processes hold "the" lock at once. Setting the environment
/// variable DOTNET_SYSTEM_IO_DISABLEFILELOCKING turns .NET's file locking off and with it the
/// cross-process guarantee; so does a network share without lock support.
/// </summary>
internal sealed class FileLock : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> Gates = new(StringComparer.Ordinal);

    private readonly string path;
    private readonly SemaphoreSlim gate;
    private FileStream? file;

    private FileLock(string path, SemaphoreSlim gate) => (this.path, this.gate) = (path, gate);

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

    public async ValueTask DisposeAsync()
    {
        if (file is not null)
        {
            await file.DisposeAsync();
            file = null;
            gate.Release();
            Leave(path);
        }
    }

    private static async Task<FileStream> OpenExclusiveAsync(string lockPath, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var delay = 1;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException)
            {
                // The lock's folder is missing. When another process creates it between the failed open and .NET's
                // look at the folder, the same ENOENT surfaces as FileNotFoundException: both mean "create, retry".
                Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
            }
            catch (IOException ex) when (ex is not FileNotFoundException and not PathTooLongException)
            {
                if (DateTime.UtcNow - started > Timeout)
                {
                    throw new TimeoutException($"Could not lock '{lockPath}' within {Timeout.TotalSeconds:0} s: another process holds it.", ex);
                }

                await Task.Delay(Random.Shared.Next(delay, delay * 2 + 1), cancellationToken);
                delay = Math.Min(delay * 2, 50);
            }
        }
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

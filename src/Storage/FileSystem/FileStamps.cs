using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace KnowledgeHub.Storage;

/// <summary>The file store's ETags: <c>"{last-write ticks}-{length}"</c> (hex), with a last-write time the store sets itself.</summary>
internal static class FileStamps
{
    public static string ETag(DateTime lastWriteUtc, long length) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{lastWriteUtc.Ticks:x}-{length:x}\"");

    /// <summary>
    /// The length and last-write time of an open file, taken together: an append running at the same time changes the
    /// time (when it writes and when it stamps), so equal times before and after the length mean the pair is one state.
    /// </summary>
    public static (long Length, DateTime LastWriteUtc) Snapshot(SafeFileHandle handle)
    {
        for (var attempt = 0; ; attempt++)
        {
            var before = File.GetLastWriteTimeUtc(handle);
            var length = RandomAccess.GetLength(handle);
            var after = File.GetLastWriteTimeUtc(handle);
            if (before == after || attempt == 100)
            {
                return (length, after);
            }
        }
    }

    /// <summary>
    /// Sets the file's last-write time to now, or just after the previous write's stamp when the
    /// clock has not moved on (or the file system stores coarser times), and returns what was stored.
    /// </summary>
    public static DateTime Stamp(SafeFileHandle handle, DateTime? previous)
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

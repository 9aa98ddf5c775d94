using System.Globalization;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>
/// I/O counters of a process from <c>/proc/{pid}/io</c>: <see cref="WriteCalls"/> bytes (wchar: every byte handed to
/// write(2), to files and pipes alike) and <see cref="DiskWrites"/> (write_bytes − cancelled_write_bytes: bytes sent
/// to the block layer, which page-cache writeback may count late).
/// </summary>
public sealed record ProcIo(long WriteCalls, long DiskWrites)
{
    public static ProcIo Zero { get; } = new(0, 0);

    public static ProcIo operator -(ProcIo after, ProcIo before)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(before);
        return new(after.WriteCalls - before.WriteCalls, after.DiskWrites - before.DiskWrites);
    }

    public static ProcIo Subtract(ProcIo after, ProcIo before) => after - before;
}

/// <summary>Linux process figures read from /proc (null where a file cannot be read, e.g. the process has exited).</summary>
public static class ProcStats
{
    /// <summary>USER_HZ: the unit of utime/stime in /proc/{pid}/stat, 100 on every Linux architecture .NET runs on.</summary>
    public const double ClockTicksPerSecond = 100;

    public static ProcIo? Io(int pid)
    {
        var fields = ReadFields($"/proc/{pid}/io");
        return fields is null
            ? null
            : new ProcIo(fields.GetValueOrDefault("wchar"), fields.GetValueOrDefault("write_bytes") - fields.GetValueOrDefault("cancelled_write_bytes"));
    }

    public static ProcIo? SelfIo() => Io(Environment.ProcessId);

    /// <summary>User + system CPU time of the process (all threads), from /proc/{pid}/stat.</summary>
    public static TimeSpan? CpuTime(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var utime = long.Parse(rest[11], CultureInfo.InvariantCulture); // field 14
        var stime = long.Parse(rest[12], CultureInfo.InvariantCulture); // field 15
        return TimeSpan.FromSeconds((utime + stime) / ClockTicksPerSecond);
    }

    /// <summary>Resident set size in MB (10^6 bytes), VmRSS of /proc/{pid}/status.</summary>
    public static double? RssMB(int pid)
    {
        var fields = ReadFields($"/proc/{pid}/status", kilobytes: true);
        return fields is not null && fields.TryGetValue("VmRSS", out var kb) ? kb * 1024 / 1e6 : null;
    }

    /// <summary>Files (not folders) under <paramref name="folder"/>; 0 when it does not exist.</summary>
    public static int CountFiles(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;

    /// <summary>The lines of a file another process is appending to (null while it does not exist).</summary>
    public static long? CountLines(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
            var buffer = new byte[1 << 16];
            long lines = 0;
            for (int read; (read = stream.Read(buffer)) > 0;)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }

            return lines;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The files under <paramref name="folder"/>, as paths relative to it.</summary>
    public static HashSet<string> ListFiles(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).ToHashSet(StringComparer.Ordinal)
            : [];

    public static long FolderBytes(string folder) =>
        Directory.Exists(folder) ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    private static Dictionary<string, long>? ReadFields(string path, bool kilobytes = false)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var fields = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split(':', 2);
            if (parts.Length != 2)
            {
                continue;
            }

            var value = parts[1].Trim();
            if (kilobytes && value.EndsWith(" kB", StringComparison.Ordinal))
            {
                value = value[..^3];
            }

            if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                fields[parts[0].Trim()] = number;
            }
        }

        return fields;
    }
}

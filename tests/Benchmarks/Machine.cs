using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace KnowledgeHub.Benchmarks;

/// <summary>The machine the figures come from, and how busy it was: other processes on 2 cores distort every figure.</summary>
public static class Machine
{
    /// <summary>CPU time of this process, every thread (a fresh Process object: the runtime caches its figures).</summary>
    public static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>The 1-minute load average (runnable processes, this one included), or null where /proc/loadavg is missing.</summary>
    public static double? LoadAverage()
    {
        const string LoadFile = "/proc/loadavg";
        return File.Exists(LoadFile)
            && double.TryParse(File.ReadAllText(LoadFile).Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load)
            ? load
            : null;
    }

    /// <summary>The checked-out commit (read-only <c>git rev-parse</c>; the working tree may differ), or "" without git.</summary>
    public static async Task<string> GitCommitAsync(string root, CancellationToken cancellationToken)
    {
        try
        {
            var start = new ProcessStartInfo("git", ["rev-parse", "--short", "HEAD"]) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = Process.Start(start)!;
            var output = await git.StandardOutput.ReadToEndAsync(cancellationToken);
            await git.WaitForExitAsync(cancellationToken);
            return git.ExitCode == 0 ? output.Trim() : "";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }

    public static JsonObject Describe() => new()
    {
        ["cpu"] = CpuModel(),
        ["processors"] = Environment.ProcessorCount,
        ["memory_gb"] = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9, 1),
        ["os"] = RuntimeInformation.OSDescription,
        ["runtime"] = RuntimeInformation.FrameworkDescription,
        ["server_gc"] = System.Runtime.GCSettings.IsServerGC,
    };

    private static string CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        return File.Exists(CpuInfo)
            ? File.ReadLines(CpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? ""
            : RuntimeInformation.ProcessArchitecture.ToString();
    }
}

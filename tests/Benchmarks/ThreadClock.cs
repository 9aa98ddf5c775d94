using System.Runtime.InteropServices;

namespace KnowledgeHub.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): a query's own CPU cost, which other
/// processes on a busy machine do not inflate (unlike wall time). It leaves out time spent waiting — for the
/// GC's threads among others — so it is a lower bound of the latency, not the latency.
/// </summary>
internal static partial class ThreadClock
{
    private const int ThreadCpuTimeClock = 3;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && Read() is not null;

    /// <summary>Milliseconds of CPU this thread has used, or null where the clock cannot be read.</summary>
    public static double? Read()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        return ClockGetTime(ThreadCpuTimeClock, out var now) == 0 ? (now.Seconds * 1e3) + (now.Nanoseconds / 1e6) : null;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec value);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

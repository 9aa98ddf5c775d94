using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KnowledgeHub.Cluster;

/// <summary>
/// A child process whose output is kept and echoed with a prefix when asked. Kept: the first lines (start-up, the join's
/// phases), every warning, failure and debug entry with the line after it (the message), and the last lines; a busy node's
/// per-request lines cannot push its start-up out.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 400;
    private const int KeptFirstLines = 1000;
    private const int KeptNotableLines = 6000;
    private readonly Queue<string> lines = new();
    private readonly List<string> first = [];
    private readonly List<string> notable = [];
    private bool notableNext;
    private readonly string prefix;
    private readonly TextWriter? echo;

    private ChildProcess(Process process, string prefix, TextWriter? echo)
    {
        Process = process;
        this.prefix = prefix;
        this.echo = echo;
    }

    public Process Process { get; }

    public bool HasExited => Process.HasExited;

    /// <summary>What was kept of the process's output (stdout and stderr): the first lines, then warnings and failures, then the last lines.</summary>
    public string Output
    {
        get
        {
            lock (lines)
            {
                if (notable.Count == 0)
                {
                    return string.Join(Environment.NewLine, first.Concat(lines));
                }

                return string.Join(Environment.NewLine, first.Append("… warnings and failures since:").Concat(notable).Append("… the last lines:").Concat(lines));
            }
        }
    }

    public static ChildProcess Start(ProcessStartInfo start, string prefix, TextWriter? echo)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        var child = new ChildProcess(process, prefix, echo);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Waits for the process to end and for the last of its output to be read: a process that exits at once (a refused start)
    /// is seen as exited before the reader threads have delivered its last lines, and those lines are the reason.
    /// </summary>
    public async Task WaitForExitAsync(CancellationToken cancellationToken)
    {
        await Process.WaitForExitAsync(cancellationToken);
    }

    /// <summary>Kills the process at once (SIGKILL: no shutdown, no flush), as a crashed machine would stop.</summary>
    public async Task KillAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Process.Dispose();
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            if (first.Count < KeptFirstLines)
            {
                first.Add(line);
            }
            else
            {
                // Debug lines too: a node logs at Debug only what it was asked to (the benchmark's measurements).
                var isNotable = line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal)
                    || line.StartsWith("crit:", StringComparison.Ordinal) || line.StartsWith("dbug:", StringComparison.Ordinal);
                if ((isNotable || notableNext) && notable.Count < KeptNotableLines)
                {
                    notable.Add(line);
                }

                notableNext = isNotable;
                lines.Enqueue(line);
                while (lines.Count > KeptLines)
                {
                    lines.Dequeue();
                }
            }
        }

        if (echo is not null)
        {
            var text = new StringBuilder(prefix).Append(' ').Append(line).ToString();
            lock (echo)
            {
                echo.WriteLine(text);
            }
        }
    }
}

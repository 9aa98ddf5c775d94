using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace KnowledgeHub.Storage.Tests;

/// <summary>
/// Writer processes share one folder and race, round by round, on the same conditional write
/// (each round must have exactly one winner, whose content is what the blob holds) or on appends
/// to one log (nothing lost or interleaved, each append's offset its own). Lock files come and go
/// with every operation, so these races also prove that deleting them keeps the lock exclusive;
/// none is left afterwards.
/// </summary>
public sealed class TwoProcessRaceTests : IDisposable
{
    private const int Rounds = 60;
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("create")]
    [InlineData("if-match")]
    public async Task Writer_processes_racing_on_the_same_conditional_write_have_exactly_one_winner(string mode)
    {
        var store = new FileSystemBlobStore(folder.Path);
        for (var i = 0; mode == "if-match" && i < Rounds; i++)
        {
            await store.WriteAsync($"race/{i}", Encoding.UTF8.GetBytes("base"), WriteCondition.None, CancellationToken.None);
        }

        await RaceAsync(mode, Rounds, Rounds, async (round, results) =>
        {
            var winner = results.IndexOf("won");
            Assert.True(results.Count(r => r == "won") == 1, $"round {round}: {string.Join(", ", results)}");
            var blob = await store.ReadAsync($"race/{round}", CancellationToken.None);
            Assert.Equal($"writer {winner}", Encoding.UTF8.GetString(blob!.Content.Span));
        });

        AssertNoLockFileLeft();
    }

    [Fact]
    public async Task Appending_processes_lose_nothing_never_interleave_and_each_get_the_end_offset_of_their_own_line()
    {
        var store = new FileSystemBlobStore(folder.Path);
        var ends = new List<(string Line, long End)>();

        await RaceAsync("append", Rounds, Rounds, (round, results) =>
        {
            ends.AddRange(results.Select((end, writer) => ($"writer {writer} round {round}\n", long.Parse(end!, CultureInfo.InvariantCulture))));
            return Task.CompletedTask;
        });

        var log = (await store.ReadAsync("race/log", CancellationToken.None))!.Content;
        Assert.Equal(3 * Rounds, ends.Count);
        Assert.Equal(ends.Sum(e => e.Line.Length), log.Length);
        Assert.Equal(ends.Count, ends.Select(e => e.End).Distinct().Count());
        Assert.All(ends, e => Assert.Equal(e.Line, Encoding.UTF8.GetString(log.Span[(int)(e.End - e.Line.Length)..(int)e.End])));
        AssertNoLockFileLeft();
    }

    [Fact]
    public async Task Processes_appending_as_fast_as_they_can_lose_no_line_and_keep_each_ones_order()
    {
        // Thousands of lock handovers between processes, each deleting its lock file: a lock held twice would show as an
        // overwritten (lost) line. (The rare stale-file case itself is tested in FileLockTests.)
        const int Lines = 300;
        var store = new FileSystemBlobStore(folder.Path);

        await RaceAsync("append-burst", 1, Lines, (_, results) =>
        {
            Assert.All(results, r => Assert.Equal("done", r));
            return Task.CompletedTask;
        });

        var log = Encoding.UTF8.GetString((await store.ReadAsync("race/burst", CancellationToken.None))!.Content.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3 * Lines, log.Length);
        for (var writer = 0; writer < 3; writer++)
        {
            var prefix = $"writer {writer} line ";
            Assert.Equal(Enumerable.Range(0, Lines).Select(k => $"{prefix}{k}"), log.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)));
        }

        AssertNoLockFileLeft();
    }

    private void AssertNoLockFileLeft()
    {
        var entries = FileSystemFootprintTests.Entries(folder.Path);
        Assert.Contains(Path.Combine(folder.Path, "race"), entries);
        Assert.DoesNotContain(entries, e => Path.GetFileName(e).StartsWith('.'));
    }

    /// <summary>Starts three writers, sends every round to all of them at once and hands their answers to <paramref name="check"/>.</summary>
    private async Task RaceAsync(string mode, int rounds, int count, Func<int, List<string?>, Task> check)
    {
        var writers = Enumerable.Range(0, 3).Select(id => StartWriter(mode, id, count)).ToList();
        try
        {
            foreach (var writer in writers)
            {
                var first = await writer.StandardOutput.ReadLineAsync();
                Assert.True(first == "ready", $"A writer said '{first}' instead of 'ready': {(first is null ? await writer.StandardError.ReadToEndAsync() : "")}");
            }

            for (var round = 0; round < rounds; round++)
            {
                // Everyone gets the go for this round before anyone is read; who hears first rotates.
                for (var k = 0; k < writers.Count; k++)
                {
                    var input = writers[(round + k) % writers.Count].StandardInput;
                    await input.WriteLineAsync($"{round}");
                    await input.FlushAsync();
                }

                var results = new List<string?>();
                foreach (var writer in writers)
                {
                    results.Add(await writer.StandardOutput.ReadLineAsync());
                }

                await check(round, results);
            }

            foreach (var writer in writers)
            {
                writer.StandardInput.Close();
                await writer.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.True(writer.ExitCode == 0, await writer.StandardError.ReadToEndAsync());
            }
        }
        finally
        {
            foreach (var writer in writers)
            {
                if (!writer.HasExited)
                {
                    writer.Kill(entireProcessTree: true);
                }

                writer.Dispose();
            }
        }
    }

    private Process StartWriter(string mode, int id, int count)
    {
        var program = typeof(TwoProcessRaceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "StorageRace").Value!;
        Assert.True(File.Exists(program), $"{program} was not built");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { program, folder.Path, mode, $"{id}", $"{count}" })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}

using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace KnowledgeHub.Storage.Tests;

/// <summary>
/// Writer processes share one folder and race, round by round, on the same conditional write:
/// each round must have exactly one winner, whose content is what the blob holds.
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

        var writers = Enumerable.Range(0, 3).Select(id => StartWriter(mode, id)).ToList();
        try
        {
            foreach (var writer in writers)
            {
                var first = await writer.StandardOutput.ReadLineAsync();
                Assert.True(first == "ready", $"A writer said '{first}' instead of 'ready': {(first is null ? await writer.StandardError.ReadToEndAsync() : "")}");
            }

            for (var round = 0; round < Rounds; round++)
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

                var winner = results.IndexOf("won");
                Assert.True(results.Count(r => r == "won") == 1, $"round {round}: {string.Join(", ", results)}");
                var blob = await store.ReadAsync($"race/{round}", CancellationToken.None);
                Assert.Equal($"writer {winner}", Encoding.UTF8.GetString(blob!.Content.Span));
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

    private Process StartWriter(string mode, int id)
    {
        var program = typeof(TwoProcessRaceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "StorageRace").Value!;
        Assert.True(File.Exists(program), $"{program} was not built");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { program, folder.Path, mode, $"{id}", $"{Rounds}" })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}

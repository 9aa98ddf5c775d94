using System.Globalization;
using KnowledgeHub.Documents.Import;

namespace KnowledgeHub.Portal.Import;

/// <summary>The command line's progress line (every second, on standard error) and its final report (standard output).</summary>
internal sealed class ImportConsole : IAsyncDisposable
{
    private readonly ImportProgress progress;
    private readonly TextWriter output;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public ImportConsole(ImportProgress progress, TextWriter output)
    {
        (this.progress, this.output) = (progress, output);
        loop = Task.Run(LoopAsync);
    }

    public static string Line(ImportProgressSnapshot s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Done}/{s.Total} files · {s.Imported} imported · {s.Skipped} skipped · {s.Failed} failed · {s.Elapsed.TotalSeconds:0.0} s")
        + (s.Remaining is { } left && !s.Finished ? string.Create(CultureInfo.InvariantCulture, $" · about {Math.Ceiling(left.TotalSeconds):0} s left") : "");

    public static async Task WriteReportAsync(ImportReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var item in report.Items)
        {
            var what = item.Outcome switch
            {
                ImportOutcome.WouldImport => "would import",
                ImportOutcome.Imported => "imported",
                ImportOutcome.Skipped => "skipped",
                _ => "FAILED",
            };
            var type = item.Type is null ? "" : $" as {item.Type}{(item.TypeGuessed ? " (guessed)" : "")}";
            var title = item.Title is null ? "" : $" \"{item.Title}\"";
            var id = item.DocumentId is null || item.Outcome == ImportOutcome.WouldImport ? "" : $" → {item.DocumentId}";
            await output.WriteLineAsync($"{what,-12} {item.Path}{type}{title}{id}{(item.Message is null ? "" : " — " + item.Message)}");
            foreach (var problem in item.Problems)
            {
                await output.WriteLineAsync($"             does not conform: {problem}");
            }

            foreach (var file in item.NotAttached)
            {
                await output.WriteLineAsync($"             not attached: {file.Name}: {file.Reason}");
            }
        }

        var verb = report.DryRun ? "would be imported" : "imported";
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{report.Items.Count} files: {report.Count(report.DryRun ? ImportOutcome.WouldImport : ImportOutcome.Imported)} {verb}, {report.Count(ImportOutcome.Skipped)} skipped, {report.Count(ImportOutcome.Failed)} failed, in {report.Elapsed.TotalSeconds:0.0} s."));
    }

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await loop;
        await output.WriteLineAsync(Line(progress.Snapshot()));
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync();
            await loop;
        }

        stop.Dispose();
    }

    private async Task LoopAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
                if (progress.Snapshot() is { Finished: false } running)
                {
                    await output.WriteLineAsync(Line(running));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}

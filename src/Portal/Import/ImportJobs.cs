using System.Collections.Concurrent;
using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Import;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Import;

/// <summary>One batch started from the import page, as its owner sees it.</summary>
public sealed record ImportJobView(string Id, string SourceName, ImportDefaults Defaults, ImportProgressSnapshot Progress, ImportReport? Report, string? Error);

/// <summary>
/// The batches started from the import page: each runs in the background in its own scope (the request answers at
/// once and the page polls the progress), one at a time per user. Only the user who started a batch sees it. The
/// uploaded files wait in a spool folder until the batch is imported for real (a dry run keeps them for the run that
/// follows it) or until the job is forgotten (the oldest finished jobs beyond <see cref="MaxJobs"/>).
/// </summary>
public sealed partial class ImportJobs(IServiceScopeFactory scopes, IOptions<ImportWebOptions> options, IOptions<AttachmentOptions> attachments, IHostApplicationLifetime lifetime, ILogger<ImportJobs> logger)
{
    public const int MaxJobs = 50;

    private readonly ConcurrentDictionary<string, Job> jobs = new(StringComparer.Ordinal);

    public string SpoolRoot => options.Value.SpoolPath is { Length: > 0 } path ? path : Path.Combine(Path.GetTempPath(), "knowledgehub-import");

    /// <summary>A new, empty spool folder for an upload.</summary>
    public string NewSpool()
    {
        var folder = Path.Combine(SpoolRoot, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>True when <paramref name="caller"/> has a batch running (one at a time per user).</summary>
    public bool IsBusy(Caller caller) => jobs.Values.Any(j => j.Owner == caller.Principal && !j.Progress.Snapshot().Finished);

    /// <summary>Starts importing <paramref name="source"/> (a zip file or a folder in a spool folder); returns the job id.</summary>
    public string Start(string spool, string source, string sourceName, ImportDefaults defaults, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(caller);
        Forget();
        var job = new Job(Guid.NewGuid().ToString("N"), caller, spool, source, sourceName, defaults);
        jobs[job.Id] = job;
        job.Task = Task.Run(() => RunAsync(job), CancellationToken.None);
        return job.Id;
    }

    /// <summary>Imports for real what dry run <paramref name="dryRunId"/> looked at; null when there is no such finished dry run of this caller.</summary>
    public string? StartRun(string dryRunId, Caller caller)
    {
        if (Find(dryRunId, caller) is not { Defaults.DryRun: true } dry || !dry.Progress.Snapshot().Finished || dry.Error is not null || dry.RunId is not null)
        {
            return null;
        }

        dry.RunId = Start(dry.Spool, dry.Source, dry.SourceName, dry.Defaults with { DryRun = false }, caller);
        return dry.RunId;
    }

    public ImportJobView? Get(string id, Caller caller) =>
        Find(id, caller) is { } job ? new ImportJobView(job.Id, job.SourceName, job.Defaults, job.Progress.Snapshot(), job.Report, job.Error) : null;

    /// <summary>The real run started from a dry run, if any.</summary>
    public string? RunOf(string dryRunId, Caller caller) => Find(dryRunId, caller)?.RunId;

    private Job? Find(string id, Caller caller) =>
        jobs.TryGetValue(id, out var job) && string.Equals(job.Owner, caller.Principal, StringComparison.Ordinal) ? job : null;

    private async Task RunAsync(Job job)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<BulkImporter>();
            importer.Parallelism = options.Value.Parallelism;
            var limits = new ImportLimits { MaxFileBytes = attachments.Value.MaxBytes };
            await using var source = ImportSource.Open(job.Source, limits);
            job.Report = await importer.RunAsync(source, job.Defaults, job.Caller, job.Progress, lifetime.ApplicationStopping);
        }
        catch (Exception e) when (e is ImportRefusedException or UnauthorizedAccessException)
        {
            job.Error = e.Message;
        }
        catch (OperationCanceledException)
        {
            job.Error = "The portal stopped while the batch was imported; import it again: files already imported are skipped.";
        }
        catch (Exception e)
        {
            LogFailed(e, job.Id);
            job.Error = "The import stopped on an unexpected error; import it again: files already imported are skipped.";
        }
        finally
        {
            job.Progress.Finish();
            if (!job.Defaults.DryRun)
            {
                DeleteSpool(job.Spool);
            }
        }
    }

    /// <summary>Forgets the oldest finished jobs beyond <see cref="MaxJobs"/>, with their spool folders.</summary>
    private void Forget()
    {
        foreach (var old in jobs.Values.Where(j => j.Progress.Snapshot().Finished).OrderBy(j => j.Created).SkipLast(MaxJobs - 1).ToList())
        {
            if (jobs.TryRemove(old.Id, out _) && old.Defaults.DryRun && old.RunId is null)
            {
                DeleteSpool(old.Spool);
            }
        }
    }

    private void DeleteSpool(string spool)
    {
        try
        {
            if (Directory.Exists(spool))
            {
                Directory.Delete(spool, recursive: true);
            }
        }
        catch (IOException e)
        {
            LogSpoolLeft(e, spool);
        }
        catch (UnauthorizedAccessException e)
        {
            LogSpoolLeft(e, spool);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import job {JobId} failed")]
    private partial void LogFailed(Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The import spool folder {Spool} could not be deleted")]
    private partial void LogSpoolLeft(Exception exception, string spool);

    private sealed class Job(string id, Caller caller, string spool, string source, string sourceName, ImportDefaults defaults)
    {
        public string Id { get; } = id;

        public Caller Caller { get; } = caller;

        public string Owner { get; } = caller.Principal;

        public string Spool { get; } = spool;

        public string Source { get; } = source;

        public string SourceName { get; } = sourceName;

        public ImportDefaults Defaults { get; } = defaults;

        public DateTimeOffset Created { get; } = DateTimeOffset.UtcNow;

        public ImportProgress Progress { get; } = new();

        public Task? Task { get; set; }

        public ImportReport? Report { get; set; }

        public string? Error { get; set; }

        public string? RunId { get; set; }
    }
}

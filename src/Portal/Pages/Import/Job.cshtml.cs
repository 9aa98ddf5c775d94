using System.Globalization;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Import;

/// <summary>One batch: its progress (polled as JSON by import.js while it runs) and, once done, its report; a finished dry run offers the real run.</summary>
public sealed class JobModel(ImportJobs jobs, TypeLabels typeLabels) : PageModel
{
    public ImportJobView? Job { get; private set; }

    /// <summary>Type key → its name in the UI language, for the report's type column.</summary>
    public IReadOnlyDictionary<string, string> TypeLabels { get; private set; } = new Dictionary<string, string>();

    /// <summary>The real run started from this dry run, if any.</summary>
    public string? RunId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        Job = jobs.Get(id, HttpContext.GetCaller());
        if (Job is null)
        {
            return NotFound();
        }

        TypeLabels = await typeLabels.GetAsync(HttpContext.RequestAborted);
        RunId = jobs.RunOf(id, HttpContext.GetCaller());
        return Page();
    }

    public IActionResult OnGetProgress(string id)
    {
        if (jobs.Get(id, HttpContext.GetCaller()) is not { } job)
        {
            return NotFound();
        }

        var p = job.Progress;
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new
        {
            total = p.Total,
            done = p.Done,
            imported = p.Imported,
            skipped = p.Skipped,
            failed = p.Failed,
            elapsedSeconds = Math.Round(p.Elapsed.TotalSeconds, 1),
            remainingSeconds = p.Remaining is { } left ? Math.Ceiling(left.TotalSeconds) : (double?)null,
            finished = p.Finished && (job.Report is not null || job.Error is not null),
        });
    }

    public IActionResult OnPostRun(string id)
    {
        var caller = HttpContext.GetCaller();
        if (jobs.Get(id, caller) is null)
        {
            return NotFound();
        }

        if (jobs.IsBusy(caller))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        return jobs.StartRun(id, caller) is { } run
            ? RedirectToPage("/Import/Job", new { id = run })
            : jobs.RunOf(id, caller) is { } existing
                ? RedirectToPage("/Import/Job", new { id = existing })
                : StatusCode(StatusCodes.Status409Conflict);
    }

    public static string Seconds(TimeSpan span) => Math.Ceiling(span.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}

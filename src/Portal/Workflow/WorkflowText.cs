using System.Globalization;
using KnowledgeHub.Documents;

namespace KnowledgeHub.Portal.Workflow;

/// <summary>The bilingual words the workflow pages share.</summary>
public static class WorkflowText
{
    public static string Decision(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Submit => "提交审阅 Submitted for review",
        ReviewDecision.Approve => "批准 Approved",
        ReviewDecision.RequestChanges => "退回修改 Changes requested",
        ReviewDecision.Archive => "归档 Archived",
        _ => "恢复 Restored from the archive",
    };

    /// <summary>A UTC time as the pages show it.</summary>
    public static string Time(DateTimeOffset utc) => utc.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };

    /// <summary>The one-line summary of a conformance report, for the panel and the live check.</summary>
    public static string Conformance(ConformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Conforms
            ? "符合模板，可以提交审阅。It follows its template and can be submitted for review."
            : $"提交审阅前还需补全 {report.Problems.Count} 项。{report.Problems.Count} {(report.Problems.Count == 1 ? "item is" : "items are")} missing before it can be submitted for review; saving a draft is always possible.";
    }
}

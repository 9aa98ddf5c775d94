using System.Globalization;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Resources;
using Microsoft.Extensions.Localization;

namespace KnowledgeHub.Portal.Workflow;

/// <summary>Words the workflow pages share that are computed, not looked up: sizes and the conformance summary.</summary>
public static class WorkflowText
{
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.CurrentCulture) + " MB",
        >= 1024 => (bytes / 1024d).ToString("0.#", CultureInfo.CurrentCulture) + " KB",
        _ => bytes.ToString(CultureInfo.CurrentCulture) + " B",
    };

    /// <summary>The one-line summary of a conformance report, for the panel and the live check, in the UI language.</summary>
    public static string Conformance(ConformanceReport report, IStringLocalizer<ReviewText> text)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(text);
        return report.Conforms ? text["Conforms"]
            : report.Problems.Count == 1 ? text["ItemMissing"]
            : text["ItemsMissing", report.Problems.Count];
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KnowledgeHub.Telemetry;

/// <summary>
/// The one <c>KnowledgeHub</c> meter and activity source, and every instrument the portal records (all named
/// <c>knowledgehub.*</c>). Kept in the lowest library so Storage, Documents, Search and the portal record into the
/// same place; OpenTelemetry (configured by the portal) listens to <see cref="Name"/>. Nothing recorded here carries
/// query text, names or e-mail addresses: tags are fixed vocabularies (operation, outcome, policy, action).
/// </summary>
public static class KnowledgeHubTelemetry
{
    public const string Name = "KnowledgeHub";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Time to answer one search (query parse, Lucene, facets, snippets), in milliseconds.</summary>
    public static readonly Histogram<double> SearchDuration = Meter.CreateHistogram<double>(
        "knowledgehub.search.duration", "ms", "Time to answer one search");

    /// <summary>Changes in the change log that this node's index has not applied yet.</summary>
    public static readonly Gauge<long> IndexLagChanges = Meter.CreateGauge<long>(
        "knowledgehub.index.lag.changes", "{change}", "Changes appended to the change log that the index has not applied yet");

    /// <summary>Age of the oldest change the index has not applied yet (0 when caught up).</summary>
    public static readonly Gauge<double> IndexLagSeconds = Meter.CreateGauge<double>(
        "knowledgehub.index.lag.seconds", "s", "Age of the oldest change the index has not applied yet");

    /// <summary>Documents indexed so far by a running rebuild (0 when none runs).</summary>
    public static readonly Gauge<long> RebuildDocuments = Meter.CreateGauge<long>(
        "knowledgehub.index.rebuild.documents", "{document}", "Documents indexed so far by the running rebuild");

    /// <summary>Share of a running rebuild done, 0 to 1 (1 when no rebuild runs).</summary>
    public static readonly Gauge<double> RebuildProgress = Meter.CreateGauge<double>(
        "knowledgehub.index.rebuild.progress", "1", "Share of the running rebuild done (1 when none runs)");

    /// <summary>Attachment text extractions that failed (tag <c>reason</c>: failed | timeout).</summary>
    public static readonly Counter<long> ExtractionFailures = Meter.CreateCounter<long>(
        "knowledgehub.extraction.failures", "{extraction}", "Attachment text extractions that failed");

    /// <summary>Attachment text extractions stopped at their time limit.</summary>
    public static readonly Counter<long> ExtractionTimeouts = Meter.CreateCounter<long>(
        "knowledgehub.extraction.timeouts", "{extraction}", "Attachment text extractions stopped at their time limit");

    /// <summary>Storage calls that failed for a reason other than a write condition (tag <c>operation</c>, <c>kind</c>).</summary>
    public static readonly Counter<long> StorageErrors = Meter.CreateCounter<long>(
        "knowledgehub.storage.errors", "{error}", "Storage calls that failed (by operation)");

    /// <summary>Requests refused by a rate limit (tag <c>policy</c>).</summary>
    public static readonly Counter<long> RateLimitRejections = Meter.CreateCounter<long>(
        "knowledgehub.ratelimit.rejections", "{request}", "Requests refused with 429 by a rate limit");

    /// <summary>Reads and other actions refused by the access rules (tag <c>action</c>).</summary>
    public static readonly Counter<long> DeniedReads = Meter.CreateCounter<long>(
        "knowledgehub.access.denied", "{request}", "Reads and actions refused by the access rules");

    /// <summary>Time of one save through the use case, to its commit (tag <c>outcome</c>: saved | conflict | refused).</summary>
    public static readonly Histogram<double> SaveDuration = Meter.CreateHistogram<double>(
        "knowledgehub.save.duration", "ms", "Time to commit one save");
}

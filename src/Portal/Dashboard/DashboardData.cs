using KnowledgeHub.Search;

namespace KnowledgeHub.Portal.Dashboard;

/// <summary>Open and overdue action items of one owner (the handle written after @).</summary>
public sealed record OwnerLoad(string Owner, int Open, int Overdue);

/// <summary>How many readable documents of each type were last updated in one month.</summary>
public sealed record MonthCounts(DateOnly Month, IReadOnlyDictionary<string, int> ByType)
{
    public int Total => ByType.Values.Sum();
}

/// <summary>A campaign plan no retrospective answers yet.</summary>
public sealed record CampaignWithoutRetro(string DocumentId, string Title, string Campaign);

/// <summary>One team's (or person's) state for a type with a reporting cadence in the current period.</summary>
public sealed record CadenceEntry(string Who, string WhoName, string? FiledDocumentId, string? FiledTitle, bool Late);

/// <summary>A type with a cadence: the current period, when it is due, and each team's state.</summary>
public sealed record CadenceStatus(string Type, string TypeName, DateOnly PeriodStart, DateOnly PeriodEnd, DateTime Due, IReadOnlyList<CadenceEntry> Entries);

/// <summary>Everything the dashboard shows, computed only over documents the viewer may read.</summary>
public sealed record DashboardData(
    IReadOnlyList<ActionItemHit> MyActions,
    IReadOnlyList<LessonHit> RecentLessons,
    IReadOnlyList<OwnerLoad> ActionsByOwner,
    IReadOnlyList<MonthCounts> DocumentsPerMonth,
    IReadOnlyList<CampaignWithoutRetro> CampaignsWithoutRetro,
    IReadOnlyList<CadenceStatus> Cadence,
    DateOnly Today);

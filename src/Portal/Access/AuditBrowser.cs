using KnowledgeHub.Documents;
using DomainAudit = KnowledgeHub.Documents.AuditActions;

namespace KnowledgeHub.Portal.Access;

/// <summary>Filters of the audit page and its export: days of the viewer's time zone; empty text filters match everything.</summary>
public sealed record AuditQuery
{
    public const int MaxDays = 366;

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    /// <summary>A user name (alice), a principal (user:…), or part of a principal or display name.</summary>
    public string? Principal { get; init; }

    public string? Action { get; init; }

    public string? DocumentId { get; init; }

    public string? Outcome { get; init; }

    /// <summary>The time zone <see cref="From"/> and <see cref="To"/> are days of (the viewer's; UTC when not given).</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The first instant of <see cref="From"/> in <see cref="Zone"/>.</summary>
    public DateTimeOffset StartUtc => StartOf(From);

    /// <summary>The first instant after <see cref="To"/> in <see cref="Zone"/> (exclusive).</summary>
    public DateTimeOffset EndUtc => StartOf(To.AddDays(1));

    /// <summary>A sentence when the range cannot be read, otherwise null.</summary>
    public string? RangeError =>
        To < From ? "The end day is before the start day."
            : To.DayNumber - From.DayNumber >= MaxDays ? $"Choose at most {MaxDays} days at a time."
            : null;

    /// <summary>Midnight of <paramref name="day"/> in <see cref="Zone"/>, or the first valid time after it where a clock change skips midnight.</summary>
    private DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }
}

/// <summary>One page of audit entries, newest first.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageSize)
{
    public int PageCount => (Total + PageSize - 1) / PageSize;
}

/// <summary>Reads the append-only audit log for admins: filter, page, export. It never writes or removes a record.</summary>
public sealed class AuditBrowser(AuditLog audit, PrincipalDirectory directory)
{
    /// <summary>The actions the filter offers (any other recorded action is still listed and exported).</summary>
    public static readonly IReadOnlyList<string> KnownActions =
    [
        AuditActions.View, AuditActions.Download, AuditActions.Create, AuditActions.Edit, AuditActions.Share,
        DomainAudit.Submit, DomainAudit.Approve, DomainAudit.RequestChanges,
        DomainAudit.Archive, DomainAudit.Restore, DomainAudit.RestoreVersion, DomainAudit.ViewHistory, DomainAudit.Compare,
        DomainAudit.Attach, DomainAudit.RemoveAttachment, AuditActions.AuditExport,
    ];

    public static readonly IReadOnlyList<string> KnownOutcomes =
        [AuditActions.Allowed, AuditActions.Denied, AuditActions.Conflict, DomainAudit.Refused];

    /// <summary>Every matching entry, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> FindAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.RangeError is not null)
        {
            return [];
        }

        var matches = Matcher(query);
        var found = new List<AuditEntry>();
        var refusals = new Dictionary<(string, string, string?, long), int>();
        var (start, end) = (query.StartUtc, query.EndUtc);

        // The log is kept in UTC days: read the ones the viewer's days overlap, keep the entries inside them.
        var firstDay = DateOnly.FromDateTime(start.UtcDateTime);
        var lastDay = DateOnly.FromDateTime(end.UtcDateTime.AddTicks(-1));
        await foreach (var entry in audit.ReadAsync(firstDay, lastDay, cancellationToken))
        {
            if (entry.Utc < start || entry.Utc >= end || !matches(entry))
            {
                continue;
            }

            // Refusals of one user, action and document in one minute are one row with their count (the log coalesces them).
            var key = (entry.Principal, entry.Action, entry.DocumentId, entry.Utc.UtcTicks / TimeSpan.TicksPerMinute);
            if (entry.Outcome == AuditActions.Denied && refusals.TryGetValue(key, out var at))
            {
                found[at] = found[at] with { Count = found[at].Count + entry.Count };
                continue;
            }

            if (entry.Outcome == AuditActions.Denied)
            {
                refusals[key] = found.Count;
            }

            found.Add(entry);
        }

        found.Reverse();
        return found;
    }

    public async Task<AuditPage> PageAsync(AuditQuery query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var all = await FindAsync(query, cancellationToken);
        var size = Math.Clamp(pageSize, 1, 500);
        var count = Math.Max(1, (all.Count + size - 1) / size);
        var number = Math.Clamp(page, 1, count);
        return new AuditPage(all.Skip((number - 1) * size).Take(size).ToList(), all.Count, number, size);
    }

    private Func<AuditEntry, bool> Matcher(AuditQuery query)
    {
        var text = query.Principal?.Trim() ?? "";
        var resolved = text.Length == 0 ? null : directory.Parse(text) is { IsValid: true, Principals: [var one] } ? one : null;
        return entry =>
            (text.Length == 0
                || (resolved is not null && string.Equals(entry.Principal, resolved, StringComparison.OrdinalIgnoreCase))
                || entry.Principal.Contains(text, StringComparison.OrdinalIgnoreCase)
                || entry.PrincipalName.Contains(text, StringComparison.OrdinalIgnoreCase))
            && Same(query.Action, entry.Action)
            && Same(query.DocumentId, entry.DocumentId)
            && Same(query.Outcome, entry.Outcome);
    }

    private static bool Same(string? filter, string? value) =>
        string.IsNullOrWhiteSpace(filter) || string.Equals(filter.Trim(), value, StringComparison.OrdinalIgnoreCase);
}

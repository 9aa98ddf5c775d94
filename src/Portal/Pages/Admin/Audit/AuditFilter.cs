using System.ComponentModel.DataAnnotations;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace KnowledgeHub.Portal.Pages.Admin.Audit;

/// <summary>The audit filters as they travel in the query string (shared by the page, its pager and the export).</summary>
public sealed class AuditFilter
{
    public const int DefaultDays = 7;

    [FromQuery(Name = "from")]
    [Display(Name = "AuditFrom")]
    public DateOnly? From { get; set; }

    [FromQuery(Name = "to")]
    [Display(Name = "AuditTo")]
    public DateOnly? To { get; set; }

    [FromQuery(Name = "principal")]
    [Display(Name = "AuditPrincipal")]
    public string? Principal { get; set; }

    [FromQuery(Name = "action")]
    [Display(Name = "AuditAction")]
    public string? Action { get; set; }

    [FromQuery(Name = "document")]
    [Display(Name = "AuditDocument")]
    public string? Document { get; set; }

    [FromQuery(Name = "outcome")]
    [Display(Name = "AuditOutcome")]
    public string? Outcome { get; set; }

    /// <summary>The query for the audit log in days of the viewer's time zone; they default to the last <see cref="DefaultDays"/> days.</summary>
    public AuditQuery ToQuery(PortalTime time, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(clock);
        return ToQuery(DateOnly.FromDateTime(time.Local(clock.GetUtcNow())), time.Zone);
    }

    /// <summary>The query for the audit log, in days of <paramref name="zone"/>; they default to the last <see cref="DefaultDays"/> days up to <paramref name="today"/>.</summary>
    public AuditQuery ToQuery(DateOnly today, TimeZoneInfo zone) => new()
    {
        Zone = zone,
        From = From ?? (To ?? today).AddDays(1 - DefaultDays),
        To = To ?? today,
        Principal = Principal,
        Action = Action,
        DocumentId = Document,
        Outcome = Outcome,
    };

    /// <summary><paramref name="path"/> with these filters (and <paramref name="page"/> when given) in its query string.</summary>
    public string Link(string path, AuditQuery query, int? page = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = new Dictionary<string, string?>
        {
            ["from"] = query.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = query.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["principal"] = Principal,
            ["action"] = Action,
            ["document"] = Document,
            ["outcome"] = Outcome,
            ["page"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString(path, values.Where(v => !string.IsNullOrWhiteSpace(v.Value)));
    }
}
